// The package's public API, named export by export: nothing marked @internal leaves the package from here.
export { Identity, IdentityOptions } from './identity';
export { ContainerPort, ContainerPortOptions } from './container-port';
export { Deployment, DeploymentProps } from './deployment';
export { Backend } from './backend';
export { Service, ServiceOptions, CommonServiceOptions } from './service';
export { ServicePortOptions, NodePortServicePortOptions } from './service-port';
export { SessionAffinity, ClientIPAffinityOptions } from './session-affinity';
export { TrafficPolicy } from './traffic-policy';
export { IpFamily, IpFamilyPolicy } from './ip-family';
export { ClusterIPService, ClusterIPServiceOptions, ClusterIPServiceProps } from './cluster-ip-service';
export { HeadlessService, HeadlessServiceOptions, HeadlessServiceProps } from './headless-service';
export { NodePortService, NodePortServiceOptions, NodePortServiceProps } from './node-port-service';
export { LoadBalancerService, LoadBalancerServiceOptions, LoadBalancerServiceProps } from './load-balancer-service';
export { ExternalNameService, ExternalNameServiceProps } from './external-name-service';
export { AppValidation, AppValidationOptions, AppFinding } from './app-validation';
export { ManifestChecker, CheckOptions, NodePortRange, Finding, Severity, RuleInfo, RuleScope } from './check';
