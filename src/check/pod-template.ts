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
 * The kinds whose `spec.selector` is a `LabelSelector` the API server requires to match the template.
 *
 * @internal
 */
export const SELECTING_WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

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
  /** The template's labels as written, for syntax checks. */
  readonly rawLabels: unknown;
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
  for (const [k, v] of Object.entries(asStringMap(asStringMap(node.metadata).labels))) {
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
        protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
        container: typeof c.name === 'string' ? c.name : '',
      });
    }
  }
  const meta = asStringMap(node.metadata);
  return { path: path.join('.'), labels, rawLabels: meta.labels, hostNetwork: asStringMap(node.spec).hostNetwork === true, containers, ports };
}

/**
 * Whether a map selector (a Service's `spec.selector`) selects pods with these labels.
 *
 * @internal
 */
export function mapSelectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  for (const key of Object.keys(selector)) {
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
