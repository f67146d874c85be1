/**
 * An IP family of a Service's cluster IPs.
 */
export enum IpFamily {
  /** IPv4. */
  IPV4 = 'IPv4',
  /** IPv6. */
  IPV6 = 'IPv6',
}

/**
 * How many IP families a Service gets cluster IPs from.
 */
export enum IpFamilyPolicy {
  /** One family (the Kubernetes default). */
  SINGLE_STACK = 'SingleStack',
  /** Two families on a dual-stack cluster, one on a single-stack cluster. */
  PREFER_DUAL_STACK = 'PreferDualStack',
  /** Two families; fails on a single-stack cluster. */
  REQUIRE_DUAL_STACK = 'RequireDualStack',
}
