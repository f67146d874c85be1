// The wiring of Services: each Service to the workloads its selector selects, one edge label per port (the Service
// port, by name when it has one, to the container port its targetPort resolves to in that workload's pod template);
// an ExternalName Service to its external host; a Service without a selector to the EndpointSlices written for it
// and their addresses; and a StatefulSet to its governing Service. Selection and defaulting are the checker's
// (pod-index.ts, service-defaults.ts); what its linkage rules find broken is marked.
import { WiringContext, markOf } from './wiring-context';
import { WiringNode, compareNodes } from './wiring-graph';
import { CONTROLLER_MANAGER, MANAGED_BY_LABEL, SERVICE_NAME_LABEL, ServicePortView, text } from '../check/contract';
import { asArray, asStringMap, isObject, isUnset } from '../check/json';
import type { DeclaredPort } from '../check/pod-facts';
import type { PodSource } from '../check/pod-index';
import type { CheckedEndpointSlice, CheckedService, CheckedWorkload } from '../check/report';
import { mapSelectorMatches } from '../check/selectors';
import { defaultServicePort } from '../check/service-defaults';

/** How many addresses of an EndpointSlice a label lists before it counts the rest. */
const MAX_ADDRESSES = 3;

/**
 * Draws every Service, workload and hand-written EndpointSlice of the input, and what ties them together.
 *
 * @internal
 */
export function drawServices(ctx: WiringContext): void {
  const services = new Map<string, CheckedService>();
  for (const obj of ctx.objects) {
    if (obj.view.view === 'service' && obj.name !== '') services.set(`${obj.scope}/${obj.name}`, obj as CheckedService);
  }
  for (const obj of ctx.objects) {
    // one node per workload, whether anything selects it or not
    if (obj.view.view === 'workload') ctx.nodeOf(obj);
    if (obj.view.view === 'service') drawService(ctx, obj as CheckedService);
    else if (obj.view.view === 'endpointSlice') drawSlice(ctx, obj as CheckedEndpointSlice, services);
    else if (obj.view.view === 'workload' && obj.kind === 'StatefulSet') drawGoverningService(ctx, obj as CheckedWorkload, services);
  }
}

/**
 * A Service port as a label shows it: its name and number (`http:80`), or its number; the protocol when not TCP.
 *
 * @internal
 */
export function servicePortText(port: ServicePortView): string {
  const name = typeof port.name === 'string' && port.name !== '' ? `${port.name}:` : '';
  return `${name}${text(port.port)}${protocolSuffix(port.protocol)}`;
}

/**
 * A selector as a label shows it: `app=api, tier=web`.
 *
 * @internal
 */
export function selectorText(selector: Readonly<Record<string, unknown>>): string {
  return Object.keys(selector).sort().map(k => `${k}=${text(selector[k])}`).join(', ');
}

function drawService(ctx: WiringContext, svc: CheckedService): void {
  const spec = svc.view.spec;
  const type = spec && !isUnset(spec.type) ? text(spec.type) : 'ClusterIP';
  const node = ctx.nodeOf(svc, [type === 'ClusterIP' ? (spec?.clusterIP === 'None' ? 'headless' : '') : type].filter(n => n));
  if (!spec) return;
  if (type === 'ExternalName') {
    if (typeof spec.externalName === 'string' && spec.externalName !== '') {
      ctx.graph.connect(node, ctx.graph.node('external', undefined, spec.externalName), 'CNAME');
    }
    return;
  }
  if (!isObject(spec.selector) || Object.keys(spec.selector).length === 0) return;
  const selector = spec.selector;
  const nothing = ctx.finding(svc, 'spec.selector', ['service-selects-nothing', 'service-pods-elsewhere']);
  if (nothing) {
    const why = nothing.rule === 'service-selects-nothing' ? 'selects no pods' : 'no pods in the input';
    ctx.graph.mark(node, markOf(nothing), `${why}: ${selectorText(selector)}`);
  }
  const selected = ctx.index.select(svc.scope, selector).map(source => ({ source, node: ctx.nodeOf(source) }));
  selected.sort((a, b) => compareNodes(a.node, b.node));
  for (const { source, node: target } of selected) {
    const ports = (spec.ports ?? []).filter((p): p is ServicePortView => p !== undefined);
    if (ports.length === 0) ctx.graph.connect(node, target, '');
    spec.ports?.forEach((raw, i) => {
      if (raw) connectPort(ctx, svc, i, defaultServicePort(raw), node, source, target);
    });
  }
}

/** The edge of one Service port to one selected workload, labelled with the container port it reaches, or why not. */
function connectPort(
  ctx: WiringContext, svc: CheckedService, i: number, port: ServicePortView, from: WiringNode, source: PodSource, to: WiringNode,
): void {
  const target = port.targetPort;
  const protocol = port.protocol;
  let declared: DeclaredPort | undefined;
  let why: string;
  if (typeof target === 'number') {
    declared = source.pods.ports.find(d => d.containerPort === target && d.protocol === protocol);
    why = `${target}${protocolSuffix(protocol)} not declared`;
  } else if (typeof target === 'string') {
    const named = source.pods.ports.filter(d => d.name === target);
    declared = named.find(d => d.protocol === protocol);
    why = named.length > 0 ? `${target} is ${named[0].protocol}` : `no port ${target}`;
  } else {
    return;
  }
  const label = servicePortText(port);
  if (declared) {
    ctx.graph.connect(from, to, `${label} → ${containerPortText(declared)}`);
    return;
  }
  const finding = ctx.finding(svc, `spec.ports[${i}].targetPort`, ['service-target-port-name', 'service-target-port-number']);
  if (finding) ctx.graph.connect(from, to, `${label} → ${why}`, markOf(finding));
  else ctx.graph.connect(from, to, `${label} → ${text(target)}`);
}

