import { asArray, asStringMap, isObject } from './report';

/**
 * The kinds whose objects carry a pod template at `spec.template`, with the path to it.
 */
const TEMPLATE_PATHS: Record<string, readonly string[]> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

/**
 * The API group each kind the checker knows belongs to: a Knative `serving.knative.dev/v1` Service is not a
 * Kubernetes Service.
 */
const KIND_GROUPS: Record<string, string> = {
  Service: '',
  Pod: '',
  ReplicationController: '',
  Deployment: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  ReplicaSet: 'apps',
  Job: 'batch',
  CronJob: 'batch',
};

/**
 * The group of an apiVersion (`apps/v1` → `apps`, `v1` → ``), or undefined when it is not a string.
 *
 * @internal
 */
export function groupOf(apiVersion: unknown): string | undefined {
  if (typeof apiVersion !== 'string') return undefined;
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * Whether the checker knows this object's kind: the kind and the API group both match.
 *
 * @internal
 */
export function isCheckedKind(kind: string, apiVersion: unknown): boolean {
  const group = KIND_GROUPS[kind];
  return group !== undefined && groupOf(apiVersion) === group;
}

/**
 * A copy of a workload manifest with only what the rules read: metadata, selector, and in the pod template its
 * metadata, `hostNetwork` and each container's name and ports. Holding slim copies keeps the memory of checking
 * a large app small. Other kinds are returned as they are.
 *
 * @internal
 */
export function slimManifest(kind: string, manifest: any): any {
  const path = TEMPLATE_PATHS[kind];
  if (!path || !isObject(manifest)) return manifest;
  const slimPod = (pod: any) => {
    if (!isObject(pod)) return pod;
    const spec = pod.spec;
    if (!isObject(spec)) return { metadata: pod.metadata, spec };
    const slimContainers = (list: unknown) => (Array.isArray(list)
      ? list.map((c: any) => (isObject(c) ? { name: c.name, ports: c.ports } : c))
      : list);
    return {
      metadata: pod.metadata,
      spec: { hostNetwork: spec.hostNetwork, containers: slimContainers(spec.containers), initContainers: slimContainers(spec.initContainers) },
    };
  };
  if (path.length === 0) return { apiVersion: manifest.apiVersion, kind: manifest.kind, ...slimPod(manifest) };
  // rebuild the path down to the template, keeping the selector beside it
  const rebuild = (node: any, depth: number): any => {
    if (!isObject(node)) return node;
    if (depth === path.length) return slimPod(node);
    const key = path[depth];
    return { selector: node.selector, [key]: rebuild(node[key], depth + 1) };
  };
  return { apiVersion: manifest.apiVersion, kind: manifest.kind, metadata: manifest.metadata, spec: rebuild(manifest.spec, 1) };
}

/**
 * The kinds whose `spec.selector` is a `LabelSelector` the API server requires to match the template.
 *
 * @internal
 */
export const SELECTING_WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * The kinds whose pods serve a Service for as long as they run, and can be selected by a controller: Job and
 * CronJob pods are neither (they finish, and carry their Job's controller reference).
 *
 * @internal
 */
export const SERVING_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod']);

/**
 * A container port as declared in a pod template, with where it was declared.
 *
 * @internal
 */
export interface DeclaredPort {
  readonly name?: string;
  readonly containerPort: unknown;
  readonly protocol: string;
  readonly container: string;
}

/**
 * The pod template of a workload object: its labels and declared ports.
 *
 * @internal
 */
export interface PodTemplate {
  /** Field path of the template, such as `spec.template` (empty for a Pod). */
  readonly path: string;
  /** The template's string labels. */
  readonly labels: Record<string, string>;
  /** The template's labels and annotations as written, for syntax checks. */
  readonly rawLabels: unknown;
  readonly rawAnnotations: unknown;
  readonly initContainers: any[];
  readonly hostNetwork: boolean;
  readonly containers: any[];
  readonly ports: DeclaredPort[];
}

/**
 * Finds the pod template of a workload object, or undefined for other kinds.
 *
 * @internal
 */
export function podTemplateOf(kind: string, manifest: any): PodTemplate | undefined {
  const path = TEMPLATE_PATHS[kind];
  if (!path) return undefined;
  let node: any = manifest;
  for (const key of path) {
    node = isObject(node) ? node[key] : undefined;
  }
  if (!isObject(node)) return undefined;
  const labels: Record<string, string> = {};
  const rawLabels = asStringMap(asStringMap(node.metadata).labels);
  for (const k in rawLabels) {
    const v = rawLabels[k];
    if (typeof v === 'string') labels[k] = v;
  }
  const containers = asArray(asStringMap(node.spec).containers);
  const ports: DeclaredPort[] = [];
  for (const c of containers) {
    if (!isObject(c)) continue;
    for (const p of asArray(c.ports)) {
      if (!isObject(p)) continue;
      ports.push({
        name: typeof p.name === 'string' && p.name !== '' ? p.name : undefined,
        containerPort: p.containerPort,
        protocol: typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP',
        container: typeof c.name === 'string' ? c.name : '',
      });
    }
  }
  const meta = asStringMap(node.metadata);
  const initContainers = asArray(asStringMap(node.spec).initContainers);
  return {
    path: path.join('.'),
    labels,
    rawLabels: meta.labels,
    rawAnnotations: meta.annotations,
    hostNetwork: asStringMap(node.spec).hostNetwork === true,
    containers,
    initContainers,
    ports,
  };
}

/**
 * Whether a map selector (a Service's `spec.selector`) selects pods with these labels.
 *
 * @internal
 */
export function mapSelectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  for (const key in selector) {
    if (labels[key] !== selector[key]) return false;
  }
  return true;
}

/**
 * Whether a `LabelSelector` (matchLabels and matchExpressions) selects pods with these labels.
 *
 * @internal
 */
export function labelSelectorMatches(selector: any, labels: Record<string, string>): boolean {
  if (!isObject(selector)) return false;
  const matchLabels = asStringMap(selector.matchLabels) as Record<string, string>;
  if (!mapSelectorMatches(matchLabels, labels)) return false;
  for (const expr of asArray(selector.matchExpressions)) {
    if (!isObject(expr)) return false;
    const has = Object.prototype.hasOwnProperty.call(labels, expr.key);
    const values = asArray(expr.values);
    switch (expr.operator) {
      case 'In': if (!has || !values.includes(labels[expr.key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[expr.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}
