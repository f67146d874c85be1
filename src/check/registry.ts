// The registry: every rule the checker knows, as the union of the rule families declared beside their code. A rule
// id is a `RuleId`, so a misspelt id does not compile.
import { CONSTRUCT_RULES } from './construct-rules';
import { DECODE_RULES } from './decode-rules';
import { ENDPOINTSLICE_RULES } from './endpointslice-rules';
import { INGRESS_RULES } from './ingress-rules';
import { LINKAGE_RULES } from './linkage-rules';
import { METADATA_RULES } from './metadata-rules';
import { NETWORK_POLICY_RULES } from './network-policy-rules';
import { NETWORKING_LINKAGE_RULES } from './networking-linkage-rules';
import { POD_SPEC_RULES } from './pod-spec-rules';
import { REFERENCE_RULES } from './reference-rules';
import { RuleInfo, RuleRow, RuleScope } from './rule';
import { SERVICE_IP_RULES } from './service-ip-rules';
import { SERVICE_RULES } from './service-rules';
import { WORKLOAD_RULES } from './workload-rules';
import { WORKLOAD_SPEC_RULES } from './workload-spec-rules';

/**
 * Every rule, by id, in the order they are documented.
 *
 * @internal
 */
export const RULES = {
  ...DECODE_RULES,
  ...METADATA_RULES,
  ...SERVICE_RULES,
  ...SERVICE_IP_RULES,
  ...WORKLOAD_RULES,
  ...WORKLOAD_SPEC_RULES,
  ...POD_SPEC_RULES,
  ...ENDPOINTSLICE_RULES,
  ...INGRESS_RULES,
  ...NETWORK_POLICY_RULES,
  ...LINKAGE_RULES,
  ...NETWORKING_LINKAGE_RULES,
  ...REFERENCE_RULES,
  ...CONSTRUCT_RULES,
};

/**
 * A rule id.
 *
 * @internal
 */
export type RuleId = keyof typeof RULES;

/**
 * The id of a linkage rule.
 *
 * @internal
 */
export type LinkageRuleId = keyof typeof LINKAGE_RULES;

const ALL: readonly RuleInfo[] = (Object.entries(RULES) as Array<[RuleId, RuleRow]>).map(([id, row]) => ({
  id,
  severity: row.severity,
  scope: row.scope,
  description: row.description,
  source: row.source,
}));

/**
 * Every rule: the manifest rules, then those that run on construct references at synth.
 *
 * @internal
 */
export function allRules(): RuleInfo[] {
  return ALL.map(r => ({ ...r }));
}

/**
 * The rules that run on plain manifests (`ManifestChecker`, the check command).
 *
 * @internal
 */
export function manifestRules(): RuleInfo[] {
  return allRules().filter(r => r.scope === RuleScope.MANIFEST);
}

/**
 * For each rule, the rules whose findings it replaces on the same object and field.
 *
 * @internal
 */
export const SUPERSEDED: ReadonlyMap<string, readonly string[]> = new Map(
  (Object.entries(RULES) as Array<[RuleId, RuleRow]>).filter(([, row]) => row.supersedes.length > 0).map(([id, row]) => [id, row.supersedes]),
);
