// The checker as a cdk8s validation plugin: `cdk8s synth` loads the class named under `validations:` in cdk8s.yaml,
// constructs it with the `properties` given there, and calls `validate` with the synthesized manifests and the
// construct path of each resource. The findings go into cdk8s-cli's validation report, grouped by rule.
import * as fs from 'fs';
import { CheckOptions, ManifestChecker, Severity } from './check';
import { FileNote, LocatedFinding, ManifestSource, checkManifestFiles, reason } from './manifest-files';

/**
 * What cdk8s-cli hands a plugin (its `ValidationContext`), as far as this plugin reads it.
 */
interface ValidationContext {
  readonly manifests: readonly string[];
  readonly report: {
    addViolation(violation: {
      ruleName: string;
      recommendation: string;
      fix: string;
      violatingResources: Array<{ resourceName: string; locations: string[]; manifestPath: string }>;
    }): void;
    submit(status: 'success' | 'failure', metadata?: Record<string, string>): void;
  };
}

/**
 * The checks of this library as a cdk8s validation plugin, for `cdk8s synth`.
 *
 * Name it in `cdk8s.yaml`; `properties` are the check options (`CheckOptions`):
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-services
 *     version: 1.2.3            # the version installed: cdk8s refuses ranges
 *     class: ServicesValidation
 *     properties:
 *       nodePortRange: { min: 30000, max: 32767 }
 *       skipRules: [service-open-load-balancer]
 * ```
 *
 * `cdk8s synth` then fails when a synthesized manifest has an error, and its validation report lists every
 * finding by rule, with the construct path, the manifest, and the field, line and column. Warnings are listed
 * too, and never fail synth. Unlike the validation at synth (`AppValidation`), the plugin also runs on apps that
 * use none of this library's constructs, such as a cdk8s-plus app.
 */
export class ServicesValidation {
  private readonly checker: ManifestChecker;

  /**
   * @param properties the check options, from the `properties` of the plugin in `cdk8s.yaml`. Invalid options
   * (an unknown rule in `skipRules`, a malformed CIDR) fail when cdk8s loads the plugin.
   */
  constructor(properties: CheckOptions = {}) {
    this.checker = new ManifestChecker(properties);
  }

  /**
   * Checks the synthesized manifests and submits the report: `failure` when there is an error, or a manifest that
   * cannot be read.
   *
   * @param context cdk8s-cli's `ValidationContext`: `manifests` (the files synthesized) and `report`.
   */
  public async validate(context: any): Promise<void> {
    const ctx = context as ValidationContext;
    const notes: FileNote[] = [];
    const sources: ManifestSource[] = [];
    for (const file of ctx.manifests) {
      try {
        sources.push({ file, text: fs.readFileSync(file, 'utf8') });
      } catch (e) {
        notes.push({ file, severity: 'error', message: `cannot read: ${reason(e)}` });
      }
    }
    const result = checkManifestFiles(sources, this.checker, notes);
    for (const violation of violations(result.findings)) ctx.report.addViolation(violation);
    const unreadable = notes.filter(n => n.severity === 'error');
    if (unreadable.length > 0) {
      ctx.report.addViolation({
        ruleName: 'manifest-unreadable',
        recommendation: 'every synthesized manifest is YAML that kubectl reads',
        fix: 'the location says what is wrong with the file',
        violatingResources: unreadable.map(n => ({
          resourceName: '(file)',
          locations: [n.line === undefined ? n.message : `line ${n.line}, column ${n.column ?? 1}: ${n.message}`],
          manifestPath: n.file,
        })),
      });
    }
    const errors = result.errors;
    ctx.report.submit(errors > 0 || unreadable.length > 0 ? 'failure' : 'success', {
      objects: String(result.objects),
      errors: String(errors),
      warnings: String(result.findings.length - errors),
    });
  }
}

/**
 * One violation per rule, listing each resource that breaks it with the findings as locations (the field, the
 * message and where the manifest writes the field). cdk8s finds the construct path by the resource's name.
 */
function violations(findings: readonly LocatedFinding[]) {
  const rules = new Map(ManifestChecker.rules.map(r => [r.id, r]));
  const byRule = new Map<string, Map<string, { resourceName: string; locations: string[]; manifestPath: string }>>();
  for (const f of findings) {
    let resources = byRule.get(f.rule);
    if (!resources) {
      resources = new Map();
      byRule.set(f.rule, resources);
    }
    const key = `${f.file}\0${f.kind}\0${f.namespace}\0${f.name}`;
    let resource = resources.get(key);
    if (!resource) {
      resource = { resourceName: f.name, locations: [], manifestPath: f.file };
      resources.set(key, resource);
    }
    resource.locations.push(`${f.kind} ${f.field} (line ${f.line}, column ${f.column}): ${f.message}`);
  }
  return [...byRule].map(([id, resources]) => {
    const rule = rules.get(id);
    const warning = rule?.severity === Severity.WARNING;
    return {
      ruleName: warning ? `${id} (warning)` : id,
      recommendation: rule?.description ?? id,
      fix: `each location names the field and how to fix it; to turn the rule off, add ${id} to skipRules in the plugin's properties`,
      violatingResources: [...resources.values()],
    };
  });
}
