// `ValidateService` (create) for one v1 Service: type, ports, selector, session affinity, the fields of each type,
// plus the registry's node-port allocation checks and our warning about open load balancers. The IP rules are in
// service-ip-rules.ts.
import {
  ServiceSpecView, duplicate, forbidden, invalid, notSupported, required, show, text,
} from './contract';
import { Severity } from './finding';
import { asArray, asStringMap } from './json';
import { checkLabels, checkObjectMeta } from './metadata-rules';
import type { ResolvedOptions } from './options';
import type { CheckedService, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { defaultServiceSpec } from './service-defaults';
import { checkClusterIPs, checkExternalIPs } from './service-ip-rules';
import {
  isCidr, isDns1035Label, isDns1123Label, isDns1123Subdomain, isInteger, isQualifiedName, isValidPortName, isValidPortNum,
} from './validators';

const { CORE, OURS } = SOURCES;
const E = Severity.ERROR;
const M = RuleScope.MANIFEST;

/**
 * The rules of this family.
 *
 * @internal
 */
export const SERVICE_RULES = {
  'service-type': rule(E, M, 'spec.type is ClusterIP, NodePort, LoadBalancer or ExternalName', `${CORE} ValidateService`),
  'service-ports-required': rule(E, M, 'spec.ports has at least one port, except on headless and ExternalName Services', `${CORE} ValidateService`),
  'service-port-name': rule(E, M, 'port names are DNS-1123 labels, required when there is more than one port, and unique', `${CORE} validateServicePort, ValidateService`),
  'service-port-number': rule(E, M, 'spec.ports[*].port is 1-65535', `${CORE} validateServicePort`),
  'service-port-protocol': rule(E, M, 'spec.ports[*].protocol is TCP, UDP or SCTP', `${CORE} validateServicePort`),
  'service-port-duplicate': rule(E, M, 'no two ports share port and protocol', `${CORE} ValidateService`),
  'service-target-port-format': rule(E, M, 'targetPort is a number 1-65535 or an IANA_SVC_NAME (a container port name); defaulted to port when absent', `${CORE} validateServicePort, ValidatePortNumOrName`),
  'service-app-protocol': rule(E, M, 'appProtocol is a qualified name', `${CORE} validateServicePort`),
  'service-node-port': rule(E, M, 'nodePort only on NodePort and LoadBalancer Services, within the node-port range, unique per protocol, and shared only by ports with the same number', `${CORE} ValidateService; pkg/registry/core/service/portallocator`),
  'service-headless': rule(E, M, 'a headless Service (clusterIP None) is not NodePort or LoadBalancer', `${CORE} ValidateService`),
  'service-external-name': rule(E, M, 'an ExternalName Service has spec.externalName, a DNS-1123 subdomain, and no cluster IPs', `${CORE} ValidateService`),
  'service-session-affinity': rule(E, M, 'sessionAffinity is None or ClientIP; the ClientIP timeout is 1-86400 seconds', `${CORE} ValidateService, validateClientIPAffinityConfig`),
  'service-source-ranges': rule(E, M, 'loadBalancerSourceRanges are CIDRs and only set on LoadBalancer Services', `${CORE} ValidateService`),
  'service-load-balancer-fields': rule(E, M, 'loadBalancerClass (a qualified name) and allocateLoadBalancerNodePorts are only set on LoadBalancer Services', `${CORE} ValidateService, validateLoadBalancerClassField`),
  'service-traffic-policy': rule(E, M, 'externalTrafficPolicy is Cluster or Local and only set on NodePort/LoadBalancer Services; internalTrafficPolicy is Cluster or Local', `${CORE} validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue`),
  'service-health-check-node-port': rule(E, M, 'healthCheckNodePort only on a LoadBalancer Service with externalTrafficPolicy Local, within the node-port range, and not a nodePort of a Service', `${CORE} validateServiceExternalTrafficPolicy; pkg/registry/core/service/storage allocHealthCheckNodePort`),
  'service-selector': rule(E, M, 'selector keys and values are valid labels', `${CORE} ValidateService (ValidateLabels)`),
  'service-traffic-distribution': rule(E, M, 'spec.trafficDistribution is only set where the target Kubernetes version serves it (1.30 on), with a value it supports', `${CORE} validateServiceTrafficDistribution (1.30+); KEP-4444, KEP-3015`),
  'service-traffic-distribution-ignored': rule(Severity.WARNING, M, 'spec.trafficDistribution on Kubernetes 1.30 is dropped: its feature gate is off by default', 'k8s.io/kubernetes pkg/registry/core/service/strategy.go dropServiceDisabledFields (1.30); KEP-4444'),
  'service-open-load-balancer': rule(Severity.WARNING, M, 'a LoadBalancer Service without loadBalancerSourceRanges is reachable from any address', OURS),
};

/** The supported values of `spec.type`. */
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
/** The supported port protocols. */
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
/** `core.MaxClientIPServiceAffinitySeconds`. */
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
/** `ports.KubeletPort`: a LoadBalancer may not expose it. */
const KUBELET_PORT = 10250;
/** The annotation older clients used for source ranges. */
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
/** The 1.27 topology-mode annotation must agree with its deprecated predecessor when both are set. */
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';

/**
 * `ValidateService` (create) for one v1 Service, plus the registry's allocation checks (node-port range, IP family
 * policy) and our warnings.
 *
 * @internal
 */
export function checkService(obj: CheckedService, report: Report, options: ResolvedOptions): void {
  checkObjectMeta(obj, report, isDns1035Label);
  checkTopologyAnnotations(obj, report);
  if (!obj.view.spec) return;
  const spec = defaultServiceSpec(obj.view.spec);
  const type = spec.type;
  const headless = spec.clusterIP === 'None';

  if (!SERVICE_TYPES.includes(type as string)) {
    report.add(obj, 'service-type', 'spec.type', notSupported(type, SERVICE_TYPES));
  }
  if (spec.ports && spec.ports.length === 0 && !headless && type !== 'ExternalName') {
    report.add(obj, 'service-ports-required', 'spec.ports', required(`a ${text(type)} Service needs at least one port; only headless (clusterIP: None) and ExternalName Services may have none`));
  }

  checkTypeSpecific(obj, report, spec, headless);
  checkPorts(obj, report, spec, options);
  checkLabels(obj, report, 'service-selector', spec.selector, 'spec.selector');
  checkSessionAffinity(obj, report, spec);
  checkClusterIPs(obj, report, spec, options);
  checkExternalIPs(obj, report, spec);
  checkSourceRanges(obj, report, spec);
  checkLoadBalancerFields(obj, report, spec);
  checkTrafficPolicies(obj, report, spec, options);
  checkTrafficDistribution(obj, report, spec, options);
}

/**
 * `spec.trafficDistribution`, by the target version: unknown before 1.30 (strict decoding refuses it), dropped on
 * 1.30 (feature gate off), `PreferClose` from 1.31, and `PreferSameZone`/`PreferSameNode` too from 1.34.
 */
function checkTrafficDistribution(obj: CheckedService, report: Report, spec: ServiceSpecView, options: ResolvedOptions): void {
  const value = spec.trafficDistribution;
  if (value === undefined) return;
  const version = `1.${options.kubernetesMinor}`;
  if (options.kubernetesMinor < 30) {
    // an unknown field to these versions: the unknownFields option decides what it is
    report.add(obj, 'object-unknown-field', 'spec.trafficDistribution',
      `unknown field "spec.trafficDistribution": Kubernetes ${version} has no such field (it came in 1.30); remove it, or set the target Kubernetes version`);
  } else if (options.kubernetesMinor === 30) {
    report.add(obj, 'service-traffic-distribution-ignored', 'spec.trafficDistribution',
      `${show(value)} is dropped on create: the ServiceTrafficDistribution feature gate is off by default in Kubernetes 1.30 (on from 1.31)`);
  } else if (value !== null) {
    const supported = options.kubernetesMinor >= 34 ? ['PreferClose', 'PreferSameNode', 'PreferSameZone'] : ['PreferClose'];
    if (!supported.includes(value as string)) report.add(obj, 'service-traffic-distribution', 'spec.trafficDistribution', notSupported(value, supported));
  }
}

function checkTopologyAnnotations(obj: CheckedService, report: Report): void {
  const annotations = asStringMap(obj.view.metadata.annotations);
  if (TOPOLOGY_MODE in annotations && TOPOLOGY_HINTS in annotations && annotations[TOPOLOGY_MODE] !== annotations[TOPOLOGY_HINTS]) {
    report.add(obj, 'object-annotations', `metadata.annotations[${TOPOLOGY_MODE}]`,
      invalid(annotations[TOPOLOGY_MODE], `must match annotations[${TOPOLOGY_HINTS}] when both are specified`));
  }
}

function checkTypeSpecific(obj: CheckedService, report: Report, spec: ServiceSpecView, headless: boolean): void {
  const type = spec.type;
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    report.add(obj, 'service-headless', 'spec.clusterIPs[0]', invalid('None', `may not be set to 'None' for ${type} services; a headless Service is of type ClusterIP`));
  }
  if (type === 'LoadBalancer') {
    spec.ports?.forEach((p, i) => {
      if (p && p.port === KUBELET_PORT) {
        report.add(obj, 'service-port-number', `spec.ports[${i}]`, invalid(p.port, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`));
      }
    });
  }
  if (type === 'ExternalName') {
    if (asArray(spec.clusterIPs).length > 0) {
      report.add(obj, 'service-external-name', 'spec.clusterIPs', forbidden('may not be set for ExternalName services'));
    }
    if (asArray(spec.ipFamilies).length > 0) {
      report.add(obj, 'service-external-name', 'spec.ipFamilies', forbidden('may not be set for ExternalName services'));
    }
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
      report.add(obj, 'service-external-name', 'spec.ipFamilyPolicy', forbidden('may not be set for ExternalName services'));
    }
    const externalName = spec.externalName;
    const cname = typeof externalName === 'string' ? externalName.replace(/\.$/, '') : '';
    if (cname.length === 0) {
      report.add(obj, 'service-external-name', 'spec.externalName', required('an ExternalName Service needs the DNS name it aliases, such as db.example.com'));
    } else {
      for (const msg of isDns1123Subdomain(cname)) {
        report.add(obj, 'service-external-name', 'spec.externalName', invalid(externalName, msg));
      }
    }
  }
}

function checkPorts(obj: CheckedService, report: Report, spec: ServiceSpecView, options: ResolvedOptions): void {
  const ports = spec.ports ?? [];
  const names = new Set<unknown>();
  const portKeys = new Set<string>();
  const nodePortKeys = new Set<string>();
  const nodePortOwners = new Map<string, string>();
  const range = options.nodePortRange;
  ports.forEach((p, i) => {
    if (!p) return;
    const path = `spec.ports[${i}]`;
    // validateServicePort
    // null decodes as the empty (unset) value, as an absent field does
    const named = p.name !== undefined && p.name !== null && p.name !== '';
    if (ports.length > 1 && !named) {
      report.add(obj, 'service-port-name', `${path}.name`, required('every port of a multi-port Service needs a name'));
    } else if (named) {
      const msgs = typeof p.name === 'string' ? isDns1123Label(p.name) : ['must be a string'];
      for (const msg of msgs) report.add(obj, 'service-port-name', `${path}.name`, invalid(p.name, msg));
      if (names.has(p.name)) {
        report.add(obj, 'service-port-name', `${path}.name`, duplicate(p.name, 'port names must be unique within a Service'));
      }
      names.add(p.name);
    }
    // an omitted port is 0 to the API server, and so is the targetPort defaulted from it
    const port = p.port ?? 0;
    for (const msg of isInteger(port) ? isValidPortNum(port) : ['must be an integer']) {
      report.add(obj, 'service-port-number', `${path}.port`, invalid(port, msg));
    }
    if (!PROTOCOLS.includes(p.protocol as string)) {
      report.add(obj, 'service-port-protocol', `${path}.protocol`, notSupported(p.protocol, PROTOCOLS));
    }
    const target = p.targetPort;
    if (typeof target === 'string') {
      for (const msg of isValidPortName(target)) {
        report.add(obj, 'service-target-port-format', `${path}.targetPort`, invalid(target, `${msg} (a named targetPort refers to a container port name)`));
      }
    } else if (target !== undefined) {
      for (const msg of isInteger(target) ? isValidPortNum(target) : ['must be an integer or a port name']) {
        report.add(obj, 'service-target-port-format', `${path}.targetPort`, invalid(target, msg));
      }
    }
    if (p.appProtocol !== undefined && p.appProtocol !== null) {
      const msgs = typeof p.appProtocol === 'string' ? isQualifiedName(p.appProtocol) : ['must be a string'];
      for (const msg of msgs) report.add(obj, 'service-app-protocol', `${path}.appProtocol`, invalid(p.appProtocol, msg));
    }
    // nodePort: forbidden on ClusterIP; allocated from the node-port range for NodePort and LoadBalancer
    const nodePort = p.nodePort;
    if (nodePort !== undefined && nodePort !== null && nodePort !== 0) {
      if (spec.type === 'ClusterIP') {
        report.add(obj, 'service-node-port', `${path}.nodePort`, forbidden("may not be used when `type` is 'ClusterIP'; use a NodePort or LoadBalancer Service"));
      } else if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
        if (!isInteger(nodePort) || nodePort < range.min || nodePort > range.max) {
          report.add(obj, 'service-node-port', `${path}.nodePort`, invalid(nodePort, `provided port is not in the valid range. The range of valid ports is ${range.min}-${range.max}`));
        }
        // the allocator lets ports share a node port only when they share the port number (80/TCP and 80/UDP)
        const owner = nodePortOwners.get(show(nodePort));
        if (owner !== undefined && owner !== show(p.port)) {
          report.add(obj, 'service-node-port', `${path}.nodePort`, invalid(nodePort, `provided port is already allocated (to port ${owner} of this Service); give this port its own nodePort`));
        }
        if (owner === undefined) nodePortOwners.set(show(nodePort), show(p.port));
      }
      // ValidateService: (protocol, nodePort) pairs are unique, whatever the type
      const key = `${text(p.protocol)}/${show(nodePort)}`;
      if (nodePortKeys.has(key)) {
        report.add(obj, 'service-node-port', `${path}.nodePort`, duplicate(nodePort, `another port of this Service already uses nodePort ${text(nodePort)}/${text(p.protocol)}`));
      }
      nodePortKeys.add(key);
    }
    const key = `${text(p.protocol)}/${show(p.port)}`;
    if (portKeys.has(key)) {
      report.add(obj, 'service-port-duplicate', path, duplicate({ port: p.port, protocol: p.protocol }, 'another port of this Service has the same port and protocol'));
    }
    portKeys.add(key);
  });
}

function checkSessionAffinity(obj: CheckedService, report: Report, spec: ServiceSpecView): void {
  const affinity = spec.sessionAffinity;
  if (!SESSION_AFFINITIES.includes(affinity as string)) {
    report.add(obj, 'service-session-affinity', 'spec.sessionAffinity', notSupported(affinity, SESSION_AFFINITIES));
    return;
  }
  if (affinity === 'ClientIP') {
    const timeout = spec.clientIPTimeoutSeconds;
    if (!isInteger(timeout) || timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
      report.add(obj, 'service-session-affinity', 'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
        invalid(timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`));
    }
  }
  // with None, defaulting clears sessionAffinityConfig instead of rejecting it
}

/** The 1.27 message for unparseable source ranges (upstream ends it with a space, dropped here). */
const SOURCE_RANGES_MESSAGE = 'must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24';

function checkSourceRanges(obj: CheckedService, report: Report, spec: ServiceSpecView): void {
  const ranges = asArray(spec.loadBalancerSourceRanges);
  const annotations = asStringMap(obj.view.metadata.annotations);
  const annotated = SOURCE_RANGES_ANNOTATION in annotations;
  if (ranges.length > 0 || annotated) {
    // the API server reports the field under this capitalised path
    const path = ranges.length > 0 ? 'spec.LoadBalancerSourceRanges' : `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`;
    if (spec.type !== 'LoadBalancer') {
      report.add(obj, 'service-source-ranges', path, forbidden("may only be used when `type` is 'LoadBalancer'"));
    }
    let values: unknown[];
    let shown: string;
    if (ranges.length > 0) {
      values = ranges;
      shown = `[${ranges.map(r => (typeof r === 'string' ? r : show(r))).join(' ')}]`;
    } else {
      const annotation = annotations[SOURCE_RANGES_ANNOTATION];
      const raw = (typeof annotation === 'string' ? annotation : show(annotation)).trim();
      values = raw === '' ? ['0.0.0.0/0'] : raw.split(',');
      shown = raw;
    }
    const bad = values.filter(v => typeof v !== 'string' || !isCidr(v.trim()));
    if (bad.length > 0) {
      report.add(obj, 'service-source-ranges', path, invalid(shown, `${SOURCE_RANGES_MESSAGE}; not CIDRs: ${bad.map(v => show(v)).join(', ')}`));
    }
  } else if (spec.type === 'LoadBalancer') {
    report.add(obj, 'service-open-load-balancer', 'spec.loadBalancerSourceRanges',
      'a LoadBalancer Service without loadBalancerSourceRanges accepts traffic from any address; list the client CIDRs, or state 0.0.0.0/0 explicitly if the Service is public');
  }
}

function checkLoadBalancerFields(obj: CheckedService, report: Report, spec: ServiceSpecView): void {
  const lb = spec.type === 'LoadBalancer';
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && !lb) {
    report.add(obj, 'service-load-balancer-fields', 'spec.allocateLoadBalancerNodePorts', forbidden("may only be used when `type` is 'LoadBalancer'"));
  }
  const cls = spec.loadBalancerClass;
  if (cls !== undefined && cls !== null) {
    if (!lb) {
      report.add(obj, 'service-load-balancer-fields', 'spec.loadBalancerClass', forbidden("may only be used when `type` is 'LoadBalancer'"));
    } else {
      const msgs = typeof cls === 'string' ? isQualifiedName(cls) : ['must be a string'];
      for (const msg of msgs) report.add(obj, 'service-load-balancer-fields', 'spec.loadBalancerClass', invalid(cls, msg));
    }
  }
}

function checkTrafficPolicies(obj: CheckedService, report: Report, spec: ServiceSpecView, options: ResolvedOptions): void {
  const type = spec.type;
  const needsExternalTrafficPolicy = type === 'NodePort' || type === 'LoadBalancer';
  const etp = spec.externalTrafficPolicy;
  if (etp !== undefined && etp !== null && etp !== '') {
    if (!needsExternalTrafficPolicy) {
      report.add(obj, 'service-traffic-policy', 'spec.externalTrafficPolicy', invalid(etp, "may only be set when `type` is 'NodePort' or 'LoadBalancer'"));
    } else if (!TRAFFIC_POLICIES.includes(etp as string)) {
      report.add(obj, 'service-traffic-policy', 'spec.externalTrafficPolicy', notSupported(etp, TRAFFIC_POLICIES));
    }
  }
  const hc = spec.healthCheckNodePort;
  if (hc !== undefined && hc !== null && hc !== 0) {
    if (!(type === 'LoadBalancer' && etp === 'Local')) {
      report.add(obj, 'service-health-check-node-port', 'spec.healthCheckNodePort', invalid(hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    } else {
      const msgs = isInteger(hc) ? isValidPortNum(hc) : ['must be an integer'];
      for (const msg of msgs) report.add(obj, 'service-health-check-node-port', 'spec.healthCheckNodePort', invalid(hc, msg));
      const range = options.nodePortRange;
      if (isInteger(hc) && msgs.length === 0 && (hc < range.min || hc > range.max)) {
        report.add(obj, 'service-health-check-node-port', 'spec.healthCheckNodePort', invalid(hc, `provided port is not in the valid range. The range of valid ports is ${range.min}-${range.max}`));
      } else if (isInteger(hc) && msgs.length === 0) {
        // allocHealthCheckNodePort runs after the node ports, on the same allocator: the Service's own nodePorts
        // are taken (the API server answers with an internal error)
        const taken = (spec.ports ?? []).find(p => p?.nodePort === hc);
        if (taken) {
          report.add(obj, 'service-health-check-node-port', 'spec.healthCheckNodePort', invalid(hc,
            `failed to allocate requested HealthCheck NodePort ${hc}: provided port is already allocated (the nodePort of port ${text(taken.port)} of this Service)`));
        }
      }
    }
  }
  const itp = spec.internalTrafficPolicy;
  if (itp !== undefined && itp !== null && !TRAFFIC_POLICIES.includes(itp as string)) {
    report.add(obj, 'service-traffic-policy', 'spec.internalTrafficPolicy', notSupported(itp, TRAFFIC_POLICIES));
  }
}
