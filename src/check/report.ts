// The objects under check, with what findings need to name them, and the report the rules add findings to.
import type { EndpointSliceView, ObjectView, ServiceView, WorkloadView } from './contract';
import { Finding, Severity } from './finding';
import type { PodFacts } from './pod-facts';
import { RULES, RuleId } from './registry';

/**
 * Where a finding is reported: the object's position in the input and its identity.
 *
 * @internal
 */
export interface ObjectRef {
  readonly index: number;
  readonly kind: string;
  /** The namespace as written (empty when none). */
  readonly namespace: string;
  readonly name: string;
}

/**
 * One object under check.
 *
 * @internal
 */
export interface CheckedObject<V extends ObjectView = ObjectView> extends ObjectRef {
  readonly view: V;
  /** The API group of the object's apiVersion (`apps`, or '' for the core group); undefined when it has none. */
  readonly group: string | undefined;
  /** The namespace the object lands in: as written, or the default namespace when none is written. */
  readonly scope: string;
  /** For a workload with a readable pod template, or a custom resource with one: its labels and declared ports. */
  readonly pods?: PodFacts;
}

/** @internal */
export type CheckedService = CheckedObject<ServiceView>;
/** @internal */
export type CheckedWorkload = CheckedObject<WorkloadView>;
/** @internal */
export type CheckedEndpointSlice = CheckedObject<EndpointSliceView>;

/**
 * Collects findings, with the severity the registry gives their rule, and drops those of skipped rules.
 *
 * @internal
 */
export class Report {
  public readonly findings: Finding[] = [];

  /**
   * @param skip the rules whose findings are dropped
   * @param severities the rules whose findings take another severity than the registry's
   */
  constructor(private readonly skip: ReadonlySet<string>, private readonly severities: ReadonlyMap<string, Severity> = new Map()) {}

  public add(obj: ObjectRef, rule: RuleId, field: string, message: string): void {
    if (this.skip.has(rule)) return;
    this.findings.push({
      severity: this.severities.get(rule) ?? RULES[rule].severity,
      rule,
      index: obj.index,
      kind: obj.kind,
      namespace: obj.namespace,
      name: obj.name,
      field,
      message,
    });
  }
}
