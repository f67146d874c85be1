// Rules across objects for Ingresses and NetworkPolicies: an Ingress backend against the Service it names (there, a
// port of it, a Service an ingress controller can route to), and a NetworkPolicy against the pods it selects and the
// ports they declare. A NetworkPolicy's ports are pod (container) ports: allowing a Service's port where the
// container listens on another is the classic mistake, and a named port that no selected container declares allows
// nothing. Severity follows the other linkage rules: an error where the input proves the wiring broken, a warning
// where the other end may live elsewhere.
import {
  EXTERNAL_BACKEND_ANNOTATION, EXTERNAL_BACKEND_VALUE, IngressBackendView, IngressView, NAMESPACE_NAME_LABEL, NetworkPolicyView, show, text,
} from './contract';
import { Severity } from './finding';
import { asArray, asStringMap, isObject } from './json';
import { effectivePolicyTypes, ingressBackends, policyPortProtocol } from './networking-views';
import type { DeclaredPort } from './pod-facts';
import { PodIndex, PodSource, unseenCreatorReason } from './pod-index';
import type { CheckedObject, CheckedService, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { SELECTOR_OPERATORS, isEmptySelector } from './selectors';
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
export const NETWORKING_LINKAGE_RULES = {
  'ingress-backend-service': rule(E, M, 'an Ingress Service backend names a Service of the Ingress\'s namespace, when the input has Services or workloads in that namespace and nothing that could create the Service (a custom resource)', OURS),
  'ingress-backend-service-elsewhere': rule(W, M, 'an Ingress Service backend names a Service that is not in the input, where it may be defined elsewhere (a warning that says why)', OURS),
  'ingress-backend-port': rule(E, M, 'an Ingress Service backend\'s port is a port of that Service: by name a Service port name, by number a Service `port` (not its targetPort), with protocol TCP', OURS),
  'ingress-backend-service-type': rule(W, M, 'an Ingress backend Service is neither ExternalName (most ingress controllers cannot route to it; ingress-nginx can, with an annotation) nor headless (controllers that route to the cluster IP or a node port, such as GCE or ingress-nginx\'s service-upstream, cannot; those that route to the endpoints can)', OURS),
  'network-policy-selects-nothing': rule(E, M, 'a NetworkPolicy\'s spec.podSelector matches at least one pod template of its namespace, when the input has workloads there and nothing else that could create pods (a custom resource)', OURS),
  'network-policy-pods-elsewhere': rule(W, M, 'a NetworkPolicy\'s spec.podSelector that matches no pod template in the input, where its pods may come from elsewhere (a warning that says which)', OURS),
  'network-policy-peer-selects-nothing': rule(W, M, 'a peer\'s podSelector matches pods of the namespace it looks in (the policy\'s own, or the one a namespaceSelector names by kubernetes.io/metadata.name), when the input has workloads there', OURS),
  'network-policy-port-name': rule(E, M, 'a named port of an ingress rule is declared, with its protocol, by a container of the pods the policy selects: a named policy port only resolves against container port names, so otherwise it allows nothing', OURS),
  'network-policy-port-number': rule(W, M, 'a numbered port (or port..endPort range) of an ingress rule is declared as a containerPort, with its protocol, by the pods the policy selects; says so when the number is the port of a Service of those pods whose pods listen on another (containers may listen on undeclared ports, so this only warns)', OURS),
};


/**
 * The Ingress and NetworkPolicy rules across objects.
 *
 * @internal
 */
export function checkNetworkingLinkage(objects: readonly CheckedObject[], index: PodIndex, report: Report): void {
  // most inputs have neither: the Services are not indexed for nothing
  if (!objects.some(o => o.view.view === 'ingress' || o.view.view === 'networkPolicy')) return;
  const services = new Map<string, CheckedService>();
  const servicesByNamespace = new Map<string, CheckedService[]>();
  const byName = new Map<string, CheckedService[]>();
  for (const obj of objects) {
    if (obj.view.view !== 'service' || obj.name === '') continue;
    const svc = obj as CheckedService;
    services.set(`${svc.scope}/${svc.name}`, svc);
    push(servicesByNamespace, svc.scope, svc);
    push(byName, svc.name, svc);
  }
  const context: Context = { index, report, services, servicesByNamespace, byName };
  for (const obj of objects) {
    if (obj.view.view === 'ingress') checkIngressBackends(obj as CheckedObject<IngressView>, context);
    else if (obj.view.view === 'networkPolicy') checkPolicy(obj as CheckedObject<NetworkPolicyView>, context);
  }
}

/** What the rules of this family look objects up in. */
interface Context {
  readonly index: PodIndex;
  readonly report: Report;
  /** Services by `namespace/name`. */
  readonly services: ReadonlyMap<string, CheckedService>;
  readonly servicesByNamespace: ReadonlyMap<string, readonly CheckedService[]>;
  /** Services by name, in any namespace: to say that a missing one is in another namespace. */
  readonly byName: ReadonlyMap<string, readonly CheckedService[]>;
}

function checkIngressBackends(ing: CheckedObject<IngressView>, ctx: Context): void {
  for (const backend of ingressBackends(ing.view)) {
    const name = backend.service?.name;
    if (typeof name !== 'string' || name === '') continue;
    const svc = ctx.services.get(`${ing.scope}/${name}`);
    if (svc) checkBackendService(ing, backend, svc, ctx);
    else reportMissingService(ing, backend, name, ctx);
  }
}

/** A backend Service the input does not have in the Ingress's namespace: an error where the input proves it missing. */
function reportMissingService(ing: CheckedObject<IngressView>, backend: IngressBackendView, name: string, ctx: Context): void {
  const namespace = ing.scope;
  const field = `${backend.path}.service.name`;
  const other = (ctx.byName.get(name) ?? []).find(s => s.scope !== namespace);
  const across = other ? `; a Service "${name}" is in namespace "${other.scope}", but an Ingress only routes to Services of its own namespace` : '';
  const creator = ctx.index.unseenPodCreator(namespace, { name });
  if (creator) {
    ctx.report.add(ing, 'ingress-backend-service-elsewhere', field,
      `Service "${name}" is not in these manifests in namespace "${namespace}", but ${unseenCreatorReason(creator, 'it')}${across}`);
  } else if (!ctx.servicesByNamespace.has(namespace) && !ctx.index.hasPods(namespace)) {
    ctx.report.add(ing, 'ingress-backend-service-elsewhere', field,
      `Service "${name}" is not in these manifests: they have no Service or workload in namespace "${namespace}", so it is presumably defined in other manifests${across}; check them together`);
  } else {
    ctx.report.add(ing, 'ingress-backend-service', field,
      `Service "${name}" is not in namespace "${namespace}" in these manifests${across}; the ingress controller answers 503 for this backend. Name one of the namespace's Services`);
  }
}

/** A backend against its Service: a type an ingress controller can route to, and one of its ports. */
function checkBackendService(ing: CheckedObject<IngressView>, backend: IngressBackendView, svc: CheckedService, ctx: Context): void {
  const report = ctx.report;
  const spec = svc.view.spec;
  if (!spec) return;
  const field = `${backend.path}.service`;
  if (spec.type === 'ExternalName') {
    report.add(ing, 'ingress-backend-service-type', `${field}.name`,
      `Service "${svc.name}" is an ExternalName Service (${text(spec.externalName)}): most ingress controllers cannot route to it (ingress-nginx can, with the nginx.ingress.kubernetes.io/upstream-vhost annotation for the host header); route to a Service with pods, or check that your controller supports it`);
    return;
  }
  if (spec.clusterIP === 'None') {
    report.add(ing, 'ingress-backend-service-type', `${field}.name`,
      `Service "${svc.name}" is headless (clusterIP: None): controllers that route to the Service's cluster IP or a node port (GCE, AWS instance targets, ingress-nginx with service-upstream or SSL passthrough) cannot reach it, while those that route to the endpoints (ingress-nginx by default, Traefik) can; give the Ingress a Service with a cluster IP`);
  }
  const ports = spec.ports;
  if (!ports) return;
  const declared = ports.flatMap(p => (p ? [defaultServicePort(p)] : []));
  const listing = declared.length > 0 ? declared.map(p => (p.name ? `${text(p.name)} (${text(p.port)})` : text(p.port))).join(', ') : 'none';
  const portName = backend.service?.port?.name;
  const portNumber = backend.service?.port?.number;
  if (typeof portName === 'string' && portName !== '') {
    const match = declared.find(p => p.name === portName);
    if (!match) {
      report.add(ing, 'ingress-backend-port', `${field}.port.name`,
        `port name "${portName}" is not a port of Service "${svc.name}", whose ports are ${listing}; name one of them (an Ingress names Service ports, not container ports)`);
    } else if (match.protocol !== 'TCP') {
      report.add(ing, 'ingress-backend-port', `${field}.port.name`,
        `port "${portName}" of Service "${svc.name}" is ${text(match.protocol)}, but an Ingress routes HTTP, over TCP`);
    }
  } else if (typeof portNumber === 'number' && portNumber !== 0) {
    // a number can be served over TCP and UDP (HTTP/3 beside HTTPS on 443): the TCP one is the Ingress's
    const match = declared.find(p => p.port === portNumber && p.protocol === 'TCP') ?? declared.find(p => p.port === portNumber);
    if (!match) {
      // the number may be the container port behind a Service port: its targetPort, or the number its named
      // targetPort resolves to in the pods the Service selects
      const named = isObject(spec.selector) ? ctx.index.select(svc.scope, spec.selector).flatMap(s => s.pods.ports) : [];
      const target = declared.find(p => p.targetPort === portNumber
        || (typeof p.targetPort === 'string' && named.some(c => c.name === p.targetPort && c.containerPort === portNumber)));
      const hint = target
        ? `; ${portNumber} is the container port behind its port ${text(target.port)}${target.name ? ` (${text(target.name)})` : ''}: an Ingress names the Service port, not the container port`
        : '';
      report.add(ing, 'ingress-backend-port', `${field}.port.number`,
        `port ${portNumber} is not a port of Service "${svc.name}", whose ports are ${listing}${hint}`);
    } else if (match.protocol !== 'TCP') {
      report.add(ing, 'ingress-backend-port', `${field}.port.number`,
        `port ${portNumber} of Service "${svc.name}" is ${text(match.protocol)}, but an Ingress routes HTTP, over TCP`);
    }
  }
}

/** A NetworkPolicy against the pods it selects, its peers' pods, and the ports of its ingress rules. */
function checkPolicy(np: CheckedObject<NetworkPolicyView>, ctx: Context): void {
  const spec = np.view.spec;
  if (!spec) return;
  const selector = spec.podSelector ?? {};
  if (!isEvaluable(selector)) return;
  const namespace = np.scope;
  const matchLabels = asStringMap(selector.matchLabels);
  const selected = ctx.index.selectByLabelSelector(namespace, selector);
  if (!isEmptySelector(selector) && selected.length === 0) {
    reportNoPods(np, matchLabels, selector, ctx);
    return;
  }
  for (const direction of ['ingress', 'egress'] as const) {
    const peersField = direction === 'ingress' ? 'from' : 'to';
    spec[direction]?.forEach((r, i) => r?.peers?.forEach((peer, j) => {
      if (peer) checkPeerPods(np, peer.podSelector, peer.namespaceSelector, `spec.${direction}[${i}].${peersField}[${j}]`, ctx);
    }));
  }
  // ports of ingress rules are ports of the selected pods; those of egress rules belong to the destinations
  if (selected.length === 0 || !effectivePolicyTypes(spec).includes('Ingress')) return;
  // an empty podSelector also selects pods defined in other manifests of the namespace, which may declare the name
  const complete = !isEmptySelector(selector) && !ctx.index.unseenPodCreator(namespace, matchLabels);
  spec.ingress?.forEach((r, i) => r?.ports?.forEach((p, j) => {
    if (!p) return;
    const protocol = policyPortProtocol(p);
    if (typeof protocol !== 'string') return;
    const at = `spec.ingress[${i}].ports[${j}]`;
    if (typeof p.port === 'string' && p.port !== '') {
      if (complete) checkNamedPort(np, p.port, protocol, selected, at, ctx.report);
    } else if (typeof p.port === 'number' && Number.isInteger(p.port)) {
      const end = typeof p.endPort === 'number' && p.endPort >= p.port ? p.endPort : p.port;
      checkNumberedPort(np, p.port, end, protocol, selected, at, ctx);
    }
  }));
}

/** A named policy port: it resolves, pod by pod, against the container ports of that name and protocol. */
function checkNamedPort(np: CheckedObject, name: string, protocol: string, selected: readonly PodSource[], at: string, report: Report): void {
  const named = selected.flatMap(s => s.pods.ports.filter(d => d.name === name));
  if (named.some(d => d.protocol === protocol)) return;
  if (named.length > 0) {
    report.add(np, 'network-policy-port-name', `${at}.port`,
      `named port "${name}" is declared by the pods this policy selects with protocol ${named[0].protocol}, not ${protocol}, so this rule allows nothing on it; make the protocols agree`);
    return;
  }
  report.add(np, 'network-policy-port-name', `${at}.port`,
    `named port "${name}" is not declared by any pod this policy selects (${describePorts(selected)}); a named port only matches container ports of that name, so this rule allows nothing on it. Name a container port "${name}" or allow one of those`);
}

/** A numbered policy port or range: a warning when no selected container declares it, precise for a Service port. */
function checkNumberedPort(
  np: CheckedObject, port: number, end: number, protocol: string, selected: readonly PodSource[], at: string, ctx: Context,
): void {
  const inRange = (d: DeclaredPort) => typeof d.containerPort === 'number' && d.containerPort >= port && d.containerPort <= end && d.protocol === protocol;
  if (selected.some(s => s.pods.ports.some(inRange))) return;
  const what = end > port ? `ports ${port}-${end}/${protocol} are` : `port ${port}/${protocol} is`;
  const servicePort = end === port ? serviceMistake(np.scope, port, protocol, selected, ctx) : undefined;
  if (servicePort) {
    ctx.report.add(np, 'network-policy-port-number', `${at}.port`,
      `${port} is the port of Service "${servicePort.service}", whose pods listen on ${servicePort.listens} (targetPort ${servicePort.target}); a NetworkPolicy allows pod ports, so allow ${servicePort.listens}`);
    return;
  }
  ctx.report.add(np, 'network-policy-port-number', `${at}.port`,
    `${what} not declared as a containerPort by the pods this policy selects (${describePorts(selected)}); a NetworkPolicy allows pod ports: check that the containers listen there, and declare the port`);
}

/**
 * The Service-port-instead-of-container-port mistake: a Service of the namespace that selects some of these pods has
 * `port` equal to the number, and its targetPort resolves to another container port of those pods.
 */
function serviceMistake(
  namespace: string, port: number, protocol: string, selected: readonly PodSource[], ctx: Context,
): { readonly service: string; readonly listens: number; readonly target: string } | undefined {
  const pods = new Set<PodSource>(selected);
  for (const svc of ctx.servicesByNamespace.get(namespace) ?? []) {
    const spec = svc.view.spec;
    if (!spec || !isObject(spec.selector) || spec.type === 'ExternalName') continue;
    const backends = ctx.index.select(namespace, spec.selector).filter(s => pods.has(s));
    if (backends.length === 0) continue;
    for (const raw of spec.ports ?? []) {
      if (!raw) continue;
      const p = defaultServicePort(raw);
      if (p.port !== port || p.protocol !== protocol) continue;
      const target = p.targetPort;
      const listens = typeof target === 'number'
        ? target
        : backends.flatMap(s => s.pods.ports).find(d => d.name === target && d.protocol === protocol)?.containerPort;
      if (typeof listens === 'number' && listens !== port) return { service: svc.name, listens, target: text(target) };
    }
  }
  return undefined;
}

/** A peer's podSelector against the pods of the namespace it looks in, when the input has that namespace's workloads. */
function checkPeerPods(np: CheckedObject, podSelector: unknown, namespaceSelector: unknown, at: string, ctx: Context): void {
  if (podSelector === undefined || podSelector === null || !isEvaluable(podSelector) || isEmptySelector(podSelector)) return;
  let namespace = np.scope;
  if (namespaceSelector !== undefined && namespaceSelector !== null) {
    // a namespaceSelector names its namespaces by their labels; the only label the input tells for sure is the name
    const named = isObject(namespaceSelector) ? asStringMap(namespaceSelector.matchLabels)[NAMESPACE_NAME_LABEL] : undefined;
    if (typeof named !== 'string') return;
    namespace = named;
  }
  const matchLabels = asStringMap(podSelector.matchLabels);
  const index = ctx.index;
  if (!index.hasPods(namespace) || index.unseenPodCreator(namespace, matchLabels)) return;
  if (index.selectByLabelSelector(namespace, podSelector).length > 0) return;
  ctx.report.add(np, 'network-policy-peer-selects-nothing', `${at}.podSelector`,
    `podSelector ${show(podSelector)} matches no pod template in namespace "${namespace}", so this peer allows no pod of these manifests; fix the selector or the workload labels${namespace === np.scope ? ', or add a namespaceSelector if the pods are in another namespace' : ''}`);
}

/** A policy podSelector that matches no pod template: an error where the input proves nothing creates such pods. */
function reportNoPods(np: CheckedObject, matchLabels: Readonly<Record<string, unknown>>, selector: Record<string, any>, ctx: Context): void {
  const namespace = np.scope;
  const index = ctx.index;
  const external = asStringMap(np.view.metadata.annotations)[EXTERNAL_BACKEND_ANNOTATION] === EXTERNAL_BACKEND_VALUE;
  if (external) return;
  const mark = `mark the NetworkPolicy with the annotation ${EXTERNAL_BACKEND_ANNOTATION}: ${EXTERNAL_BACKEND_VALUE} if its pods are defined elsewhere`;
  const elsewhere = Object.keys(matchLabels).length > 0 ? index.selectElsewhere(namespace, matchLabels) : undefined;
  const across = elsewhere
    ? `; ${elsewhere.kind} "${elsewhere.name}" in namespace "${elsewhere.scope}" has matching pods, but a NetworkPolicy only selects pods in its own namespace`
    : '';
  const creator = index.unseenPodCreator(namespace, matchLabels);
  if (creator) {
    ctx.report.add(np, 'network-policy-pods-elsewhere', 'spec.podSelector',
      `podSelector ${show(selector)} matches no pod template in namespace "${namespace}", but ${unseenCreatorReason(creator, 'pods')}${across}; if they are not its pods, fix the selector, else ${mark}`);
  } else if (!index.hasPods(namespace)) {
    ctx.report.add(np, 'network-policy-pods-elsewhere', 'spec.podSelector',
      `podSelector ${show(selector)} matches no pod template: these manifests have no workload in namespace "${namespace}", so its pods are presumably defined in other manifests${across}; check them together, or ${mark}`);
  } else {
    ctx.report.add(np, 'network-policy-selects-nothing', 'spec.podSelector',
      `podSelector ${show(selector)} matches no pod template in namespace "${namespace}"${across}, so this policy applies to no pod; fix the selector or the workload labels, or ${mark}`);
  }
}

/** Whether a LabelSelector can be evaluated: an object whose matchLabels are strings and whose expressions are well formed. */
function isEvaluable(selector: unknown): selector is Record<string, any> {
  if (!isObject(selector)) return false;
  const labels = selector.matchLabels;
  if (labels !== undefined && labels !== null && (!isObject(labels) || Object.values(labels).some(v => typeof v !== 'string'))) return false;
  const expressions = selector.matchExpressions;
  if (expressions !== undefined && expressions !== null && !Array.isArray(expressions)) return false;
  return asArray(expressions).every(e => isObject(e) && typeof e.key === 'string' && SELECTOR_OPERATORS.includes(e.operator));
}

/** The ports the selected pods declare, for messages: `Deployment "web": http 8080/TCP`. */
function describePorts(selected: readonly PodSource[]): string {
  const parts = selected.slice(0, 3).map(s => {
    const ports = s.pods.ports.map(d => `${d.name ? `${d.name} ` : ''}${text(d.containerPort)}/${d.protocol}`);
    return `${s.kind} "${s.name}" declares ${ports.length > 0 ? ports.join(', ') : 'no ports'}`;
  });
  if (selected.length > 3) parts.push(`and ${selected.length - 3} more`);
  return parts.join('; ');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}
