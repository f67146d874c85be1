// Views of the objects that point at workloads, pods or Services by name or by label: HorizontalPodAutoscalers,
// PodDisruptionBudgets, Prometheus Operator monitors and Gateway API routes. The checker does not validate these
// kinds; the reference rules (reference-rules.ts) read where they point. Decoding reads leniently and reports
// nothing: what the reference rules need, they check themselves, and the rest of the object is its schema's
// business.
import type {
  BackendRefView, MonitorEndpointView, MonitorView, ObjectView, ObjectViewBase, RouteKind,
} from './contract';
import { asArray, asStringMap, isObject } from './json';
import { groupOf } from './manifest-views';

/** The Gateway API group. */
const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/**
 * The API group of each kind whose references the checker reads: a kind of the same name in another group (a
 * Knative or Istio kind) stays an object the checker does not look inside.
 */
const REFERRING_KIND_GROUPS: Readonly<Record<string, string>> = {
  HorizontalPodAutoscaler: 'autoscaling',
  PodDisruptionBudget: 'policy',
  ServiceMonitor: 'monitoring.coreos.com',
  PodMonitor: 'monitoring.coreos.com',
  HTTPRoute: GATEWAY_GROUP,
  GRPCRoute: GATEWAY_GROUP,
  TCPRoute: GATEWAY_GROUP,
  UDPRoute: GATEWAY_GROUP,
  TLSRoute: GATEWAY_GROUP,
  ReferenceGrant: GATEWAY_GROUP,
};

/**
 * Whether the checker reads the references of objects of this kind (an autoscaler, a disruption budget, a monitor, a
 * route): the kind and the API group both match.
 *
 * @internal
 */
export function isReferringKind(kind: string, apiVersion: unknown): boolean {
  const group = REFERRING_KIND_GROUPS[kind];
  return group !== undefined && groupOf(apiVersion) === group;
}

/**
 * The view of an object whose references the checker reads, or undefined for any other object.
 *
 * @param group the API group of the object's apiVersion
 * @internal
 */
export function decodeReferringObject(base: ObjectViewBase, group: string | undefined, manifest: Record<string, any>): ObjectView | undefined {
  if (group === undefined || REFERRING_KIND_GROUPS[base.kind] !== group) return undefined;
  const spec = asStringMap(manifest.spec);
  switch (base.kind) {
    case 'HorizontalPodAutoscaler': {
      const ref = spec.scaleTargetRef;
      return {
        ...base,
        view: 'autoscaler',
        scaleTargetRef: isObject(ref) ? { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name } : undefined,
      };
    }
    case 'PodDisruptionBudget':
      return { ...base, view: 'disruptionBudget', selector: spec.selector, minAvailable: spec.minAvailable, maxUnavailable: spec.maxUnavailable };
    case 'ServiceMonitor':
    case 'PodMonitor':
      return decodeMonitor(base, base.kind, spec);
    case 'ReferenceGrant':
      return { ...base, view: 'referenceGrant', from: spec.from, to: spec.to };
    default:
      return { ...base, view: 'route', kind: base.kind as RouteKind, backendRefs: decodeBackendRefs(spec) };
  }
}

function decodeMonitor(base: ObjectViewBase, kind: MonitorView['kind'], spec: Record<string, unknown>): MonitorView {
  const pods = kind === 'PodMonitor';
  const endpointsField = pods ? 'spec.podMetricsEndpoints' : 'spec.endpoints';
  const endpoints = asArray(pods ? spec.podMetricsEndpoints : spec.endpoints).map((e): MonitorEndpointView | undefined =>
    (isObject(e) ? { port: e.port, portNumber: pods ? e.portNumber : undefined, targetPort: e.targetPort } : undefined));
  return { ...base, view: 'monitor', kind, selector: spec.selector, namespaceSelector: spec.namespaceSelector, endpointsField, endpoints };
}

/**
 * The backends of a route's rules: each rule's `backendRefs`, and the backend of each `requestMirror` filter, of the
 * rule or of a backend (HTTPRoute and GRPCRoute).
 */
function decodeBackendRefs(spec: Record<string, unknown>): BackendRefView[] {
  const refs: BackendRefView[] = [];
  const add = (raw: unknown, path: string) => {
    if (isObject(raw)) refs.push({ path, group: raw.group, kind: raw.kind, name: raw.name, namespace: raw.namespace, port: raw.port });
  };
  const mirrors = (filters: unknown, path: string) => asArray(filters).forEach((f, k) => {
    if (isObject(f) && isObject(f.requestMirror)) add(f.requestMirror.backendRef, `${path}.filters[${k}].requestMirror.backendRef`);
  });
  asArray(spec.rules).forEach((r, i) => {
    if (!isObject(r)) return;
    const rule = `spec.rules[${i}]`;
    asArray(r.backendRefs).forEach((b, j) => {
      add(b, `${rule}.backendRefs[${j}]`);
      if (isObject(b)) mirrors(b.filters, `${rule}.backendRefs[${j}]`);
    });
    mirrors(r.filters, rule);
  });
  return refs;
}
