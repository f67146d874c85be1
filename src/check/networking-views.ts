// Views of networking.k8s.io/v1 Ingresses and NetworkPolicies decoded from manifests, and the small helpers that
// read them: an Ingress's backends with their field paths, a NetworkPolicy's policy types and port protocols after
// the API server's defaulting. The validation rules (ingress-rules.ts, network-policy-rules.ts), the linkage rules
// (networking-linkage-rules.ts) and anything that draws the wiring read them.
import type {
  IPBlockView, IngressBackendView, IngressPathView, IngressRuleView, IngressSpecView, IngressView, NetworkPolicyPeerView,
  NetworkPolicyPortView, NetworkPolicyRuleView, NetworkPolicySpecView, NetworkPolicyView, ObjectViewBase,
} from './contract';
import { invalid } from './contract';
import { asStringMap, isObject } from './json';
import { DecodeProblem, decodeList } from './manifest-views';

/**
 * The annotation that named an Ingress's class before `spec.ingressClassName`.
 *
 * @internal
 */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/**
 * The view of a networking.k8s.io/v1 Ingress.
 *
 * @internal
 */
export function decodeIngress(base: ObjectViewBase, manifest: Record<string, any>, problem: DecodeProblem): IngressView {
  const annotations = asStringMap(base.metadata.annotations);
  const annotated = Object.prototype.hasOwnProperty.call(annotations, INGRESS_CLASS_ANNOTATION);
  const classAnnotation = annotated ? annotations[INGRESS_CLASS_ANNOTATION] : undefined;
  return { ...base, view: 'ingress', classAnnotation, spec: decodeIngressSpec(manifest.spec, problem) };
}

function decodeIngressSpec(raw: unknown, problem: DecodeProblem): IngressSpecView | undefined {
  if (raw === undefined || raw === null) raw = {};
  if (!isObject(raw)) {
    problem('ingress-spec', 'spec', invalid(raw, 'must be an object'));
    return undefined;
  }
  const defaultBackend = raw.defaultBackend === undefined || raw.defaultBackend === null
    ? undefined
    : decodeBackend(raw.defaultBackend, 'spec.defaultBackend', problem);
  return {
    ingressClassName: raw.ingressClassName,
    defaultBackend,
    rules: decodeList(raw.rules, 'spec.rules', 'ingress-spec', problem, (r, field) => decodeIngressRule(r, field, problem)),
    tls: decodeList(raw.tls, 'spec.tls', 'ingress-tls', problem, t => ({ hosts: t.hosts, secretName: t.secretName })),
  };
}

function decodeIngressRule(raw: Record<string, any>, field: string, problem: DecodeProblem): IngressRuleView {
  const http = raw.http;
  if (http === undefined || http === null) return { host: raw.host, paths: undefined };
  if (!isObject(http)) {
    problem('ingress-spec', `${field}.http`, invalid(http, 'must be an object with paths'));
    return { host: raw.host, paths: undefined };
  }
  const paths = decodeList(http.paths, `${field}.http.paths`, 'ingress-path', problem, (p, at): IngressPathView => ({
    path: p.path,
    pathType: p.pathType,
    // the backend is not a pointer in Go: an absent one is empty, and validation says a backend is required
    backend: decodeBackend(p.backend ?? {}, `${at}.backend`, problem),
  }));
  return { host: raw.host, paths };
}

function decodeBackend(raw: unknown, path: string, problem: DecodeProblem): IngressBackendView | undefined {
  if (!isObject(raw)) {
    problem('ingress-backend', path, invalid(raw, 'must be an object with service or resource'));
    return undefined;
  }
  const part = (name: 'service' | 'resource'): Record<string, any> | undefined => {
    const value = raw[name];
    if (value === undefined || value === null) return undefined;
    if (isObject(value)) return value;
    problem('ingress-backend', `${path}.${name}`, invalid(value, 'must be an object'));
    return undefined;
  };
  const service = part('service');
  const resource = part('resource');
  return {
    path,
    service: service && {
      name: service.name,
      port: isObject(service.port) ? { name: service.port.name, number: service.port.number } : undefined,
    },
    resource: resource && { apiGroup: resource.apiGroup, kind: resource.kind, name: resource.name },
  };
}

