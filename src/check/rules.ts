import { Severity } from './finding';

/**
 * A rule of the checker: its id, how serious a violation is, what it checks and where the rule comes from.
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
   * What the rule checks.
   */
  readonly description: string;

  /**
   * Where the rule comes from: the Kubernetes source function it mirrors, or `cdk8s-services` for a wiring rule
   * of our own.
   */
  readonly source: string;
}

const E = Severity.ERROR;
const W = Severity.WARNING;
const CORE = 'k8s.io/kubernetes pkg/apis/core/validation/validation.go';
const APPS = 'k8s.io/kubernetes pkg/apis/apps/validation/validation.go';
const META = 'k8s.io/apimachinery pkg/api/validation';
const OURS = 'cdk8s-services';

function rule(id: string, severity: Severity, description: string, source: string): RuleInfo {
  return { id, severity, description, source };
}

/**
 * Every rule the checker knows, in the order they are documented.
 *
 * @internal
 */
export const RULES: readonly RuleInfo[] = [
  // object metadata
  rule('object-name', E, 'metadata.name is required and has the syntax its kind demands (DNS-1035 label for a Service, DNS-1123 subdomain for workloads)', `${META} ValidateObjectMeta; ${CORE} ValidateServiceName`),
  rule('object-namespace', E, 'metadata.namespace, when set, is a DNS-1123 label', `${META} ValidateObjectMeta (ValidateNamespaceName)`),
  rule('object-labels', E, 'label keys are qualified names and label values are valid label values', `${META} ValidateLabels`),
  rule('object-annotations', E, 'annotation keys are qualified names (lowercased), all annotations total at most 256 KiB (UTF-8), and a Service\'s topology-mode annotation agrees with topology-aware-hints', `${META} ValidateAnnotations; ${CORE} ValidateService`),
  rule('object-duplicate', E, 'no two objects share apiVersion group, kind, namespace and name', OURS),

  // v1/Service
  rule('service-type', E, 'spec.type is ClusterIP, NodePort, LoadBalancer or ExternalName', `${CORE} ValidateService`),
  rule('service-ports-required', E, 'spec.ports has at least one port, except on headless and ExternalName Services', `${CORE} ValidateService`),
  rule('service-port-name', E, 'port names are DNS-1123 labels, required when there is more than one port, and unique', `${CORE} validateServicePort, ValidateService`),
  rule('service-port-number', E, 'spec.ports[*].port is 1-65535', `${CORE} validateServicePort`),
  rule('service-port-protocol', E, 'spec.ports[*].protocol is TCP, UDP or SCTP', `${CORE} validateServicePort`),
  rule('service-port-duplicate', E, 'no two ports share port and protocol', `${CORE} ValidateService`),
  rule('service-target-port', E, 'targetPort is a number 1-65535 or an IANA_SVC_NAME; defaulted to port when absent', `${CORE} validateServicePort, ValidatePortNumOrName`),
  rule('service-app-protocol', E, 'appProtocol is a qualified name', `${CORE} validateServicePort`),
  rule('service-node-port', E, 'nodePort only on NodePort and LoadBalancer Services, within the node-port range, unique per protocol, and shared only by ports with the same number', `${CORE} ValidateService; pkg/registry/core/service/portallocator`),
  rule('service-cluster-ip', E, 'clusterIP/clusterIPs are valid IPs or None, agree with each other, hold at most one IP per family, are absent on ExternalName, and (when the option is given) lie in the service CIDR', `${CORE} ValidateService, ValidateServiceClusterIPsRelatedFields; pkg/registry/core/service/ipallocator`),
  rule('service-headless', E, 'a headless Service (clusterIP None) is not NodePort or LoadBalancer', `${CORE} ValidateService`),
  rule('service-external-name', E, 'an ExternalName Service has spec.externalName, a DNS-1123 subdomain, and no cluster IPs', `${CORE} ValidateService`),
  rule('service-session-affinity', E, 'sessionAffinity is None or ClientIP; the ClientIP timeout is 1-86400 seconds', `${CORE} ValidateService, validateClientIPAffinityConfig`),
  rule('service-source-ranges', E, 'loadBalancerSourceRanges are CIDRs and only set on LoadBalancer Services', `${CORE} ValidateService`),
  rule('service-load-balancer-fields', E, 'loadBalancerClass (a qualified name) and allocateLoadBalancerNodePorts are only set on LoadBalancer Services', `${CORE} ValidateService, validateLoadBalancerClassField`),
  rule('service-traffic-policy', E, 'externalTrafficPolicy is Cluster or Local and only set on NodePort/LoadBalancer Services; internalTrafficPolicy is Cluster or Local', `${CORE} validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue`),
  rule('service-health-check-node-port', E, 'healthCheckNodePort only on a LoadBalancer Service with externalTrafficPolicy Local, and 1-65535', `${CORE} validateServiceExternalTrafficPolicy`),
  rule('service-ip-families', E, 'ipFamilies are IPv4/IPv6, distinct, at most two, consistent with ipFamilyPolicy and clusterIPs; ipFamilyPolicy is SingleStack, PreferDualStack or RequireDualStack', `${CORE} validateServiceIPFamily`),
  rule('service-external-ips', E, 'externalIPs are valid IP addresses, not unspecified, loopback, link-local or link-local multicast', `${CORE} ValidateService (ValidateNonSpecialIP)`),
  rule('service-selector', E, 'selector keys and values are valid labels', `${CORE} ValidateService (ValidateLabels)`),
  rule('service-external-ips-risk', W, 'externalIPs let any user with Service write access intercept traffic (CVE-2020-8554); most clusters block them with an admission policy', OURS),
  rule('service-open-load-balancer', W, 'a LoadBalancer Service without loadBalancerSourceRanges is reachable from any address', OURS),

  // workloads and pod templates
  rule('workload-selector', E, 'a Deployment/StatefulSet/DaemonSet/ReplicaSet has a non-empty selector that matches its pod template labels', `${APPS} ValidateDeploymentSpec; ${META} ValidateLabelSelector`),
  rule('container-port-name', E, 'container port names are IANA_SVC_NAMEs (at most 15 characters) and unique in the container', `${CORE} validateContainerPorts`),
  rule('container-port-number', E, 'containerPort and hostPort are 1-65535; a hostPort is used once per protocol and host IP in the pod; with hostNetwork containerPort equals hostPort', `${CORE} validateContainerPorts, AccumulateUniqueHostPorts, validateHostNetwork`),
  rule('container-port-protocol', E, 'container port protocols are TCP, UDP or SCTP', `${CORE} validateContainerPorts`),

  // wiring across objects
  rule('service-target-port-exposed', E, 'a named targetPort is exposed, with the Service port\'s protocol, by every pod template the Service selects', OURS),
  rule('service-backend', E, 'a Service\'s backend workloads are in its namespace, share at least one selector label, and select with matchLabels only (checked on construct references at synth)', OURS),
  rule('service-port-target', E, 'a Service port\'s protocol, when given, agrees with the protocol of the container port it targets (checked on construct references at synth)', OURS),
  rule('service-target-port-declared', W, 'a numeric targetPort is declared as a containerPort by the selected pod templates (containers may listen on undeclared ports, so this only warns)', OURS),
  rule('service-external-name-selector', W, 'an ExternalName Service has no selector: it proxies nothing, so a selector is ignored (later Kubernetes releases warn too)', OURS),
  rule('workload-selector-overlap', E, 'no two workloads in a namespace select each other\'s pods (their controllers would fight over them); bare Pods count too', OURS),
  rule('service-selects-nothing', E, 'a Service selector matches at least one pod template in its namespace, unless the Service is marked as selecting pods defined elsewhere', OURS),
];

const BY_ID = new Map(RULES.map(r => [r.id, r]));

/**
 * Looks up a rule by id.
 *
 * @internal
 */
export function ruleInfo(id: string): RuleInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`unknown rule '${id}'`);
  return info;
}
