// Rules across objects: duplicate objects, Services against the pod templates they select, and workloads whose
// selectors overlap. Pod templates are indexed by namespace and label (pod-index.ts), so the cost grows with the
// input, not with its square.
import { EXTERNAL_BACKEND_ANNOTATION, EXTERNAL_BACKEND_VALUE, duplicate, invalid, show } from './contract';
import { checkSliceService } from './endpointslice-rules';
import { Severity } from './finding';
import { asStringMap, isObject } from './json';
import { LABEL_SELECTOR_KINDS } from './manifest-views';
import { PodIndex, PodSource, unseenCreatorReason } from './pod-index';
import type { CheckedEndpointSlice, CheckedObject, CheckedService, CheckedWorkload, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { labelSelectorMatches, mapSelectorMatches } from './selectors';
import { defaultServicePort } from './service-defaults';

const { OURS } = SOURCES;
const E = Severity.ERROR;
const W = Severity.WARNING;
const M = RuleScope.MANIFEST;

/**
 * The rules of this family.
 *
 * @internal
 */
export const LINKAGE_RULES = {
  'object-duplicate': rule(E, M, 'no two objects share apiVersion group, kind, namespace and name', OURS),
  'service-target-port-name': rule(E, M, 'a named targetPort names a container port of every pod template the Service selects, with the Service port\'s protocol', OURS),
  'service-target-port-number': rule(W, M, 'a numeric targetPort is declared as a containerPort, with the Service port\'s protocol, by the selected pod templates (containers may listen on undeclared ports, so this only warns)', OURS),
  'service-external-name-selector': rule(W, M, 'an ExternalName Service has no selector: it proxies nothing, so a selector is ignored (later Kubernetes releases warn too)', OURS),
  'workload-selector-overlap': rule(W, M, 'no two workloads in a namespace select each other\'s pods: the API server accepts it, and each controller keeps only the pods it created, but a ReplicaSet adopts matching bare Pods, and a HorizontalPodAutoscaler or PodDisruptionBudget selecting those labels counts both', OURS),
  'service-selects-nothing': rule(E, M, 'a Service selector matches at least one pod template in its namespace, when the input has workloads there and nothing else that could create pods (a custom resource), unless the Service is marked as selecting pods defined elsewhere', OURS),
  'service-pods-elsewhere': rule(W, M, 'a Service selector that matches no pod template in the input, where its pods may come from elsewhere: a custom resource\'s controller, or manifests not in the input (a warning that says which)', OURS),
  'statefulset-service': rule(W, M, 'the Service a StatefulSet\'s serviceName names is in the input, headless, and selects the StatefulSet\'s pods, so that each pod gets its stable DNS name (a warning: the StatefulSet runs without, and the Service may be defined elsewhere)', OURS),
};

/**
 * The kinds whose pods serve a Service for as long as they run, and can be selected by a controller: Job and
 * CronJob pods are neither (they finish, and carry their Job's controller reference).
 */
const SERVING_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod']);

/**
 * Rules across objects.
 *
 * @internal
 */
export function checkLinkage(objects: readonly CheckedObject[], index: PodIndex, report: Report): void {
  // names by kind, group and namespace: by group, so that one object served under two versions counts once
  const seen = new Map<string, Map<string, Map<string, Set<string>>>>();
  for (const obj of objects) {
    if (obj.name === '') continue;
    const names = nested(nested(nested(seen, obj.kind, () => new Map()), obj.group ?? '', () => new Map()), obj.scope, () => new Set<string>());
    if (names.has(obj.name)) {
      report.add(obj, 'object-duplicate', 'metadata.name', duplicate(obj.name,
        `an earlier ${obj.kind} is also named "${obj.name}" in namespace "${obj.scope}"; give one of them another metadata.name`));
    }
    names.add(obj.name);
  }
  const services = new Map<string, CheckedService>();
  for (const obj of objects) {
    if (obj.view.view !== 'service') continue;
    checkServiceBackends(obj as CheckedService, index, report);
    if (obj.name !== '') services.set(`${obj.scope}/${obj.name}`, obj as CheckedService);
  }
  for (const obj of objects) {
    if (obj.view.view === 'workload' && LABEL_SELECTOR_KINDS.has(obj.kind)) checkOverlappingWorkloads(obj as CheckedWorkload, index, report);
    if (obj.view.view === 'workload' && obj.kind === 'StatefulSet') checkGoverningService(obj as CheckedWorkload, services, report);
    if (obj.view.view === 'endpointSlice') checkSliceService(obj as CheckedEndpointSlice, services, report);
  }
}

/**
 * A StatefulSet's pods get DNS names (`<pod>.<serviceName>.<namespace>.svc`) from the headless Service its
 * serviceName names, when that Service selects them.
 */
function checkGoverningService(sts: CheckedWorkload, services: ReadonlyMap<string, CheckedService>, report: Report): void {
  const name = sts.view.serviceName;
  if (typeof name !== 'string' || name === '') return;
  const svc = services.get(`${sts.scope}/${name}`);
  if (!svc) {
    report.add(sts, 'statefulset-service', 'spec.serviceName',
      `names Service "${name}", which is not in these manifests in namespace "${sts.scope}"; without a headless Service of that name selecting these pods, they get no DNS names`);
    return;
  }
  const spec = svc.view.spec;
  if (!spec) return;
  if (spec.clusterIP !== 'None') {
    report.add(sts, 'statefulset-service', 'spec.serviceName',
      invalid(name, `Service "${name}" is not headless (clusterIP: None), so it gives the pods no DNS names of their own; make it a HeadlessService`));
  }
  const selector = spec.selector;
  if (!isObject(selector) || Object.keys(selector).length === 0 || !mapSelectorMatches(selector, sts.pods?.labels ?? {})) {
    report.add(sts, 'statefulset-service', 'spec.serviceName',
      invalid(name, `Service "${name}" does not select this StatefulSet's pods (its selector: ${show(selector ?? {})}); select them by their labels`));
  }
}

/**
 * Workloads whose selectors match each other's pods. Since controller references (1.6), each controller keeps only
 * the pods it created, so the API server accepts this and the controllers do not fight; what breaks is what selects
 * by labels alone. Candidates come from the index by the selector's matchLabels, then the full selector is evaluated.
 */
function checkOverlappingWorkloads(obj: CheckedWorkload, index: PodIndex, report: Report): void {
  const selector = obj.view.selector;
  if (!isObject(selector)) return;
  const matchLabels = asStringMap(selector.matchLabels);
  if (Object.keys(matchLabels).length === 0) return;
  const ownLabels = obj.pods?.labels ?? {};
  for (const other of index.select(obj.scope, matchLabels)) {
    // Job and CronJob pods carry their Job's controller reference; a custom resource's pods its controller's
    if (other === obj || !isServing(other) || !labelSelectorMatches(selector, other.pods.labels)) continue;
    // report each pair once, on the later object, unless only this direction overlaps
    const mutual = LABEL_SELECTOR_KINDS.has(other.kind) && labelSelectorMatches(other.view.selector, ownLabels);
    if (mutual && other.index > obj.index) continue;
    const consequence = other.kind === 'Pod'
      ? `a bare Pod has no controller, so ${obj.kind === 'Deployment' ? 'the Deployment\'s ReplicaSet' : `the ${obj.kind}`} adopts it, counts it as a replica and may delete it`
      : 'each controller keeps only the pods it created, but a HorizontalPodAutoscaler or PodDisruptionBudget that selects these labels counts the pods of both, and so do Services meant for one of them';
    report.add(obj, 'workload-selector-overlap', 'spec.selector',
      `selector ${show(matchLabels)} also matches the pods of ${other.kind} "${other.name}": ${consequence}. Add a label that tells them apart (such as track: canary) to one workload's selector and pod labels`);
  }
}

/** Whether a pod source is a workload whose pods serve for as long as they run. */
function isServing(source: PodSource): source is PodSource & CheckedWorkload {
  return source.view.view === 'workload' && SERVING_KINDS.has(source.kind);
}

function checkServiceBackends(svc: CheckedService, index: PodIndex, report: Report): void {
  const spec = svc.view.spec;
  if (!spec) return;
  const hasSelector = isObject(spec.selector) && Object.keys(spec.selector).length > 0;
  if (spec.type === 'ExternalName') {
    if (hasSelector) {
      report.add(svc, 'service-external-name-selector', 'spec.selector',
        'an ExternalName Service proxies nothing, so its selector selects no endpoints; remove the selector, or make it a ClusterIP Service');
    }
    return;
  }
  if (!hasSelector) return;
  const selector = spec.selector as Record<string, unknown>;
  const external = asStringMap(svc.view.metadata.annotations)[EXTERNAL_BACKEND_ANNOTATION] === EXTERNAL_BACKEND_VALUE;
  const matched = index.select(svc.scope, selector);
  if (matched.length === 0) {
    if (!external) reportNoPods(svc, selector, index, report);
    return;
  }
  // ports are checked against pods that serve while they run; EndpointSlices pass over Job pods lacking a port
  const selected = matched.filter(isServing);
  spec.ports?.forEach((raw, i) => {
    if (!raw) return;
    const p = defaultServicePort(raw);
    const protocol = p.protocol;
    const target = p.targetPort;
    if (typeof target === 'number') {
      for (const w of selected) {
        if (!w.pods!.ports.some(d => d.containerPort === target && d.protocol === protocol)) {
          report.add(svc, 'service-target-port-number', `spec.ports[${i}].targetPort`,
            `targetPort ${target}/${protocol} is not declared as a containerPort by ${w.kind} "${w.name}", which this Service selects; declare the port (and name it, to target it by name)`);
        }
      }
      return;
    }
    if (typeof target !== 'string') return;
    for (const w of selected) {
      const declared = w.pods!.ports.filter(d => d.name === target);
      const what = `${w.kind} "${w.name}"`;
      if (declared.length === 0) {
        const names = w.pods!.ports.filter(d => d.name).map(d => `${d.name} (${d.protocol})`);
        report.add(svc, 'service-target-port-name', `spec.ports[${i}].targetPort`,
          `named targetPort "${target}" is not exposed by ${what}, which this Service selects; its container ports are ${names.length ? names.join(', ') : 'unnamed or absent'}. Name a container port "${target}" or target one of those`);
      } else if (!declared.some(d => d.protocol === protocol)) {
        report.add(svc, 'service-target-port-name', `spec.ports[${i}].targetPort`,
          `named targetPort "${target}" is exposed by ${what} with protocol ${declared[0].protocol}, but the Service port uses ${protocol}; make the protocols agree`);
      }
    }
  });
}

/**
 * A selector that matches no pod template of the input: an error when the input proves that nothing creates such
 * pods in the namespace, a warning saying why it cannot when pods may come from elsewhere.
 */
function reportNoPods(svc: CheckedService, selector: Readonly<Record<string, unknown>>, index: PodIndex, report: Report): void {
  const namespace = svc.scope;
  const mark = `mark the Service with the annotation ${EXTERNAL_BACKEND_ANNOTATION}: ${EXTERNAL_BACKEND_VALUE} if its pods are defined elsewhere`;
  const elsewhere = index.selectElsewhere(namespace, selector);
  const across = elsewhere
    ? `; ${elsewhere.kind} "${elsewhere.name}" in namespace "${elsewhere.scope}" has matching pods, but a Service only selects pods in its own namespace`
    : '';
  const creator = index.unseenPodCreator(namespace, selector);
  if (creator) {
    report.add(svc, 'service-pods-elsewhere', 'spec.selector',
      `selector ${show(selector)} matches no pod template in namespace "${namespace}", but ${unseenCreatorReason(creator, 'pods')}${across}; if they are not its pods, fix the selector, else ${mark}`);
  } else if (!index.hasPods(namespace)) {
    report.add(svc, 'service-pods-elsewhere', 'spec.selector',
      `selector ${show(selector)} matches no pod template: these manifests have no workload in namespace "${namespace}", so its pods are presumably defined in other manifests${across}; check them together, or ${mark}`);
  } else {
    report.add(svc, 'service-selects-nothing', 'spec.selector',
      `selector ${show(selector)} matches no pod template in namespace "${namespace}"${across}; fix the selector or the workload labels, or ${mark}`);
  }
}

/** The entry of a map, created on first use. */
function nested<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
