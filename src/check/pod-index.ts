// Where the pods of an input come from: the pod templates of workloads (and of custom resources shaped like one),
// indexed by namespace and label so that finding the templates a selector matches costs the size of the smallest
// matching posting list, not the size of the input; the labels controllers add on top of a template
// (controller-labels.ts); and the custom resources whose controllers may create pods this check cannot see.
import { LabelledWorkload, controllerAddsLabel, isControllerLabel, workloadsNamedBy } from './controller-labels';
import { asArray, asStringMap } from './json';
import type { PodFacts } from './pod-facts';
import type { CheckedObject } from './report';
import { labelSelectorMatches, mapSelectorMatches } from './selectors';

/**
 * An object whose pods the index knows: a workload or Pod with a readable template, or a custom resource with a
 * pod template at `spec.template`.
 *
 * @internal
 */
export type PodSource = CheckedObject & { readonly pods: PodFacts };

/**
 * The API groups Kubernetes itself serves (1.27): an object of another group is a custom resource.
 */
const BUILT_IN_GROUPS: ReadonlySet<string> = new Set([
  '', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io', 'apps', 'authentication.k8s.io',
  'authorization.k8s.io', 'autoscaling', 'batch', 'certificates.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io',
  'events.k8s.io', 'extensions', 'flowcontrol.apiserver.k8s.io', 'internal.apiserver.k8s.io', 'networking.k8s.io',
  'node.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'resource.k8s.io', 'scheduling.k8s.io', 'storage.k8s.io',
]);

/**
 * Whether an API group is one Kubernetes itself serves (1.27): the kinds of another group are custom resources.
 *
 * @internal
 */
export function isBuiltInGroup(group: string): boolean {
  return BUILT_IN_GROUPS.has(group);
}

/**
 * Custom resources that configure rather than run: routes, certificates, scrape targets, policies. Their
 * controllers create no pods, so they do not make a Service's missing pods uncertain.
 */
const CONFIGURATION_GROUPS: ReadonlySet<string> = new Set([
  'gateway.networking.k8s.io', 'cert-manager.io', 'acme.cert-manager.io', 'networking.istio.io', 'security.istio.io',
  'telemetry.istio.io', 'policy.linkerd.io', 'traefik.io', 'traefik.containo.us', 'external-secrets.io', 'snapshot.storage.k8s.io',
  // AWS App Mesh: meshes, virtual nodes, routers and services configure the Envoy sidecars of existing pods
  'appmesh.k8s.aws',
]);
const CONFIGURATION_KINDS: ReadonlySet<string> = new Set([
  // monitoring.coreos.com: Prometheus, Alertmanager and ThanosRuler do run pods; these do not
  'ServiceMonitor', 'PodMonitor', 'Probe', 'PrometheusRule', 'AlertmanagerConfig', 'ScrapeConfig',
  // keda.sh: a ScaledJob runs Jobs; a ScaledObject scales an existing workload
  'ScaledObject', 'TriggerAuthentication', 'ClusterTriggerAuthentication',
  // argoproj.io: analysis templates describe measurements (a Rollout or an Experiment runs pods)
  'AnalysisTemplate', 'ClusterAnalysisTemplate',
]);

/**
 * Whether an object is a custom resource whose controller may create pods from a spec this check cannot read
 * (a Prometheus Operator `Prometheus`, a CloudNativePG `Cluster`, an ECK `Elasticsearch`).
 */
function mayCreateUnseenPods(obj: CheckedObject): boolean {
  if (obj.view.view !== 'other' || obj.group === undefined || BUILT_IN_GROUPS.has(obj.group)) return false;
  return !CONFIGURATION_GROUPS.has(obj.group) && !CONFIGURATION_KINDS.has(obj.kind);
}

/**
 * What an input holds in one namespace.
 */
interface NamespacePods {
  /** Pod sources by label key and value. */
  readonly byLabel: Map<string, Map<string, PodSource[]>>;
  readonly sources: PodSource[];
  /** Workloads by name, for the controller labels whose value names their workload. */
  readonly byName: Map<string, PodSource[]>;
  /** The custom resources that may create pods the index cannot see. */
  readonly unseen: CheckedObject[];
}

