// Rules for the objects that point at workloads, pods or Services: a HorizontalPodAutoscaler's scale target, the
// pods a PodDisruptionBudget guards, the Services or pods a Prometheus Operator monitor scrapes (and their ports),
// and the Services a Gateway API route forwards to (and their ports). The API server accepts each of these whatever
// it points at; what breaks is the controller that follows the reference. As for Services and their pods
// (linkage-rules.ts), a reference is an error only where the input proves the other end missing: the namespace it
// points into holds the workloads or Services of these manifests and none matches. Where the other end may live
// elsewhere (another set of manifests, a custom resource's controller), it is a warning that says why.
import type {
  AutoscalerView, BackendRefView, DisruptionBudgetView, MonitorEndpointView, MonitorView, ReferenceGrantView, RouteView,
} from './contract';
import { EXTERNAL_BACKEND_ANNOTATION, EXTERNAL_BACKEND_VALUE, invalid, required, show, text } from './contract';
import { Severity } from './finding';
import { asArray, asStringMap, isObject, isUnset } from './json';
import { groupOf } from './manifest-views';
import type { DeclaredPort } from './pod-facts';
import { PodIndex, PodSource, isBuiltInGroup, unseenCreatorReason } from './pod-index';
import type { CheckedObject, CheckedService, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { isEmptySelector, labelSelectorMatches } from './selectors';
import { defaultServicePort } from './service-defaults';

const { OURS } = SOURCES;
const E = Severity.ERROR;
const W = Severity.WARNING;
const M = RuleScope.MANIFEST;

const HPA_SOURCE = 'k8s.io/kubernetes pkg/controller/podautoscaler/horizontal.go reconcileAutoscaler (RESTMappings of the target\'s group and kind, then its scale subresource)';
const PROMETHEUS_OPERATOR = 'prometheus-operator pkg/prometheus/promcfg.go generateServiceMonitorConfig, generatePodMonitorConfig';
const GATEWAY_API = 'sigs.k8s.io/gateway-api apis/v1 BackendObjectReference';

/**
 * The rules of this family.
 *
 * @internal
 */
export const REFERENCE_RULES = {
  'hpa-scale-target': rule(E, M, 'a HorizontalPodAutoscaler\'s scaleTargetRef names a kind its apiVersion\'s group serves with a scale subresource ' +
    '(Deployment, StatefulSet or ReplicaSet of apps, ReplicationController of v1; DaemonSets, Jobs and Pods cannot be scaled), and an object of ' +
    'that kind and name in its namespace, when the input has workloads there', `${OURS}; ${HPA_SOURCE}`),
  'pdb-selector': rule(E, M, 'a PodDisruptionBudget has a selector, and it matches at least one pod template in its namespace, when the input has ' +
    'workloads there and nothing else that could create pods', `${OURS}; k8s.io/kubernetes pkg/controller/disruption/disruption.go getPodsForPdb`),
  'pdb-overlap': rule(W, M, 'no two PodDisruptionBudgets select the pods of one workload (the eviction API refuses to evict a pod more than one ' +
    'selects), and no PodDisruptionBudget spans workloads of different apps (one budget counts the pods of both together)',
  `${OURS}; k8s.io/kubernetes pkg/registry/core/pod/storage/eviction.go EvictionREST.Create, pkg/controller/disruption/disruption.go getExpectedPodCount`),
  'monitor-selector': rule(E, M, 'a ServiceMonitor (PodMonitor) has a selector, and it matches a Service (a pod template) in the namespaces it ' +
    'selects (its own when it has no namespaceSelector), when the input has Services (workloads) there', `${OURS}; ${PROMETHEUS_OPERATOR} (kubernetes_sd_configs namespaces)`),
  'monitor-port': rule(E, M, 'each endpoint of a ServiceMonitor names a port of a selected Service (port) or a container port of their pods ' +
    '(targetPort, by name or number); each endpoint of a PodMonitor names a container port of the selected pods (port, portNumber, targetPort)',
  `${OURS}; ${PROMETHEUS_OPERATOR} (keep relabelings on the endpoint port name and the container port name or number)`),
  'route-backend': rule(E, M, 'a Gateway API route\'s Service backendRef (rules, and requestMirror filters) names a Service of these manifests, ' +
    'when the input has Services in the backend\'s namespace', `${OURS}; ${GATEWAY_API} (ResolvedRefs condition, reason BackendNotFound)`),
  'route-backend-port': rule(E, M, 'a Gateway API route\'s Service backendRef has a port, and it is a port number of the Service with the route\'s ' +
    'protocol: UDP for a UDPRoute, TCP for HTTP, GRPC, TCP and TLS routes', `${OURS}; ${GATEWAY_API} ("Must have port for Service reference"); ` +
    'envoyproxy/gateway internal/gatewayapi validateBackendService (PortNotFound)'),
  'route-reference-grant': rule(W, M, 'a Gateway API route\'s backendRef into another namespace is allowed by a ReferenceGrant of that namespace in ' +
    'the input (a warning: the grant may be defined elsewhere)', `${OURS}; sigs.k8s.io/gateway-api apis/v1beta1 ReferenceGrant`),
  'reference-elsewhere': rule(W, M, 'what a HorizontalPodAutoscaler, PodDisruptionBudget, monitor or route points at is not in the input, where it ' +
    'may be defined elsewhere: another set of manifests, a custom resource\'s controller, or a kind the checker does not know (a warning that says which)', OURS),
};

/**
 * The kinds Kubernetes scales (`/scale` subresource), with the apiVersion that serves them. The autoscaler finds
 * the resource by group and kind, so any version of the group will do.
 */
const SCALABLE_KINDS: Readonly<Record<string, { readonly group: string; readonly apiVersion: string }>> = {
  Deployment: { group: 'apps', apiVersion: 'apps/v1' },
  StatefulSet: { group: 'apps', apiVersion: 'apps/v1' },
  ReplicaSet: { group: 'apps', apiVersion: 'apps/v1' },
  ReplicationController: { group: '', apiVersion: 'v1' },
};

/**
 * The pod labels that name an app: two workloads whose pods differ in one of them are different apps.
 */
const APP_LABELS = ['app.kubernetes.io/name', 'app.kubernetes.io/instance', 'app.kubernetes.io/component', 'app', 'k8s-app', 'component'];

/** The Gateway API group, the `from` group of a ReferenceGrant that admits routes. */
const GATEWAY_GROUP = 'gateway.networking.k8s.io';

type Autoscaler = CheckedObject<AutoscalerView>;
type Budget = CheckedObject<DisruptionBudgetView>;
type Monitor = CheckedObject<MonitorView>;
type Route = CheckedObject<RouteView>;
type Grant = CheckedObject<ReferenceGrantView>;

/**
 * Whether the other end of a reference is proven missing, or may be elsewhere (and why; no reason when the
 * reference evidently points at what a custom resource of the input runs).
 */
type Absence = { readonly proven: true } | { readonly proven: false; readonly why: string | undefined };

/**
 * The objects references can point at, by namespace and name.
 */
class Targets {
  private readonly byName = new Map<string, CheckedObject[]>();
  private readonly services = new Map<string, CheckedService[]>();
  private readonly grants = new Map<string, Grant[]>();
  private readonly scalable = new Set<string>();

  constructor(objects: readonly CheckedObject[]) {
    for (const obj of objects) {
      if (obj.name !== '') push(this.byName, `${obj.scope}/${obj.name}`, obj);
      if (SCALABLE_KINDS[obj.kind]?.group === obj.group) this.scalable.add(obj.scope);
      if (obj.view.view === 'service') push(this.services, obj.scope, obj as CheckedService);
      if (obj.view.view === 'referenceGrant') push(this.grants, obj.scope, obj as Grant);
    }
  }

  /** The objects of any kind with this name in a namespace. */
  public named(namespace: string, name: string): readonly CheckedObject[] {
    return this.byName.get(`${namespace}/${name}`) ?? [];
  }

  /**
   * Whether the input holds a workload an autoscaler can scale (Deployment, StatefulSet, ReplicaSet,
   * ReplicationController) in a namespace: only then does a missing target prove a wrong name (Jobs, CronJobs and
   * Pods say nothing about the Deployments of the namespace).
   */
  public hasScalable(namespace: string): boolean {
    return this.scalable.has(namespace);
  }

  /** The Services of a namespace. */
  public servicesIn(namespace: string): readonly CheckedService[] {
    return this.services.get(namespace) ?? [];
  }

  /** The Services of these namespaces whose labels a LabelSelector matches. */
  public servicesMatching(namespaces: Iterable<string>, selector: Record<string, unknown>): CheckedService[] {
    return [...namespaces].flatMap(ns => this.servicesIn(ns).filter(s => labelSelectorMatches(selector, labelsOf(s))));
  }

  /** Every namespace with Services. */
  public serviceNamespaces(): Iterable<string> {
    return this.services.keys();
  }

  /** Whether a ReferenceGrant of the input lets this route refer to this Service of another namespace. */
  public allowsReference(route: Route, namespace: string, service: string): boolean {
    return (this.grants.get(namespace) ?? []).some(g =>
      asArray(g.view.from).some(f => isObject(f) && f.group === GATEWAY_GROUP && f.kind === route.kind && f.namespace === route.scope)
      && asArray(g.view.to).some(t => isObject(t) && isUnset(t.group) && t.kind === 'Service' && (isUnset(t.name) || t.name === service)));
  }
}

/**
 * The reference rules, over all objects.
 *
 * @internal
 */
export function checkObjectReferences(objects: readonly CheckedObject[], index: PodIndex, report: Report): void {
  // most inputs have none of these kinds: the targets are not indexed for nothing
  if (!objects.some(o => REFERRING_VIEWS.has(o.view.view))) return;
  const targets = new Targets(objects);
  const budgets: Budget[] = [];
  for (const obj of objects) {
    const view = obj.view.view;
    if (view === 'autoscaler') checkScaleTarget(obj as Autoscaler, targets, index, report);
    else if (view === 'disruptionBudget') budgets.push(obj as Budget);
    else if (view === 'monitor') checkMonitor(obj as Monitor, targets, index, report);
    else if (view === 'route') checkRoute(obj as Route, targets, index, report);
  }
  checkBudgets(budgets, index, report);
}

/** The views whose references this family follows. */
const REFERRING_VIEWS: ReadonlySet<string> = new Set(['autoscaler', 'disruptionBudget', 'monitor', 'route']);

// ---------------------------------------------------------------------------------------------------------------
// HorizontalPodAutoscaler

/**
 * The autoscaler maps the target's group and kind to a resource (`RESTMappings`), then reads and writes its scale
 * subresource in the HPA's namespace; any failure is a `FailedGetScale` event, and nothing is scaled.
 */
function checkScaleTarget(hpa: Autoscaler, targets: Targets, index: PodIndex, report: Report): void {
  // marked as scaling a workload defined outside these manifests
  if (asStringMap(hpa.view.metadata.annotations)[EXTERNAL_BACKEND_ANNOTATION] === EXTERNAL_BACKEND_VALUE) return;
  const ref = hpa.view.scaleTargetRef;
  if (!ref || typeof ref.kind !== 'string' || typeof ref.name !== 'string' || ref.kind === '' || ref.name === '') return;
  const { kind, name } = ref;
  const group = groupOf(ref.apiVersion) ?? '';
  const namespace = hpa.scope;
  const custom = !isBuiltInGroup(group);
  const scalable = SCALABLE_KINDS[kind];
  if (!custom) {
    if (scalable && scalable.group !== group) {
      report.add(hpa, 'hpa-scale-target', 'spec.scaleTargetRef.apiVersion', invalid(ref.apiVersion ?? null,
        `${kind} is served as ${scalable.apiVersion}; the autoscaler finds no kind "${kind}" in group "${group}", and scales nothing. Set apiVersion: ${scalable.apiVersion}`));
      return;
    }
    if (!scalable) {
      report.add(hpa, 'hpa-scale-target', 'spec.scaleTargetRef.kind', invalid(kind,
        `${text(ref.apiVersion ?? 'v1')} serves no kind "${kind}" with a scale subresource, so the autoscaler cannot scale it; it scales a Deployment, StatefulSet or ReplicaSet ` +
        '(apps/v1), a ReplicationController (v1), or a custom resource with a scale subresource'));
      return;
    }
  }
  const named = targets.named(namespace, name);
  if (named.some(o => o.kind === kind && o.group === group)) return;
  // a workload of another kind, or a custom resource that runs pods, of the same name: the likely meant target
  const others = named.filter(o => o.pods !== undefined || SCALABLE_KINDS[o.kind] !== undefined);
  const hint = others.length > 0 ? `; ${others.map(o => `${o.kind} "${o.name}" (${text(o.view.apiVersion)})`).join(', ')} is there` : '';
  const what = `names ${kind} "${name}" (${text(ref.apiVersion ?? 'v1')})`;
  if (custom) {
    report.add(hpa, 'reference-elsewhere', 'spec.scaleTargetRef.name',
      `${what}, a custom resource that is not in these manifests in namespace "${namespace}"${hint}; check that it exists there and has a scale subresource`);
    return;
  }
  const absence = absent(index, namespace, targets.hasScalable(namespace), 'workloads that an autoscaler scales', { name });
  if (absence.proven) {
    report.add(hpa, 'hpa-scale-target', 'spec.scaleTargetRef.name',
      `${what}, which is not in namespace "${namespace}" of these manifests${hint}; the autoscaler reports FailedGetScale and scales nothing. Fix the kind or name`);
  } else if (absence.why) {
    report.add(hpa, 'reference-elsewhere', 'spec.scaleTargetRef.name', `${what}, which is not in these manifests${hint}: ${absence.why}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PodDisruptionBudget

function checkBudgets(budgets: readonly Budget[], index: PodIndex, report: Report): void {
  const budgetsOf = new Map<PodSource, Budget[]>();
  for (const pdb of budgets) {
    const selector = pdb.view.selector;
    if (selector === undefined || selector === null) {
      // policy/v1 accepts it: a null selector selects no pods
      report.add(pdb, 'pdb-selector', 'spec.selector', 'no selector: a policy/v1 PodDisruptionBudget without one selects no pods, so it protects nothing; ' +
        'select the pods of the workload it guards (its spec.selector.matchLabels)');
      continue;
    }
    // a selector that is not one, the API server refuses
    if (!isObject(selector)) continue;
    const pods = index.selectByLabelSelector(pdb.scope, selector);
    if (pods.length === 0) {
      reportNoPods(pdb, selector, index, report);
      continue;
    }
    for (const source of pods) push(budgetsOf, source, pdb);
    // an empty selector covers the namespace on purpose
    if (!isEmptySelector(selector)) checkSpan(pdb, pods, report);
  }
  const reported = new Set<string>();
  for (const [source, list] of budgetsOf) {
    for (const later of list.slice(1)) {
      const pair = `${list[0].index}/${later.index}`;
      if (reported.has(pair)) continue;
      reported.add(pair);
      report.add(later, 'pdb-overlap', 'spec.selector',
        `selects the pods of ${source.kind} "${source.name}", which PodDisruptionBudget "${list[0].name}" also selects: the eviction API refuses to evict a pod ` +
        'that more than one PodDisruptionBudget selects ("This pod has more than one PodDisruptionBudget, which the eviction subresource does not support"), ' +
        'so kubectl drain and node upgrades cannot evict these pods. Keep one PodDisruptionBudget per workload');
    }
  }
}

/**
 * A budget over the pods of two apps. The disruption controller computes one budget over every pod the selector
 * matches: with minAvailable the healthy pods of both count together; with maxUnavailable the replicas of their
 * controllers are summed (`getExpectedScale`) and the disruptions of both count against one allowance.
 */
function checkSpan(pdb: Budget, pods: readonly PodSource[], report: Report): void {
  const running = pods.filter(p => p.kind !== 'Job' && p.kind !== 'CronJob');
  for (let i = 1; i < running.length; i++) {
    const key = APP_LABELS.find(k => {
      const a = running[0].pods.labels[k];
      const b = running[i].pods.labels[k];
      return a !== undefined && b !== undefined && a !== b;
    });
    if (!key) continue;
    const [a, b] = [running[0], running[i]];
    const consequence = isUnset(pdb.view.maxUnavailable)
      ? 'the disruption controller counts their healthy pods together against minAvailable, so evictions may take every pod of one while the other keeps the count met'
      : 'the disruption controller sums their replicas and allows maxUnavailable disruptions across both, so a disruption of one blocks evictions of the other';
    report.add(pdb, 'pdb-overlap', 'spec.selector',
      `selects the pods of ${a.kind} "${a.name}" and of ${b.kind} "${b.name}", whose ${key} labels differ (${show(a.pods.labels[key])} and ` +
      `${show(b.pods.labels[key])}): one budget covers both, and ${consequence}. Give each its own PodDisruptionBudget`);
    return;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// ServiceMonitor and PodMonitor

/**
 * Prometheus discovers the Services' endpoints (or the pods) of the namespaces the monitor selects, keeps those its
 * selector matches, then, per endpoint, the targets whose port has the endpoint's name or number.
 */
function checkMonitor(mon: Monitor, targets: Targets, index: PodIndex, report: Report): void {
  const { selector } = mon.view;
  const things = mon.kind === 'ServiceMonitor' ? 'Services' : 'pods';
  if (selector === undefined || selector === null) {
    report.add(mon, 'monitor-selector', 'spec.selector', required(`the ${mon.kind} schema requires a selector of the ${things} to scrape`));
    return;
  }
  if (!isObject(selector)) return;
  const namespaceSelector = asStringMap(mon.view.namespaceSelector);
  const any = namespaceSelector.any === true;
  const matchNames = asArray(namespaceSelector.matchNames).filter((n): n is string => typeof n === 'string' && n !== '');
  const namespaces = any ? undefined : matchNames.length > 0 ? matchNames : [mon.scope];
  if (mon.kind === 'ServiceMonitor') {
    const selected = targets.servicesMatching(namespaces ?? targets.serviceNamespaces(), selector);
    if (selected.length === 0) {
      // a monitor of every namespace is meant for Services defined elsewhere
      if (namespaces) reportNoTargets(mon, selector, namespaces, ns => targets.servicesIn(ns).length > 0, targets, index, report);
      return;
    }
    checkServiceMonitorPorts(mon, selected, index, report);
  } else {
    const pods = namespaces ? namespaces.flatMap(ns => index.selectByLabelSelector(ns, selector)) : [];
    if (pods.length === 0) {
      if (namespaces) reportNoTargets(mon, selector, namespaces, ns => index.hasPods(ns), targets, index, report);
      return;
    }
    mon.view.endpoints.forEach((e, i) => {
      if (e) checkPodMonitorEndpoint(mon, `${mon.view.endpointsField}[${i}]`, e, pods, report);
    });
  }
}

function reportNoTargets(
  mon: Monitor, selector: Record<string, unknown>, namespaces: readonly string[], holds: (ns: string) => boolean,
  targets: Targets, index: PodIndex, report: Report,
): void {
  const services = mon.kind === 'ServiceMonitor';
  const what = services ? 'Service' : 'pod template';
  // a namespace named explicitly, of which the input holds nothing, is one the monitor was written to reach elsewhere
  const absences = namespaces.map((ns): Absence => (ns !== mon.scope && !holds(ns)
    ? { proven: false, why: undefined }
    : absent(index, ns, holds(ns), services ? 'Services' : 'workloads', asStringMap(selector.matchLabels))));
  const where = namespaces.length === 1 ? `namespace "${namespaces[0]}"` : `namespaces ${namespaces.map(n => `"${n}"`).join(', ')}`;
  // a hint for the commonest mistake: the monitor's namespace is not the one of what it was written for
  const others = services ? targets.servicesMatching([...targets.serviceNamespaces()].filter(ns => !namespaces.includes(ns)), selector) : [];
  const across = others.length > 0
    ? `; Service "${others[0].name}" in namespace "${others[0].scope}" matches, but the monitor selects in ${where}: set spec.namespaceSelector.matchNames`
    : '';
  if (absences.every(a => a.proven)) {
    report.add(mon, 'monitor-selector', 'spec.selector',
      `selector ${show(selector)} matches no ${what} in ${where}${across}, so Prometheus scrapes nothing for this ${mon.kind}; fix the selector or the labels`);
    return;
  }
  const why = absences.map(a => (a.proven ? undefined : a.why)).find(w => w !== undefined);
  if (why) report.add(mon, 'reference-elsewhere', 'spec.selector', `selector ${show(selector)} matches no ${what} of these manifests in ${where}${across}: ${why}`);
}

function checkServiceMonitorPorts(mon: Monitor, services: readonly CheckedService[], index: PodIndex, report: Report): void {
  mon.view.endpoints.forEach((e, i) => {
    if (!e) return;
    const field = `${mon.view.endpointsField}[${i}]`;
    // port wins over targetPort: the generator keeps on one of them
    if (!isUnset(e.port)) {
      if (typeof e.port !== 'string') {
        report.add(mon, 'monitor-port', `${field}.port`, invalid(e.port, 'must be a string, the name of a Service port (the ServiceMonitor schema refuses a number); ' +
          'to scrape a container port by number, use targetPort'));
        return;
      }
      const ports = services.map(s => ({ s, names: servicePorts(s).map(p => p.name).filter(n => typeof n === 'string' && n !== '') }));
      if (ports.some(p => p.names.includes(e.port))) return;
      const have = ports.map(p => `Service "${p.s.name}" has ${p.names.length > 0 ? p.names.map(n => `"${n}"`).join(', ') : 'no named ports'}`).join('; ');
      report.add(mon, 'monitor-port', `${field}.port`,
        `names Service port "${e.port}", which no selected Service has (${have}); Prometheus keeps only the endpoints whose port has this name, so it scrapes nothing. ` +
        'Name a Service port, or scrape a container port with targetPort');
      return;
    }
    if (isUnset(e.targetPort)) return;
    // the pods behind the Services; when some are not in the input, the container port may be theirs
    const pods: PodSource[] = [];
    for (const s of services) {
      const selector = s.view.spec?.selector;
      const behind = isObject(selector) && Object.keys(selector).length > 0 ? index.select(s.scope, selector) : [];
      if (behind.length === 0) return;
      pods.push(...behind);
    }
    checkContainerPort(mon, `${field}.targetPort`, e.targetPort, pods, 'the pods behind the selected Services', report);
  });
}

function checkPodMonitorEndpoint(mon: Monitor, field: string, e: MonitorEndpointView, pods: readonly PodSource[], report: Report): void {
  if (!isUnset(e.port)) {
    if (typeof e.port !== 'string') {
      report.add(mon, 'monitor-port', `${field}.port`, invalid(e.port, 'must be a string, the name of a container port (the PodMonitor schema refuses a number); ' +
        'to scrape a container port by number, use portNumber'));
      return;
    }
    checkContainerPort(mon, `${field}.port`, e.port, pods, 'the selected pods', report);
  } else if (!isUnset(e.portNumber)) {
    checkContainerPort(mon, `${field}.portNumber`, e.portNumber, pods, 'the selected pods', report);
  } else if (!isUnset(e.targetPort)) {
    checkContainerPort(mon, `${field}.targetPort`, e.targetPort, pods, 'the selected pods', report);
  }
}

/**
 * A container port by name or number that some pod template declares: Prometheus discovers only the declared ports
 * of a pod (`__meta_kubernetes_pod_container_port_name`, `_number`), and keeps the targets whose port matches.
 */
function checkContainerPort(mon: Monitor, field: string, port: unknown, pods: readonly PodSource[], whose: string, report: Report): void {
  if (typeof port !== 'string' && typeof port !== 'number') return;
  const matches = (d: DeclaredPort) => (typeof port === 'string' && d.name === port) || d.containerPort === port || String(d.containerPort) === port;
  if (pods.some(p => p.pods.ports.some(matches))) return;
  const declared = pods.slice(0, 3).map(p => `${p.kind} "${p.name}" declares ${p.pods.ports.length > 0 ? p.pods.ports.map(describePort).join(', ') : 'no ports'}`).join('; ');
  report.add(mon, 'monitor-port', field,
    `${typeof port === 'string' ? `container port "${port}"` : `container port ${port}`} is not declared by ${whose} (${declared}); Prometheus discovers only declared ` +
    'container ports and keeps those with this name or number, so it scrapes nothing. Declare the port in the pod template, or name one it declares');
}

function describePort(d: DeclaredPort): string {
  return `${d.name ? `${d.name} ` : ''}(${text(d.containerPort)}/${d.protocol})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Gateway API routes

/**
 * A Service backend resolves to a Service port by number, in the route's namespace unless it names another (which
 * a ReferenceGrant there must allow); an unresolved backend sets the route's ResolvedRefs condition to False and
 * gets no traffic (an HTTPRoute answers its share of requests with 500).
 */
function checkRoute(route: Route, targets: Targets, index: PodIndex, report: Report): void {
  for (const ref of route.view.backendRefs) {
    const group = isUnset(ref.group) ? '' : ref.group;
    const kind = isUnset(ref.kind) ? 'Service' : ref.kind;
    if (group !== '' || kind !== 'Service' || typeof ref.name !== 'string' || ref.name === '') continue;
    if (ref.port === undefined || ref.port === null) {
      report.add(route, 'route-backend-port', `${ref.path}.port`, required('Must have port for Service reference'));
    }
    const name = ref.name;
    const namespace = typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : route.scope;
    if (namespace !== route.scope && !targets.allowsReference(route, namespace, name)) {
      report.add(route, 'route-reference-grant', `${ref.path}.namespace`,
        `refers to Service "${name}" in namespace "${namespace}": a route may refer to a Service of another namespace only where a ReferenceGrant in namespace ` +
        `"${namespace}" allows ${route.kind}s from namespace "${route.scope}", and these manifests have none; without one the route's ResolvedRefs condition ` +
        'is False (RefNotPermitted) and this backend gets no traffic');
    }
    const svc = targets.servicesIn(namespace).find(s => s.name === name);
    // another namespace of which the input holds no Services is one the route was written to reach elsewhere
    if (!svc && namespace !== route.scope && targets.servicesIn(namespace).length === 0) continue;
    if (!svc) {
      const absence = absent(index, namespace, targets.servicesIn(namespace).length > 0, 'Services', { name });
      if (absence.proven) {
        report.add(route, 'route-backend', `${ref.path}.name`,
          `names Service "${name}", which is not in namespace "${namespace}" of these manifests; the route's ResolvedRefs condition is False (BackendNotFound) ` +
          'and this backend gets no traffic. Fix the name, or add the Service');
      } else if (absence.why) {
        report.add(route, 'reference-elsewhere', `${ref.path}.name`, `names Service "${name}" in namespace "${namespace}", which is not in these manifests: ${absence.why}`);
      }
      continue;
    }
    if (typeof ref.port === 'number') checkBackendPort(route, ref, ref.port, svc, report);
  }
}

function checkBackendPort(route: Route, ref: BackendRefView, port: number, svc: CheckedService, report: Report): void {
  const spec = svc.view.spec;
  // an ExternalName Service has no ports of its own to resolve
  if (!spec || spec.type === 'ExternalName') return;
  const ports = servicePorts(svc);
  const protocol = route.kind === 'UDPRoute' ? 'UDP' : 'TCP';
  const sameNumber = ports.filter(p => p.port === port);
  const list = ports.map(p => `${text(p.port)}/${text(p.protocol)}${typeof p.name === 'string' && p.name !== '' ? ` (${p.name})` : ''}`).join(', ') || 'none';
  if (sameNumber.length === 0) {
    const byTarget = ports.find(p => p.targetPort === port);
    const hint = byTarget ? `; ${port} is the targetPort of its port ${text(byTarget.port)}, and a backendRef names the Service port` : '';
    report.add(route, 'route-backend-port', `${ref.path}.port`,
      `Service "${svc.name}" has no port ${port} (its ports: ${list})${hint}; the route's ResolvedRefs condition is False and this backend gets no traffic`);
  } else if (!sameNumber.some(p => p.protocol === protocol)) {
    report.add(route, 'route-backend-port', `${ref.path}.port`,
      `Service "${svc.name}" port ${port} is ${sameNumber.map(p => text(p.protocol)).join(' and ')}, but a ${route.kind} forwards ${protocol}; ` +
      `add a ${protocol} port to the Service${protocol === 'UDP' ? ', or route it with a TCPRoute' : ''}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Shared

/**
 * Whether the input proves the other end of a reference missing from a namespace: it holds objects of the kind
 * there, and no custom resource there may create them. The values of the reference (selector values, a name) pick
 * the custom resource to name; when they name it, the reference evidently points at what it runs.
 */
function absent(index: PodIndex, namespace: string, held: boolean, things: string, values: Readonly<Record<string, unknown>>): Absence {
  const creator = index.unseenPodCreator(namespace, values);
  if (creator) {
    const named = new Set(Object.values(values).map(v => String(v).toLowerCase()));
    if (named.has(creator.name.toLowerCase()) || named.has(creator.kind.toLowerCase())) return { proven: false, why: undefined };
    return {
      proven: false,
      why: `in namespace "${namespace}", ${unseenCreatorReason(creator, things)}; if they are not its own, fix the reference`,
    };
  }
  if (!held) return { proven: false, why: `these manifests have no ${things} in namespace "${namespace}", so they are presumably defined in other manifests; check them together` };
  return { proven: true };
}

/**
 * A budget whose selector matches no pod template: an error where the input holds the namespace's workloads, a
 * warning saying why where its pods may be elsewhere.
 */
function reportNoPods(pdb: Budget, selector: Record<string, unknown>, index: PodIndex, report: Report): void {
  const namespace = pdb.scope;
  const matchLabels = asStringMap(selector.matchLabels);
  const elsewhere = Object.keys(matchLabels).length > 0 ? index.selectElsewhere(namespace, matchLabels) : undefined;
  const across = elsewhere
    ? `; ${elsewhere.kind} "${elsewhere.name}" in namespace "${elsewhere.scope}" has matching pods, but a PodDisruptionBudget only selects pods in its own namespace`
    : '';
  const absence = absent(index, namespace, index.hasPods(namespace), 'pods', matchLabels);
  if (absence.proven) {
    report.add(pdb, 'pdb-selector', 'spec.selector',
      `selector ${show(selector)} matches no pod template in namespace "${namespace}"${across}, so this PodDisruptionBudget protects nothing; fix the selector or the workload labels`);
  } else if (absence.why) {
    report.add(pdb, 'reference-elsewhere', 'spec.selector', `selector ${show(selector)} matches no pod template of these manifests in namespace "${namespace}"${across}: ${absence.why}`);
  }
}

/** A Service's labels whose values are strings. */
function labelsOf(svc: CheckedService): Record<string, string> {
  const labels: Record<string, string> = {};
  const raw = asStringMap(svc.view.metadata.labels);
  for (const k in raw) if (typeof raw[k] === 'string') labels[k] = raw[k] as string;
  return labels;
}

/** A Service's ports, defaulted (protocol TCP). */
function servicePorts(svc: CheckedService) {
  return (svc.view.spec?.ports ?? []).flatMap(p => (p ? [defaultServicePort(p)] : []));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}
