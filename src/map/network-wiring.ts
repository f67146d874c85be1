// The wiring of Ingresses and NetworkPolicies: each Ingress to the Services its backends name, labelled with the
// host and path and the Service port (by name when it has one); and what each NetworkPolicy allows, as edges from
// its peers (workloads, namespaces, CIDRs) to the workloads its podSelector selects (for egress rules, the other way
// round), labelled with the policy's name and the pod ports it allows. Backends and peers are resolved as the
// checker resolves them; what its networking linkage rules find broken is marked, and what the input cannot
// resolve is marked as unresolved.
import { selectorText, servicePortText } from './service-wiring';
import { WiringContext, markOf } from './wiring-context';
import { WiringMark, WiringNode, compareNodes } from './wiring-graph';
import {
  IngressBackendView, IngressView, NAMESPACE_NAME_LABEL, NetworkPolicyPeerView, NetworkPolicyPortView, NetworkPolicyView, ServicePortView, text,
} from '../check/contract';
import { asArray, asStringMap, isObject, isUnset } from '../check/json';
import { NETWORKING_LINKAGE_RULES } from '../check/networking-linkage-rules';
import { INGRESS_CLASS_ANNOTATION, POLICY_PEER_FIELDS, effectivePolicyTypes, policyPortProtocol } from '../check/networking-views';
import type { PodSource } from '../check/pod-index';
import type { RuleId } from '../check/registry';
import type { CheckedObject, CheckedService } from '../check/report';
import { labelSelectorMatches } from '../check/selectors';
import { defaultServicePort } from '../check/service-defaults';

/** The rules whose findings mark Ingress backends and NetworkPolicies. */
const NETWORK_WIRING_RULES = Object.keys(NETWORKING_LINKAGE_RULES) as RuleId[];


/**
 * Draws every Ingress and what each NetworkPolicy allows.
 *
 * @internal
 */
export function drawNetwork(ctx: WiringContext): void {
  const services = new Map<string, CheckedService>();
  const namespaces = new Map<string, Record<string, unknown>>();
  for (const obj of ctx.objects) {
    if (obj.view.view === 'service' && obj.name !== '') services.set(`${obj.scope}/${obj.name}`, obj as CheckedService);
    if (obj.kind === 'Namespace' && obj.group === '' && obj.name !== '') {
      namespaces.set(obj.name, { ...asStringMap(obj.view.metadata.labels), [NAMESPACE_NAME_LABEL]: obj.name });
    } else if (!namespaces.has(obj.scope)) {
      namespaces.set(obj.scope, { [NAMESPACE_NAME_LABEL]: obj.scope });
    }
  }
  for (const obj of ctx.objects) {
    if (obj.view.view === 'ingress') drawIngress(ctx, obj as CheckedObject<IngressView>, services);
    else if (obj.view.view === 'networkPolicy') drawPolicy(ctx, obj as CheckedObject<NetworkPolicyView>, namespaces);
  }
}

function drawIngress(ctx: WiringContext, ing: CheckedObject<IngressView>, services: ReadonlyMap<string, CheckedService>): void {
  const spec = ing.view.spec;
  const className = spec && !isUnset(spec.ingressClassName)
    ? spec.ingressClassName
    : asStringMap(ing.view.metadata.annotations)[INGRESS_CLASS_ANNOTATION];
  const node = ctx.nodeOf(ing, typeof className === 'string' && className !== '' ? [`class ${className}`] : []);
  if (!spec) return;
  if (spec.defaultBackend) drawBackend(ctx, ing, node, spec.defaultBackend, 'default', services);
  for (const rule of spec.rules ?? []) {
    const host = typeof rule?.host === 'string' && rule.host !== '' ? rule.host : '*';
    for (const path of rule?.paths ?? []) {
      if (path?.backend) drawBackend(ctx, ing, node, path.backend, `${host}${typeof path.path === 'string' ? path.path : ''}`, services);
    }
  }
}