/**
 * Every backend of an Ingress with its field path: `spec.defaultBackend`, then the backend of each HTTP path of each
 * rule, in order. Backends the decoder could not read are left out.
 *
 * @internal
 */
export function ingressBackends(view: IngressView): IngressBackendView[] {
  const spec = view.spec;
  if (!spec) return [];
  const backends: IngressBackendView[] = [];
  if (spec.defaultBackend) backends.push(spec.defaultBackend);
  for (const rule of spec.rules ?? []) {
    for (const path of rule?.paths ?? []) {
      if (path?.backend) backends.push(path.backend);
    }
  }
  return backends;
}

/**
 * The view of a networking.k8s.io/v1 NetworkPolicy.
 *
 * @internal
 */
export function decodeNetworkPolicy(base: ObjectViewBase, manifest: Record<string, any>, problem: DecodeProblem): NetworkPolicyView {
  return { ...base, view: 'networkPolicy', spec: decodeNetworkPolicySpec(manifest.spec, problem) };
}

function decodeNetworkPolicySpec(raw: unknown, problem: DecodeProblem): NetworkPolicySpecView | undefined {
  if (raw === undefined || raw === null) raw = {};
  if (!isObject(raw)) {
    problem('network-policy-spec', 'spec', invalid(raw, 'must be an object'));
    return undefined;
  }
  const rules = (list: unknown, field: 'ingress' | 'egress') => decodeList(list, `spec.${field}`, 'network-policy-spec', problem,
    (r, at) => decodeRule(r, at, POLICY_PEER_FIELDS[field], problem));
  return {
    podSelector: raw.podSelector,
    policyTypes: raw.policyTypes,
    ingress: rules(raw.ingress, 'ingress'),
    egress: rules(raw.egress, 'egress'),
  };
}

/**
 * The field that lists the peers of a NetworkPolicy rule: `from` in an ingress rule, `to` in an egress rule.
 *
 * @internal
 */
export const POLICY_PEER_FIELDS = { ingress: 'from', egress: 'to' } as const;

function decodeRule(raw: Record<string, any>, field: string, peersField: 'from' | 'to', problem: DecodeProblem): NetworkPolicyRuleView {
  return {
    ports: decodeList(raw.ports, `${field}.ports`, 'network-policy-port', problem, (p): NetworkPolicyPortView => ({
      protocol: p.protocol, port: p.port, endPort: p.endPort,
    })),
    peers: decodeList(raw[peersField], `${field}.${peersField}`, 'network-policy-peer', problem, (p, at) => decodePeer(p, at, problem)),
  };
}

function decodePeer(raw: Record<string, any>, field: string, problem: DecodeProblem): NetworkPolicyPeerView | undefined {
  let ipBlock: IPBlockView | undefined;
  if (raw.ipBlock !== undefined && raw.ipBlock !== null) {
    if (!isObject(raw.ipBlock)) {
      problem('network-policy-peer', `${field}.ipBlock`, invalid(raw.ipBlock, 'must be an object with cidr and except'));
      return undefined;
    }
    ipBlock = { cidr: raw.ipBlock.cidr, except: raw.ipBlock.except };
  }
  return { podSelector: raw.podSelector, namespaceSelector: raw.namespaceSelector, ipBlock };
}

/**
 * A NetworkPolicy's policy types after defaulting (`SetDefaults_NetworkPolicy`): as written when the list is not
 * empty, else `Ingress`, plus `Egress` when the policy has egress rules.
 *
 * @internal
 */
export function effectivePolicyTypes(spec: NetworkPolicySpecView): unknown[] {
  if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0) return spec.policyTypes;
  return (spec.egress?.length ?? 0) > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/**
 * The protocol of a NetworkPolicy port after defaulting (`SetDefaults_NetworkPolicyPort`): TCP when absent.
 *
 * @internal
 */
export function policyPortProtocol(port: NetworkPolicyPortView): unknown {
  return port.protocol === undefined || port.protocol === null ? 'TCP' : port.protocol;
}
