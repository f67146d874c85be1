import { CheckInput, runChecks } from './engine';
import { Finding } from './finding';
import { isObject } from './json';
import { decodeManifest } from './manifest-views';
import { CheckOptions, ResolvedOptions, resolveOptions } from './options';
import { RuleId, manifestRules } from './registry';
import { RuleInfo } from './rule';

/**
 * Checks plain Kubernetes manifests (as parsed from YAML, or as `cdk8s` synthesizes them) against the API
 * server's create-time validation for Services and the workloads they select, and for broken Service wiring.
 *
 * Objects of kinds it does not know are passed over (only duplicates are reported).
 */
export class ManifestChecker {
  /**
   * Every rule the checker runs on manifests (the ids `skipRules` accepts).
   */
  public static readonly rules: RuleInfo[] = manifestRules();

  private readonly options: ResolvedOptions;

  /**
   * @throws when `skipRules` names a rule that is not a manifest rule, or a range or CIDR is impossible
   */
  constructor(options: CheckOptions = {}) {
    this.options = resolveOptions(options, ManifestChecker.rules);
  }

  /**
   * Checks a list of manifests and returns every finding, errors and warnings, in the order of the objects.
   *
   * @param manifests plain Kubernetes objects; entries that are not objects with a string `kind` are passed over
   */
  public check(manifests: any[]): Finding[] {
    const inputs: CheckInput[] = [];
    manifests.forEach((manifest, index) => {
      if (!isObject(manifest) || typeof manifest.kind !== 'string') return;
      const decodeProblems: Array<[RuleId, string, string]> = [];
      const view = decodeManifest(manifest, (rule, field, message) => decodeProblems.push([rule, field, message]));
      inputs.push({ index, view, decodeProblems });
    });
    return runChecks(inputs, this.options);
  }
}