/** One backend: an edge to the Service it names (a missing one drawn as such), labelled with the route and port. */
function drawBackend(
  ctx: WiringContext, ing: CheckedObject<IngressView>, from: WiringNode, backend: IngressBackendView, route: string,
  services: ReadonlyMap<string, CheckedService>,
): void {
  const finding = ctx.findingUnder(ing, backend.path, NETWORK_WIRING_RULES);
  const resource = backend.resource;
  if (resource) {
    if (typeof resource.kind === 'string' && typeof resource.name === 'string') {
      const target = ctx.graph.node('peer', ing.scope, `${resource.kind.toLowerCase()}/${resource.name}`);
      ctx.graph.connect(from, target, route, finding ? markOf(finding) : 'ok');
    }
    return;
  }
  const service = backend.service;
  if (!service || typeof service.name !== 'string' || service.name === '') return;
  const svc = services.get(`${ing.scope}/${service.name}`);
  const wanted = service.port && !isUnset(service.port.name) ? service.port.name : service.port?.number;
  if (!svc) {
    const mark = finding ? markOf(finding) : 'unresolved';
    ctx.graph.connect(from, ctx.missingService(ing.scope, service.name, mark), `${route} → ${text(wanted)}`, mark);
    return;
  }
  const ports = (svc.view.spec?.ports ?? []).filter((p): p is ServicePortView => p !== undefined).map(defaultServicePort);
  // a number can be served over TCP and UDP (HTTP/3 beside HTTPS on 443): the TCP one is the Ingress's
  const port = typeof wanted === 'string' ? ports.find(p => p.name === wanted)
    : ports.find(p => p.port === wanted && p.protocol === 'TCP') ?? ports.find(p => p.port === wanted);
  const mark: WiringMark = finding ? markOf(finding) : port ? 'ok' : 'unresolved';
  // a Service most ingress controllers cannot route to
  const type = finding?.rule === 'ingress-backend-service-type' ? (svc.view.spec?.type === 'ExternalName' ? ': ExternalName' : ': headless') : '';
  ctx.graph.connect(from, ctx.nodeOf(svc), `${route} → ${port ? `${servicePortText(port)}${type}` : `no port ${text(wanted)}`}`, mark);
}

function drawPolicy(ctx: WiringContext, policy: CheckedObject<NetworkPolicyView>, namespaces: ReadonlyMap<string, Record<string, unknown>>): void {
  const spec = policy.view.spec;
  if (!spec) return;
  const selected = selectPods(ctx, policy.scope, spec.podSelector);
  if (selected.length === 0) {
    const node = ctx.nodeOf(policy);
    const why = `selects no pods: ${labelSelectorText(spec.podSelector)}`;
    const finding = ctx.findingUnder(policy, 'spec.podSelector', NETWORK_WIRING_RULES);
    if (finding) ctx.graph.mark(node, markOf(finding), why);
    else ctx.graph.mark(node, 'ok', `${why} in the input`);
    return;
  }
  const types = effectivePolicyTypes(spec);
  for (const direction of ['ingress', 'egress'] as const) {
    if (!types.includes(direction === 'ingress' ? 'Ingress' : 'Egress')) continue;
    spec[direction]?.forEach((rule, i) => {
      if (!rule?.peers) return;
      const at = `spec.${direction}[${i}].${POLICY_PEER_FIELDS[direction]}`;
      const peers = rule.peers.length === 0
        ? [{ node: ctx.graph.node('peer', undefined, 'anywhere') }]
        : rule.peers.flatMap((p, j) => peerNodes(ctx, policy, p, `${at}[${j}]`, namespaces));
      for (const target of selected) {
        for (const peer of peers) {
          const [from, to] = direction === 'ingress' ? [peer.node, target.node] : [target.node, peer.node];
          // the ports are those of the pods that receive: the selected ones for ingress, the peer's for egress
          const receiver = direction === 'ingress' ? target.source : peer.source;
          connectPorts(ctx, policy, `spec.${direction}[${i}].ports`, rule.ports, receiver, from, to);
        }
      }
    });
  }
}

/** The edge of one rule between two nodes: the allowed ports, and those the receiving pods do not declare marked. */
function connectPorts(
  ctx: WiringContext, policy: CheckedObject<NetworkPolicyView>, field: string, ports: ReadonlyArray<NetworkPolicyPortView | undefined> | undefined,
  receiver: PodSource | undefined, from: WiringNode, to: WiringNode,
): void {
  const allowed = (ports ?? []).map((p, j) => ({ p, j })).filter((e): e is { p: NetworkPolicyPortView; j: number } => e.p !== undefined);
  if (allowed.length === 0) {
    ctx.graph.connect(from, to, `${policy.name}: all ports`);
    return;
  }
  const good: string[] = [];
  for (const { p, j } of allowed) {
    const protocol = policyPortProtocol(p);
    const port = isUnset(p.port) ? 'all' : isUnset(p.endPort) ? text(p.port) : `${text(p.port)}-${text(p.endPort)}`;
    const shown = `${port}${protocol === 'TCP' ? '' : `/${text(protocol)}`}`;
    const finding = receiver && !declares(receiver, p, protocol) ? ctx.findingUnder(policy, `${field}[${j}]`, NETWORK_WIRING_RULES) : undefined;
    if (finding) ctx.graph.connect(from, to, `${policy.name}: ${shown} not a container port`, markOf(finding));
    else good.push(shown);
  }
  if (good.length > 0) ctx.graph.connect(from, to, `${policy.name}: ${good.join(', ')}`);
}