/**
 * The pod sources of an input, and the custom resources that may create pods it cannot see, by namespace.
 *
 * @internal
 */
export class PodIndex {
  private readonly byNamespace = new Map<string, NamespacePods>();

  /** Bindings of the input that let ServiceAccounts create or relabel pods in every namespace (ClusterRoleBindings). */
  private readonly unseenEverywhere: CheckedObject[] = [];

  constructor(objects: readonly CheckedObject[]) {
    const writers = new Set<string>();
    for (const obj of objects) {
      if (obj.pods) this.add(obj as PodSource);
      // a custom resource with a pod template may create other pods too (an Argo Rollout's experiments)
      if (mayCreateUnseenPods(obj)) this.namespace(obj.scope).unseen.push(obj);
      if (obj.view.view === 'other' && obj.view.podAccess?.writesPods) writers.add(`${obj.kind}/${obj.kind === 'Role' ? obj.scope : ''}/${obj.name}`);
    }
    // a workload whose ServiceAccount may create or relabel pods (an operator's manager, a storage DaemonSet) makes
    // pods at run time that no template shows: the namespaces its binding covers are not proven complete
    for (const obj of objects) {
      const grants = obj.view.view === 'other' ? obj.view.podAccess?.grants : undefined;
      if (!grants || typeof grants.kind !== 'string' || typeof grants.name !== 'string') continue;
      if (!writers.has(`${grants.kind}/${grants.kind === 'Role' ? obj.scope : ''}/${grants.name}`)) continue;
      if (obj.kind === 'ClusterRoleBinding') this.unseenEverywhere.push(obj);
      else this.namespace(obj.scope).unseen.push(obj);
    }
  }

  /**
   * The pod sources in a namespace whose pods a LabelSelector matches (matchLabels and matchExpressions), counting
   * the labels their controllers add. Unlike a Service's map selector, an empty LabelSelector selects every pod of the
   * namespace (a NetworkPolicy's, a PodDisruptionBudget's, a monitor's).
   */
  public selectByLabelSelector(namespace: string, selector: Readonly<Record<string, unknown>>): readonly PodSource[] {
    const matchLabels = asStringMap(selector.matchLabels);
    const expressions = asArray(selector.matchExpressions);
    const candidates = Object.keys(matchLabels).length > 0 ? this.select(namespace, matchLabels) : this.sourcesIn(namespace);
    return expressions.length === 0 ? candidates : candidates.filter(s => labelSelectorMatches({ matchExpressions: expressions }, s.pods.labels));
  }

