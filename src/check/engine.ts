// The engine: runs every rule family over views, with one resolved options object. `ManifestChecker` feeds it views
// decoded from manifests; the analysis of a cdk8s app at synth feeds it the views its constructs build.
import { checkAllocations } from './allocation';
import { checkReferences } from './construct-rules';
import type { IngressView, NetworkPolicyView, ObjectView } from './contract';
import { DECODE_RULE_IDS } from './decode-rules';
import { checkEndpointSlice } from './endpointslice-rules';
import { Finding } from './finding';
import { checkIngress } from './ingress-rules';
import { checkLinkage } from './linkage-rules';
import { groupOf } from './manifest-views';
import { checkNetworkPolicy } from './network-policy-rules';
import { checkNetworkingLinkage } from './networking-linkage-rules';
import type { ResolvedOptions } from './options';
import { podFacts } from './pod-facts';
import { PodIndex } from './pod-index';
import { checkObjectReferences } from './reference-rules';
import { RuleId, SUPERSEDED } from './registry';
import { CheckedEndpointSlice, CheckedObject, CheckedService, CheckedWorkload, Report } from './report';
import { checkService } from './service-rules';
import { checkWorkload } from './workload-rules';
import { checkWorkloadSpec } from './workload-spec-rules';

/**
 * One object to check.
 *
 * @internal
 */
export interface CheckInput {
  /** The object's position in the input: findings name it. */
  readonly index: number;
  readonly view: ObjectView;
  /** What decoding the manifest could not read, reported before the rules' findings. */
  readonly decodeProblems?: ReadonlyArray<readonly [RuleId, string, string]>;
  /** What constructs that refer to this object know it by (its API object). */
  readonly key?: object;
}

/**
 * What the engine can ask the caller about the objects it checks.
 *
 * @internal
 */
export interface CheckContext {
  /** The construct path of the object at this input index, for messages that name it from another object. */
  readonly pathOf?: (index: number) => string | undefined;
}

/**
 * Checks views and returns every finding, errors and warnings, in the order of the objects.
 *
 * @internal
 */
export function runChecks(inputs: readonly CheckInput[], options: ResolvedOptions, context: CheckContext = {}): Finding[] {
  const report = new Report(options.skip, options.severities);
  const objects: CheckedObject[] = [];
  const byKey = new Map<object, CheckedObject>();
  const services: CheckedService[] = [];
  const undecodable = new Set<number>();
  for (const input of inputs) {
    const obj = checkedObject(input, options);
    objects.push(obj);
    if (input.key) byKey.set(input.key, obj);
    if (isUndecodable(input, options)) {
      // the API server answers 400 to an object it cannot decode, before validating it: only what decoding found counts
      for (const [rule, field, message] of input.decodeProblems ?? []) if (DECODE_RULE_IDS.has(rule)) report.add(obj, rule, field, message);
      undecodable.add(obj.index);
      continue;
    }
    for (const [rule, field, message] of input.decodeProblems ?? []) report.add(obj, rule, field, message);
    switch (obj.view.view) {
      case 'service':
        checkService(obj as CheckedService, report, options);
        services.push(obj as CheckedService);
        break;
      case 'workload':
        checkWorkload(obj as CheckedWorkload, report, options.kubernetesMinor);
        checkWorkloadSpec(obj as CheckedWorkload, report, options.kubernetesMinor);
        break;
      case 'endpointSlice':
        checkEndpointSlice(obj as CheckedEndpointSlice, report);
        break;
      case 'ingress':
        checkIngress(obj as CheckedObject<IngressView>, report);
        break;
      case 'networkPolicy':
        checkNetworkPolicy(obj as CheckedObject<NetworkPolicyView>, report);
        break;
      default:
        // other kinds are read for their references and pods only (linkage, below)
    }
  }
  // cluster IPs and node ports are allocated cluster-wide: Services of one input can ask for the same one
  checkAllocations(services, report);
  // the pod index serves the linkage rules and the construct rules; without either, it is not built
  let index: PodIndex | undefined = options.linkage ? new PodIndex(objects) : undefined;
  if (index) {
    checkLinkage(objects, index, report);
    checkNetworkingLinkage(objects, index, report);
    checkObjectReferences(objects, index, report);
  }
  for (const obj of objects) {
    if (obj.view.view === 'service' && obj.view.references) {
      index ??= new PodIndex(objects);
      checkReferences(obj as CheckedService, obj.view.references, index, byKey, report, context.pathOf);
    }
  }
  // the wiring rules still see an undecodable object (a Service still selects its pods), but say nothing about it
  const findings = undecodable.size === 0 ? report.findings : report.findings.filter(f => !undecodable.has(f.index) || DECODE_RULE_IDS.has(f.rule));
  return dropSuperseded(findings).sort((a, b) => a.index - b.index);
}

/**
 * An object as the rules see it: its view, with the namespace it lands in, its name, and its pods' labels and ports.
 *
 * @internal
 */
export function checkedObject(input: CheckInput, options: ResolvedOptions): CheckedObject {
  const { view } = input;
  const namespace = typeof view.metadata.namespace === 'string' ? view.metadata.namespace : '';
  return {
    index: input.index,
    view,
    kind: view.kind,
    group: groupOf(view.apiVersion),
    namespace,
    scope: namespace === '' ? options.defaultNamespace : namespace,
    name: typeof view.metadata.name === 'string' ? view.metadata.name : '',
    pods: (view.view === 'workload' || view.view === 'other') && view.template ? podFacts(view.template) : undefined,
  };
}

/** Whether decoding found a value of the wrong type in the object (unless that rule is skipped). */
function isUndecodable(input: CheckInput, options: ResolvedOptions): boolean {
  if (!input.decodeProblems || options.skip.has('object-decode')) return false;
  for (const problem of input.decodeProblems) if (problem[0] === 'object-decode') return true;
  return false;
}

/**
 * One mistake, one finding: where a rule that sees the same cause more precisely reported on an object's field,
 * the findings of the rules it supersedes on that field go.
 */
function dropSuperseded(findings: Finding[]): Finding[] {
  const replaced = new Set<string>();
  for (const f of findings) {
    for (const rule of SUPERSEDED.get(f.rule) ?? []) replaced.add(`${rule}|${f.index}|${f.field}`);
  }
  if (replaced.size === 0) return findings;
  return findings.filter(f => !replaced.has(`${f.rule}|${f.index}|${f.field}`));
}