/**
 * A hand-written EndpointSlice: from the Service its label names (each Service port to the slice port of the same
 * name), to its addresses. Slices the cluster's controller wrote mirror a selector, and are not drawn.
 */
function drawSlice(ctx: WiringContext, slice: CheckedEndpointSlice, services: ReadonlyMap<string, CheckedService>): void {
  const labels = asStringMap(slice.view.metadata.labels);
  if (labels[MANAGED_BY_LABEL] === CONTROLLER_MANAGER) return;
  const node = ctx.nodeOf(slice);
  const serviceName = labels[SERVICE_NAME_LABEL];
  const named = ctx.finding(slice, `metadata.labels[${SERVICE_NAME_LABEL}]`, ['endpointslice-service-missing', 'endpointslice-service']);
  if (typeof serviceName !== 'string' || serviceName === '') {
    if (named) ctx.graph.mark(node, markOf(named), `no ${SERVICE_NAME_LABEL} label`);
  } else {
    const svc = services.get(`${slice.scope}/${serviceName}`);
    const from = svc ? ctx.nodeOf(svc) : ctx.missingService(slice.scope, serviceName, named ? markOf(named) : 'unresolved');
    const spec = svc?.view.spec;
    if (svc && named) {
      ctx.graph.connect(from, node, spec?.type === 'ExternalName' ? 'ExternalName uses no endpoints' : 'Service has a selector', markOf(named));
    }
    const servicePorts = (spec?.ports ?? []).filter((p): p is ServicePortView => p !== undefined).map(defaultServicePort);
    const slicePorts = slice.view.ports ?? [];
    if (slicePorts.every(p => !p) && !named) ctx.graph.connect(from, node, '');
    slicePorts.forEach((p, i) => {
      if (!p) return;
      const name = typeof p.name === 'string' ? p.name : '';
      const protocol = isUnset(p.protocol) ? 'TCP' : p.protocol;
      const own = `${name ? `${name}:` : ''}${text(p.port)}${protocolSuffix(protocol)}`;
      const match = servicePorts.find(sp => (typeof sp.name === 'string' ? sp.name : '') === name);
      const broken = ctx.finding(slice, `ports[${i}].name`, ['endpointslice-service']) ?? ctx.finding(slice, `ports[${i}].protocol`, ['endpointslice-service']);
      if (broken) {
        const why = match ? `${own}: Service port is ${text(match.protocol)}` : `${own}: no Service port ${name === '' ? 'without a name' : name}`;
        ctx.graph.connect(from, node, why, markOf(broken));
      } else {
        ctx.graph.connect(from, node, match ? `${servicePortText(match)} → ${own}` : own);
      }
    });
  }
  const addresses = (slice.view.endpoints ?? []).flatMap(e => asArray(e?.addresses)).filter((a): a is string => typeof a === 'string');
  if (addresses.length === 0) return;
  const shown = addresses.slice(0, MAX_ADDRESSES).join(', ') + (addresses.length > MAX_ADDRESSES ? ` +${addresses.length - MAX_ADDRESSES} more` : '');
  ctx.graph.connect(node, ctx.graph.node('addresses', undefined, shown, [], addresses.join(',')), '');
}

/**
 * A StatefulSet's serviceName: a line to the Service that gives its pods their DNS names, marked when the Service is
 * missing, not headless or selects other pods.
 */
function drawGoverningService(ctx: WiringContext, sts: CheckedWorkload, services: ReadonlyMap<string, CheckedService>): void {
  const name = sts.view.serviceName;
  if (typeof name !== 'string' || name === '') return;
  const finding = ctx.finding(sts, 'spec.serviceName', ['statefulset-service']);
  const mark = finding ? markOf(finding) : 'ok';
  const svc = services.get(`${sts.scope}/${name}`);
  if (!svc) {
    ctx.graph.connect(ctx.nodeOf(sts), ctx.missingService(sts.scope, name, finding ? mark : 'unresolved'), 'serviceName', mark, 'line');
    return;
  }
  const reasons: string[] = [];
  if (finding) {
    const selector = svc.view.spec?.selector;
    if (svc.view.spec?.clusterIP !== 'None') reasons.push('not headless');
    if (!isObject(selector) || Object.keys(selector).length === 0 || !mapSelectorMatches(selector, sts.pods?.labels ?? {})) {
      reasons.push(isObject(selector) && Object.keys(selector).length > 0 ? `selects ${selectorText(selector)}` : 'selects nothing');
    }
  }
  ctx.graph.connect(ctx.nodeOf(sts), ctx.nodeOf(svc), reasons.length > 0 ? `serviceName: ${reasons.join(', ')}` : 'serviceName', mark, 'line');
}

function containerPortText(port: DeclaredPort): string {
  return `${port.name ? `${port.name}:` : ''}${text(port.containerPort)}`;
}

function protocolSuffix(protocol: unknown): string {
  return protocol === 'TCP' || isUnset(protocol) ? '' : `/${text(protocol)}`;
}
