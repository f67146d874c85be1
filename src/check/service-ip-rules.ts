// A Service's IP rules: cluster IPs and IP families (`ValidateServiceClusterIPsRelatedFields`, `validateServiceIPFamily`
// and the registry's allocation checks) and external IPs (`ValidateNonSpecialIP`, and our warning).
import { ServiceSpecView, duplicate, invalid, notSupported, show } from './contract';
import { Severity } from './finding';
import { asArray, asStringMap } from './json';
import type { ResolvedOptions } from './options';
import type { CheckedService, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { cidrContains, ipFamilyOf, nonSpecialIPReasons } from './validators';

const { CORE, OURS } = SOURCES;
const M = RuleScope.MANIFEST;

/**
 * The rules of this family.
 *
 * @internal
 */
export const SERVICE_IP_RULES = {
  'service-cluster-ip': rule(Severity.ERROR, M, 'clusterIP/clusterIPs are valid IPs or None, agree with each other, hold at most one IP per family, are absent on ExternalName, and (when the option is given) lie in the service CIDR', `${CORE} ValidateService, ValidateServiceClusterIPsRelatedFields; pkg/registry/core/service/ipallocator`),
  'service-ip-families': rule(Severity.ERROR, M, 'ipFamilies are IPv4/IPv6, distinct, at most two, consistent with ipFamilyPolicy and clusterIPs; ipFamilyPolicy is SingleStack, PreferDualStack or RequireDualStack', `${CORE} validateServiceIPFamily`),
  'service-external-ips': rule(Severity.ERROR, M, 'externalIPs are valid IP addresses, not unspecified, loopback, link-local or link-local multicast', `${CORE} ValidateService (ValidateNonSpecialIP)`),
  'service-external-ips-risk': rule(Severity.WARNING, M, 'externalIPs let any user with Service write access intercept traffic (CVE-2020-8554); most clusters block them with an admission policy', OURS),
};

const IP_FAMILIES = ['IPv4', 'IPv6'];
/** The policy, where nothing reads it (one family, at most one cluster IP, no known cluster). */
const NOT_NEEDED = { policy: undefined, defaulted: false };
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

/**
 * The cluster IP and IP family rules, on a defaulted spec.
 *
 * @internal
 */
export function checkClusterIPs(obj: CheckedService, report: Report, spec: ServiceSpecView, options: ResolvedOptions): void {
  if (spec.type === 'ExternalName') return;
  const clusterIPs: unknown[] = asArray(spec.clusterIPs);
  const families: unknown[] = asArray(spec.ipFamilies);
  const hasClusterIP = typeof spec.clusterIP === 'string' && spec.clusterIP !== '';
  if (hasClusterIP && clusterIPs.length > 0 && clusterIPs[0] !== spec.clusterIP) {
    report.add(obj, 'service-cluster-ip', 'spec.clusterIPs', invalid(clusterIPs, 'first value must match `clusterIP`'));
  } else if (!hasClusterIP && clusterIPs.length > 0) {
    report.add(obj, 'service-cluster-ip', 'spec.clusterIPs', invalid(clusterIPs, 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<unknown>();
  families.forEach((family, i) => {
    if (!IP_FAMILIES.includes(family as string)) {
      report.add(obj, 'service-ip-families', `spec.ipFamilies[${i}]`, notSupported(family, IP_FAMILIES));
    }
    if (seen.has(family)) report.add(obj, 'service-ip-families', `spec.ipFamilies[${i}]`, duplicate(family));
    seen.add(family);
  });
  const written = spec.ipFamilyPolicy;
  if (written !== undefined && written !== null && !IP_FAMILY_POLICIES.includes(written as string)) {
    report.add(obj, 'service-ip-families', 'spec.ipFamilyPolicy', notSupported(written, IP_FAMILY_POLICIES));
  }
  // the registry's initIPFamilyFields defaults an absent policy before it checks it: two families or two cluster
  // IPs then need a dual-stack policy
  const { policy, defaulted } = families.length > 1 || clusterIPs.length > 1 || options.serviceCIDRs ? ipFamilyPolicyOf(spec) : NOT_NEEDED;
  const why = defaulted ? ` (an absent ipFamilyPolicy defaults to ${policy})` : '';
  if (policy === 'SingleStack' && families.length > 1) {
    report.add(obj, 'service-ip-families', 'spec.ipFamilyPolicy', invalid(policy, `must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified${why}`));
  }
  if (policy === 'SingleStack' && clusterIPs.length > 1) {
    report.add(obj, 'service-ip-families', 'spec.ipFamilyPolicy', invalid(policy, `must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified${why}`));
  }

  let hasInvalidIPs = false;
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        hasInvalidIPs = true;
        report.add(obj, 'service-cluster-ip', 'spec.clusterIPs', invalid(clusterIPs, "'None' must be the first and only value"));
      }
      return;
    }
    if (typeof ip !== 'string' || ipFamilyOf(ip) === undefined) {
      hasInvalidIPs = true;
      report.add(obj, 'service-cluster-ip', `spec.clusterIPs[${i}]`, invalid(ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    }
  });
  if (clusterIPs.length > 2) {
    report.add(obj, 'service-cluster-ip', 'spec.clusterIPs', invalid(clusterIPs, 'may only hold up to 2 values'));
  }
  if (hasInvalidIPs) return;
  if (clusterIPs.length > 1) {
    const ipFamilies = new Set(clusterIPs.map(ip => ipFamilyOf(ip as string)));
    if (ipFamilies.size !== clusterIPs.length) {
      report.add(obj, 'service-cluster-ip', 'spec.clusterIPs', invalid(clusterIPs, 'may specify no more than one IP for each IP family'));
    }
  }
  // the allocator: a requested cluster IP must lie in the cluster's service CIDR of its family
  const cidrs = options.serviceCIDRs;
  if (cidrs && spec.clusterIP !== 'None') {
    for (const ip of clusterIPs as string[]) {
      const family = ipFamilyOf(ip);
      const ranges = cidrs.filter(c => ipFamilyOf(c.slice(0, c.indexOf('/'))) === family);
      if (ranges.length > 0 && !ranges.some(c => cidrContains(c, ip))) {
        report.add(obj, 'service-cluster-ip', 'spec.clusterIPs', invalid(clusterIPs,
          `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${ranges.join(', ')}`));
      }
    }
  }
  if (cidrs) checkConfiguredFamilies(obj, report, spec, cidrs, clusterIPs, families, policy);
  if (spec.clusterIP !== 'None' && clusterIPs.length > 0 && families.length > 0) {
    clusterIPs.forEach((ip, i) => {
      if (i >= families.length) return;
      const family = ipFamilyOf(ip as string);
      if (families[i] === 'IPv4' && family === 'IPv6') {
        report.add(obj, 'service-ip-families', `spec.clusterIPs[${i}]`, invalid(ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (families[i] === 'IPv6' && family !== 'IPv6') {
        report.add(obj, 'service-ip-families', `spec.clusterIPs[${i}]`, invalid(ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    });
  }
}

/**
 * The IP family policy the registry works with (`initIPFamilyFields`): an absent policy is `RequireDualStack` for a
 * headless Service without a selector, `SingleStack` for any other.
 *
 * @internal
 */
function ipFamilyPolicyOf(spec: ServiceSpecView): { policy: unknown; defaulted: boolean } {
  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) return { policy: spec.ipFamilyPolicy, defaulted: false };
  const selectorless = Object.keys(asStringMap(spec.selector)).length === 0;
  return { policy: spec.clusterIP === 'None' && selectorless ? 'RequireDualStack' : 'SingleStack', defaulted: true };
}

/**
 * `initIPFamilyFields` on a cluster whose service CIDRs are known: the families a Service asks for, or that its
 * cluster IPs imply, must be configured; RequireDualStack needs a dual-stack cluster. A headless Service without a
 * selector is exempt (the registry returns before these checks).
 */
function checkConfiguredFamilies(
  obj: CheckedService, report: Report, spec: ServiceSpecView, cidrs: readonly string[], clusterIPs: unknown[], families: unknown[], policy: unknown,
): void {
  if (spec.clusterIP === 'None' && Object.keys(asStringMap(spec.selector)).length === 0) return;
  const configured = new Set(cidrs.map(c => ipFamilyOf(c.slice(0, c.indexOf('/')))));
  let failed = false;
  for (let i = families.length; i < clusterIPs.length; i++) {
    if (clusterIPs[i] === 'None') break;
    const family = ipFamilyOf(clusterIPs[i] as string);
    if (family !== undefined && !configured.has(family)) {
      failed = true;
      report.add(obj, 'service-ip-families', `spec.clusterIPs[${i}]`, invalid(clusterIPs, `${family} is not configured on this cluster`));
    }
  }
  if (failed) return;
  if (policy === 'RequireDualStack' && configured.size < 2) {
    report.add(obj, 'service-ip-families', 'spec.ipFamilyPolicy', invalid(policy, 'this cluster is not configured for dual-stack services'));
  }
  families.forEach((family, i) => {
    if ((family === 'IPv4' || family === 'IPv6') && !configured.has(family)) {
      report.add(obj, 'service-ip-families', `spec.ipFamilies[${i}]`, invalid(family, 'not configured on this cluster'));
    }
  });
}

/**
 * External IPs: valid, not special, and a warning that they are a risk.
 *
 * @internal
 */
export function checkExternalIPs(obj: CheckedService, report: Report, spec: ServiceSpecView): void {
  const externalIPs = asArray(spec.externalIPs);
  externalIPs.forEach((ip, i) => {
    const path = `spec.externalIPs[${i}]`;
    if (typeof ip !== 'string' || ipFamilyOf(ip) === undefined) {
      report.add(obj, 'service-external-ips', path, invalid(ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
      return;
    }
    for (const reason of nonSpecialIPReasons(ip)) report.add(obj, 'service-external-ips', path, invalid(ip, reason));
  });
  if (externalIPs.length > 0) {
    report.add(obj, 'service-external-ips-risk', 'spec.externalIPs',
      `externalIPs ${show(externalIPs)} let anyone who can write a Service intercept traffic to these addresses (CVE-2020-8554); prefer a LoadBalancer Service, and expect clusters to reject externalIPs by admission policy`);
  }
}
