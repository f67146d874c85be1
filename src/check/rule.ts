// What a rule is: its public description (RuleInfo), and the helper each rule family declares its rows with,
// beside its code. The registry (registry.ts) is the union of the families' rows.
import { Severity } from './finding';

/**
 * Where a rule can run.
 */
export enum RuleScope {
  /**
   * On plain manifests: at synth, by `ManifestChecker` and by the `cdk8s-services check` command.
   */
  MANIFEST = 'manifest',

  /**
   * On this library's construct references, at synth only (for example a backend workload in another namespace):
   * plain manifests do not carry the references it reads.
   */
  CONSTRUCT = 'construct',
}

/**
 * A rule: its id, how serious a violation is, where it runs, what it checks and where it comes from.
 */
export interface RuleInfo {
  /**
   * The rule id, as printed in findings and accepted by `skipRules`.
   */
  readonly id: string;

  /**
   * The severity of the findings of this rule.
   */
  readonly severity: Severity;

  /**
   * Where the rule runs: on manifests (synth, `ManifestChecker`, the check command) or on construct references
   * (synth only).
   */
  readonly scope: RuleScope;

  /**
   * What the rule checks.
   */
  readonly description: string;

  /**
   * Where the rule comes from: the Kubernetes source function it mirrors, or `cdk8s-services` for a wiring rule
   * of our own.
   */
  readonly source: string;
}

/**
 * A rule's row in its family, before the registry gives it its id.
 *
 * @internal
 */
export interface RuleRow {
  readonly severity: Severity;
  readonly scope: RuleScope;
  readonly description: string;
  readonly source: string;
  /**
   * Rules this one sees the same cause as, with a more precise message: their finding on the same object and field
   * is dropped when this rule reports one.
   */
  readonly supersedes: readonly string[];
}

/** Where rules come from, for the `source` column. @internal */
export const SOURCES = {
  CORE: 'k8s.io/kubernetes pkg/apis/core/validation/validation.go',
  APPS: 'k8s.io/kubernetes pkg/apis/apps/validation/validation.go',
  BATCH: 'k8s.io/kubernetes pkg/apis/batch/validation/validation.go',
  META: 'k8s.io/apimachinery pkg/api/validation',
  NETWORKING: 'k8s.io/kubernetes pkg/apis/networking/validation/validation.go',
  OURS: 'cdk8s-services',
} as const;

/**
 * A row of a rule family.
 *
 * @internal
 */
export function rule(severity: Severity, scope: RuleScope, description: string, source: string, supersedes: readonly string[] = []): RuleRow {
  return { severity, scope, description, source, supersedes };
}