/** Whether the pods of a source declare a container port a NetworkPolicy port names (a range always may). */
function declares(source: PodSource, port: NetworkPolicyPortView, protocol: unknown): boolean {
  if (isUnset(port.port) || !isUnset(port.endPort)) return true;
  return source.pods.ports.some(d => d.protocol === protocol && (typeof port.port === 'string' ? d.name === port.port : d.containerPort === port.port));
}

interface Selected {
  readonly node: WiringNode;
  /** The pods behind the node, when it is a workload of the input. */
  readonly source?: PodSource;
}

/** The pod sources of a namespace a LabelSelector selects (absent or empty: all of them), as nodes in order. */
function selectPods(ctx: WiringContext, namespace: string, selector: unknown): Selected[] {
  // an absent selector, like an empty one, selects every pod of the namespace
  const sources = isUnset(selector) ? ctx.index.sourcesIn(namespace) : isObject(selector) ? ctx.index.selectByLabelSelector(namespace, selector) : [];
  return sources
    .map(source => ({ node: ctx.nodeOf(source), source }))
    .sort((a, b) => compareNodes(a.node, b.node));
}

/**
 * The nodes of a peer: the workloads of the input it selects, or else one node that describes it (a CIDR, the
 * namespaces and pods a selector names).
 */
function peerNodes(
  ctx: WiringContext, policy: CheckedObject<NetworkPolicyView>, peer: NetworkPolicyPeerView | undefined, field: string,
  namespaces: ReadonlyMap<string, Record<string, unknown>>,
): Selected[] {
  if (!peer) return [];
  if (peer.ipBlock) {
    const except = asArray(peer.ipBlock.except).map(text);
    const notes = except.length > 0 ? [`except ${except.join(', ')}`] : [];
    return [{ node: ctx.graph.node('peer', undefined, text(peer.ipBlock.cidr), notes, `${text(peer.ipBlock.cidr)} ${notes.join('')}`) }];
  }
  const pods = isUnset(peer.podSelector) ? undefined : labelSelectorText(peer.podSelector);
  if (isUnset(peer.namespaceSelector)) {
    const found = selectPods(ctx, policy.scope, peer.podSelector);
    return found.length > 0 ? found : [{ node: unmatchedPeer(ctx, policy, field, ctx.graph.node('peer', policy.scope, `pods ${pods ?? 'all'}`)) }];
  }
  const everywhere = labelSelectorText(peer.namespaceSelector) === 'all';
  const found = everywhere ? [] : [...namespaces.keys()].sort()
    .filter(ns => labelSelectorMatches(peer.namespaceSelector, namespaces.get(ns) as Record<string, string>))
    // every pod of another namespace: one edge from its subgraph
    .flatMap(ns => (pods === undefined && ns !== policy.scope ? [{ node: ctx.graph.node('namespace', ns, `ns/${ns}`) }] : selectPods(ctx, ns, peer.podSelector)));
  if (found.length > 0) return found;
  const named = namedNamespace(peer.namespaceSelector);
  const title = everywhere ? 'all namespaces' : named !== undefined ? `ns/${named}` : `namespaces ${labelSelectorText(peer.namespaceSelector)}`;
  return [{ node: unmatchedPeer(ctx, policy, field, ctx.graph.node('peer', undefined, title, pods ? [`pods ${pods}`] : [], `${title} ${pods ?? ''}`)) }];
}

/** A peer that selects no workload of the input, marked when the checker finds that it selects no pods at all. */
function unmatchedPeer(ctx: WiringContext, policy: CheckedObject<NetworkPolicyView>, field: string, node: WiringNode): WiringNode {
  const finding = ctx.findingUnder(policy, `${field}.podSelector`, NETWORK_WIRING_RULES);
  if (finding) ctx.graph.mark(node, markOf(finding), 'selects no pods');
  return node;
}

/** The namespace a selector names by its name label alone, if it does. */
function namedNamespace(selector: unknown): string | undefined {
  const s = asStringMap(selector);
  const labels = asStringMap(s.matchLabels);
  const keys = Object.keys(labels);
  const name = labels[NAMESPACE_NAME_LABEL];
  return keys.length === 1 && typeof name === 'string' && asArray(s.matchExpressions).length === 0 ? name : undefined;
}

/** A LabelSelector as a label shows it: its matchLabels and expressions, or `all` when it is empty. */
function labelSelectorText(selector: unknown): string {
  const s = asStringMap(selector);
  const parts = Object.keys(asStringMap(s.matchLabels)).length > 0 ? [selectorText(asStringMap(s.matchLabels))] : [];
  for (const e of asArray(s.matchExpressions)) {
    const expr = asStringMap(e);
    const values = asArray(expr.values).map(text).join(',');
    parts.push(`${text(expr.key)} ${text(expr.operator)}${values ? ` (${values})` : ''}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'all';
}
