// The checker's entry point, for the package root, the command line and this library's constructs. Constructs
// import the checker through this file and the contract (contract.ts) only.
export { ManifestChecker } from './checker';
export { Finding, Severity } from './finding';
export { CheckOptions, NodePortRange, ResolvedOptions, UnknownFields, resolveOptions } from './options';
export { RuleInfo, RuleScope } from './rule';
export { RuleId, allRules } from './registry';
export { CheckInput, runChecks } from './engine';
export { decodeManifest, decodeMetadata, isCheckedKind } from './manifest-views';
export { isReferringKind } from './reference-views';
export { sharedLabels } from './construct-rules';
export {
  fullyQualifiedDomainNameReasons, ipFamilyOf, isCidr, isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName,
  isValidPortNum, nonSpecialIPReasons,
} from './validators';
