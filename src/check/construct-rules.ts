// Rules on what this library's constructs refer to by object, which plain manifests do not carry: the workloads a
// Service was given as its backend, and the container port object each Service port targets. They run at synth
// only, on the references the constructs put in their views (contract.ts).
import { ServiceReferences, invalid, show, text } from './contract';
import { Severity } from './finding';
import type { PodIndex } from './linkage-rules';
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
  'service-port-backend': rule(Severity.ERROR, C, 'the ContainerPort object a Service port targets is declared by every backend workload', SOURCES.OURS, PORT_BACKEND_SUPERSEDES),
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
    if (!target) return;
    for (const w of workloads) {
      const same = (d: { number: number; name?: string; protocol: string }) =>
        d.number === target.number && d.protocol === target.protocol && (target.name === undefined || d.name === target.name);
      if (w.ports.some(same)) continue;
      const declared = w.ports.length ? w.ports.map(portText).join(', ') : 'none';
      report.add(svc, 'service-port-backend', `spec.ports[${i}].targetPort`,
        `targetPort ${portText(target)} is not a container port of the backend ${w.path}, which declares ${declared}; target the ContainerPort object the backend's container declares`);
    }
  });
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
