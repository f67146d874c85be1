// Rules on what this library's constructs refer to by object, which plain manifests do not carry: the workloads a
// Service was given as its backend, and the container port object each Service port targets. They run at synth
// only, on the references the constructs put in their views (contract.ts).
import { ContainerPortReference, ServiceReferences, TargetPortReference, invalid, show, text } from './contract';
import { Severity } from './finding';
import type { PodIndex } from './pod-index';
import type { LinkageRuleId } from './registry';
import type { CheckedObject, CheckedService, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';

const C = RuleScope.CONSTRUCT;

/** The manifest rules that see the same mistake as `service-port-backend`, with a less precise message. */
const PORT_BACKEND_SUPERSEDES: LinkageRuleId[] = ['service-target-port-name', 'service-target-port-number'];

/**
 * The rules of this family.
 *
 * @internal
 */
export const CONSTRUCT_RULES = {
  'service-backend': rule(Severity.ERROR, C, 'a Service\'s backend workloads are in its namespace, select with matchLabels only, and share at least one selector label, which selects no workload that was not named', SOURCES.OURS),
  'service-port-backend': rule(Severity.ERROR, C, 'what a Service port targets is declared by every backend workload: a port name with its protocol (at any number), or a container port number; a named ContainerPort object is one a backend declares', SOURCES.OURS, PORT_BACKEND_SUPERSEDES),
  'service-discovery-port': rule(Severity.ERROR, C, 'a port handed to clients as an address or URL (addressEnvValue, urlEnvValue) is a port of the Service', SOURCES.OURS),
};

/**
 * The construct-scope rules for one Service.
 *
 * @param byKey the checked objects by the key their constructs gave them (their API object)
 * @internal
 */
export function checkReferences(
  svc: CheckedService, refs: ServiceReferences, index: PodIndex, byKey: ReadonlyMap<object, CheckedObject>, report: Report,
  pathOf?: (index: number) => string | undefined,
): void {
  const namespace = svc.view.metadata.namespace;
  const workloads = refs.workloads;
  for (const w of workloads) {
    if ((w.namespace ?? '') !== (namespace ?? '')) {
      report.add(svc, 'service-backend', 'spec.selector',
        `backend ${w.path} is in namespace '${w.namespace ?? '(none)'}' but the Service is in '${text(namespace ?? '(none)')}'; a Service only selects pods in its own namespace: put both in one namespace`);
    }
    if (w.hasMatchExpressions) {
      report.add(svc, 'service-backend', 'spec.selector',
        `backend ${w.path} selects its pods with matchExpressions, which a Service selector (a plain label map) cannot express; select the workload's pods with matchLabels only`);
    }
  }
  if (workloads.length > 0) {
    const shared = sharedLabels(workloads);
    if (Object.keys(shared).length === 0) {
      report.add(svc, 'service-backend', 'spec.selector',
        invalid({}, `the backends ${workloads.map(w => w.path).join(', ')} share no selector label, so the Service would select nothing; give them one identity (Identity.of(...), narrowed per workload with withLabels)`));
    } else if (workloads.length > 1) {
      // the labels several workloads share may also be carried by pods of a workload that was not named
      const named = new Set(workloads.map(w => byKey.get(w.key)).filter(o => o !== undefined));
      for (const other of index.select(svc.scope, shared)) {
        if (named.has(other)) continue;
        report.add(svc, 'service-backend', 'spec.selector',
          `the labels ${show(shared)} that the backends share also select the pods of ${pathOf?.(other.index) ?? `${other.kind} "${other.name}"`}, which is not a backend; add it to Backend.fromWorkloads, or give it another identity`);
      }
    }
  }
  refs.targetPorts.forEach((target, i) => {
    if (target) checkTarget(svc, report, workloads, target, `spec.ports[${i}].targetPort`);
  });
  const ports = (svc.view.spec?.ports ?? []).filter(p => p !== undefined);
  for (const handed of refs.discoveryPorts) {
    const still = ports.some(p => p!.port === handed.number && (p!.protocol ?? 'TCP') === handed.protocol && (p!.name ?? undefined) === handed.name);
    if (!still) {
      report.add(svc, 'service-discovery-port', 'spec.ports',
        `port ${portText({ name: handed.name, number: handed.number, protocol: handed.protocol })} was handed to clients (addressEnvValue, urlEnvValue) but is not a port of this Service; hand out one of its ports (servicePorts, findPort)`);
    }
  }
}

/**
 * What a Service port targets, against the ports the backend workloads declare. A name may map to different numbers
 * in different backends (a rollout); a container port object must be one a backend declares.
 */
function checkTarget(svc: CheckedService, report: Report, workloads: ServiceReferences['workloads'], target: TargetPortReference, field: string): void {
  const protocol = target.protocol;
  if (target.name !== undefined) {
    for (const w of workloads) {
      const named = w.ports.filter(d => d.name === target.name);
      if (named.length === 0) {
        report.add(svc, 'service-port-backend', field,
          `targetPort ${target.name} (${protocol}) names no container port of the backend ${w.path}, which declares ${declaredText(w.ports)}; declare a port named ${target.name} in its container, or target one it declares`);
      } else if (!named.some(d => d.protocol === protocol)) {
        report.add(svc, 'service-port-backend', field,
          `targetPort ${target.name} is a ${named[0].protocol} port of the backend ${w.path}, not ${protocol}; target PortName.${named[0].protocol.toLowerCase()}('${target.name}'), or declare it over ${protocol}`);
      }
    }
    if (target.number !== undefined && workloads.length > 0 && !workloads.some(w => w.ports.some(d => sameAs(d, target)))) {
      const numbers = [...new Set(workloads.flatMap(w => w.ports.filter(d => d.name === target.name && d.protocol === protocol).map(d => d.number)))];
      if (numbers.length > 0) {
        report.add(svc, 'service-port-backend', field,
          `targetPort ${portText({ ...target, number: target.number })} is a ContainerPort object no backend declares (they declare ${target.name} at ${numbers.join(', ')}); target the ContainerPort object a backend's container declares, or PortName.${protocol.toLowerCase()}('${target.name}') to target the name`);
      }
    }
    return;
  }
  // a number: every backend must declare it
  for (const w of workloads) {
    if (w.ports.some(d => d.number === target.number && d.protocol === protocol)) continue;
    // the same port under a name, at another number in this backend: a rollout that only the name can carry
    const elsewhere = workloads.flatMap(o => o.ports).find(d => d.number === target.number && d.protocol === protocol && d.name !== undefined);
    const moved = elsewhere && w.ports.find(d => d.name === elsewhere.name && d.protocol === protocol);
    const fix = moved
      ? `the backends declare it as ${elsewhere!.name} at different numbers: target the name, PortName.${protocol.toLowerCase()}('${elsewhere!.name}')`
      : 'target the ContainerPort object the backend\'s container declares';
    report.add(svc, 'service-port-backend', field,
      `targetPort ${target.number}/${protocol} is not a container port of the backend ${w.path}, which declares ${declaredText(w.ports)}; ${fix}`);
  }
}

function sameAs(d: ContainerPortReference, target: TargetPortReference): boolean {
  return d.number === target.number && d.protocol === target.protocol && (target.name === undefined || d.name === target.name);
}

function declaredText(ports: readonly ContainerPortReference[]): string {
  return ports.length ? ports.map(portText).join(', ') : 'none';
}

/**
 * The labels every backend workload selects, with the same value: what the Service selects.
 *
 * @internal
 */
export function sharedLabels(workloads: ReadonlyArray<{ readonly selects: Readonly<Record<string, string>> }>): Record<string, string> {
  const [first, ...rest] = workloads;
  const shared: Record<string, string> = {};
  if (!first) return shared;
  for (const key in first.selects) {
    const value = first.selects[key];
    if (rest.every(w => w.selects[key] === value)) shared[key] = value;
  }
  return shared;
}

function portText(p: { name?: string; number: number; protocol: string }): string {
  return `${p.name ? p.name + ' ' : ''}${p.number}/${p.protocol}`;
}