  /**
   * The pod sources in a namespace whose pods a map selector matches, counting the labels their controllers add.
   * An empty selector selects nothing here: a Service without a selector has no automatic endpoints.
   */
  public select(namespace: string, selector: Readonly<Record<string, unknown>>): readonly PodSource[] {
    const pods = this.byNamespace.get(namespace);
    if (!pods) return [];
    let smallest: PodSource[] | undefined;
    let keys = 0;
    let byController = false;
    for (const k in selector) {
      const value = selector[k];
      if (typeof value !== 'string') return [];
      keys++;
      if (isControllerLabel(k)) {
        // the template may not carry it: the controller puts it on the pods
        byController = true;
        continue;
      }
      const list = pods.byLabel.get(k)?.get(value);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    if (keys === 0) return [];
    if (byController) return (smallest ?? this.namedBy(pods, selector)).filter(w => podsMatch(selector, w));
    if (keys === 1) return smallest!;
    const matching = smallest!.filter(w => mapSelectorMatches(selector, w.pods.labels));
    return matching.length === smallest!.length ? smallest! : matching;
  }

  /**
   * The candidates for a selector of controller labels only: the workloads a pod name or Job name names, else
   * every pod source of the namespace.
   */
  private namedBy(pods: NamespacePods, selector: Readonly<Record<string, unknown>>): readonly PodSource[] {
    for (const k in selector) {
      const names = workloadsNamedBy(k, selector[k] as string);
      if (names) return [...new Set(names)].flatMap(name => pods.byName.get(name) ?? []);
    }
    return pods.sources;
  }

  /** The pod sources of a namespace: what an empty LabelSelector (a PodDisruptionBudget's, a PodMonitor's) selects. */
  public sourcesIn(namespace: string): readonly PodSource[] {
    return this.byNamespace.get(namespace)?.sources ?? [];
  }

  /** Whether the input has any pod source in a namespace. */
  public hasPods(namespace: string): boolean {
    return (this.byNamespace.get(namespace)?.sources.length ?? 0) > 0;
  }

  /**
   * A custom resource in a namespace whose controller may create pods the index cannot see, preferring one whose
   * kind or name is a value of the selector (`prometheus: k8s` for the Prometheus `k8s`).
   */
  public unseenPodCreator(namespace: string, selector: Readonly<Record<string, unknown>>): CheckedObject | undefined {
    const own = this.byNamespace.get(namespace)?.unseen ?? [];
    const unseen = this.unseenEverywhere.length > 0 ? [...own, ...this.unseenEverywhere] : own;
    const values = new Set(Object.values(selector).map(v => String(v).toLowerCase()));
    return unseen.find(o => values.has(o.kind.toLowerCase()) && values.has(o.name.toLowerCase()))
      ?? unseen.find(o => values.has(o.kind.toLowerCase()) || values.has(o.name.toLowerCase()))
      ?? unseen[0];
  }

  /** A pod source in another namespace whose pods a selector matches. */
  public selectElsewhere(namespace: string, selector: Readonly<Record<string, unknown>>): PodSource | undefined {
    for (const ns of this.byNamespace.keys()) {
      if (ns === namespace) continue;
      const [found] = this.select(ns, selector);
      if (found) return found;
    }
    return undefined;
  }

  private namespace(name: string): NamespacePods {
    let pods = this.byNamespace.get(name);
    if (!pods) {
      pods = { byLabel: new Map(), sources: [], byName: new Map(), unseen: [] };
      this.byNamespace.set(name, pods);
    }
    return pods;
  }

  private add(obj: PodSource): void {
    const pods = this.namespace(obj.scope);
    pods.sources.push(obj);
    if (obj.view.view === 'workload') {
      const named = pods.byName.get(obj.name);
      if (named) named.push(obj); else pods.byName.set(obj.name, [obj]);
    }
    const labels = obj.pods.labels;
    for (const k in labels) {
      let byValue = pods.byLabel.get(k);
      if (!byValue) {
        byValue = new Map();
        pods.byLabel.set(k, byValue);
      }
      const list = byValue.get(labels[k]);
      if (list) list.push(obj); else byValue.set(labels[k], [obj]);
    }
  }
}

/** Whether a selector matches a source's pods: by their template's labels, or by a label their controller adds. */
function podsMatch(selector: Readonly<Record<string, unknown>>, source: PodSource): boolean {
  const view = source.view;
  const workload: LabelledWorkload | undefined = view.view === 'workload' ? { kind: view.kind, name: source.name, controller: view.controller } : undefined;
  for (const k in selector) {
    const value = selector[k] as string;
    if (source.pods.labels[k] === value) continue;
    if (!workload || !controllerAddsLabel(workload, k, value)) return false;
  }
  return true;
}

/**
 * Why an unseen pod creator may create what a check cannot see, for messages: a custom resource's controller, or a
 * binding that lets ServiceAccounts create or relabel pods.
 *
 * @param things what it may create, such as `pods`
 * @internal
 */
export function unseenCreatorReason(creator: CheckedObject, things: string): string {
  const what = `${creator.kind} "${creator.name}" (${typeof creator.view.apiVersion === 'string' ? creator.view.apiVersion : ''})`;
  if (creator.view.view === 'other' && creator.view.podAccess?.grants) {
    return `${what} lets ServiceAccounts of these manifests create or change pods, so a controller may create ${things} this check cannot see`;
  }
  return `${what} is a custom resource whose controller may create ${things} this check cannot see`;
}
