// Validation settings and the manifest checker, as README.md shows them.
import { App } from 'cdk8s';
import { AppValidation, AppFinding, Finding, ManifestChecker } from '../src';

/**
 * An app whose cluster uses another node-port range, with one rule skipped.
 */
export function configuredApp(): { app: App; findings: () => AppFinding[] } {
  // #region app-validation
  const app = new App();
  AppValidation.configure(app, {
    nodePortRange: { min: 20000, max: 22767 }, // the cluster's --service-node-port-range
    serviceCIDRs: ['10.96.0.0/12'], // the cluster's --service-cluster-ip-range: requested cluster IPs must lie in it
    skipRules: ['service-open-load-balancer'], // rule ids: AppValidation.rules
  });
  const findings = () => AppValidation.findings(app); // every finding, warnings included, with construct paths
  // #endregion
  return { app, findings };
}

/**
 * Checks plain manifests, such as parsed `helm template` output.
 */
export function checkManifests(manifests: any[]): Finding[] {
  // #region manifest-checker
  const checker = new ManifestChecker({ linkage: true });
  const findings = checker.check(manifests);
  for (const f of findings) {
    console.log(`${f.severity} ${f.kind}/${f.name} ${f.field}: ${f.message} [${f.rule}]`);
  }
  // #endregion
  return findings;
}
