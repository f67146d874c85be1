import { checkLabels, checkObjectMeta } from './metadata-rules';
import {
  CheckedObject, Report, asArray, asStringMap, duplicate, forbidden, invalid, isObject, notSupported, required, show, text,
} from './report';
import {
  cidrContains, ipFamilyOf, isCidr, isDns1035Label, isDns1123Label, isDns1123Subdomain, isInteger, isQualifiedName,
  isValidPortName, isValidPortNum, parseIP,
} from './validators';

/** The supported values of `spec.type`. */
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
/** The supported port protocols. */
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
/** `core.MaxClientIPServiceAffinitySeconds`. */
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
/** `core.DefaultClientIPServiceAffinitySeconds`. */
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;
/** `ports.KubeletPort`: a LoadBalancer may not expose it. */
const KUBELET_PORT = 10250;
/** The annotation older clients used for source ranges. */
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/**
 * A range of node ports, as the API server's `--service-node-port-range` sets it.
 */
export interface NodePortRange {
  /**
   * The lowest node port.
   */
  readonly min: number;

  /**
   * The highest node port.
   */
  readonly max: number;
}

/**
 * The Kubernetes default `--service-node-port-range`: 30000-32767.
 *
 * @internal
 */
export const DEFAULT_NODE_PORT_RANGE: NodePortRange = { min: 30000, max: 32767 };

/**
 * The annotation that marks a Service as selecting pods defined outside the checked manifests.
 *
 * @internal
 */
export const EXTERNAL_BACKEND_ANNOTATION = 'cdk8s-services.io/backend';

/**
 * What `SetDefaults_Service` (pkg/apis/core/v1/defaults.go) and the registry's create strategy fill in before
 * validation runs. The rules see the defaulted view; field paths stay those of the manifest.
 *
 * @internal
 */
export function defaultServiceSpec(spec: Record<string, any>): Record<string, any> {
  // in Go an empty string is the unset value, so '' is defaulted like an absent field
  const unset = (v: unknown) => v === undefined || v === null || v === '';
  const out: Record<string, any> = { ...spec };
  out.type = unset(spec.type) ? 'ClusterIP' : spec.type;
  out.sessionAffinity = unset(spec.sessionAffinity) ? 'None' : spec.sessionAffinity;
  if (out.sessionAffinity === 'ClientIP') {
    const cfg = asStringMap(spec.sessionAffinityConfig);
    const clientIP = asStringMap(cfg.clientIP);
    out.sessionAffinityConfig = {
      ...cfg,
      clientIP: { ...clientIP, timeoutSeconds: clientIP.timeoutSeconds ?? DEFAULT_CLIENT_IP_AFFINITY_SECONDS },
    };
  }
  if ((out.type === 'NodePort' || out.type === 'LoadBalancer') && unset(spec.externalTrafficPolicy)) {
    out.externalTrafficPolicy = 'Cluster';
  }
  // internalTrafficPolicy is a pointer in Go: only an absent value is defaulted
  if (out.type !== 'ExternalName' && (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null)) {
    out.internalTrafficPolicy = 'Cluster';
  }
  // normalizeClusterIPs (create): clusterIP is copied into an empty clusterIPs, never the other way round
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && asArray(spec.clusterIPs).length === 0) {
    out.clusterIPs = [spec.clusterIP];
  }
  out.ports = asArray(spec.ports).map(defaultServicePort);
  return out;
}

/**
 * `SetDefaults_Service` for one port: protocol TCP; targetPort = port when it is 0 or '' (an omitted port is 0).
 *
 * @internal
 */
export function defaultServicePort(p: unknown): unknown {
  if (!isObject(p)) return p;
  const port: Record<string, any> = { ...p };
  if (port.protocol === undefined || port.protocol === null || port.protocol === '') port.protocol = 'TCP';
  if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') {
    port.targetPort = p.port ?? 0;
  }
  return port;
}

/**
 * Options of the Service rules.
 *
 * @internal
 */
export interface ServiceRuleOptions {
  readonly nodePortRange: NodePortRange;
  readonly serviceCIDRs?: readonly string[];
}

/**
 * `ValidateService` (create) for one `v1/Service`, plus the registry's allocation checks (node-port range, IP family
 * policy) and our warnings.
 *
 * @internal
 */
export function checkService(obj: CheckedObject, report: Report, options: ServiceRuleOptions): void {
  checkObjectMeta(obj, report, isDns1035Label);
  checkTopologyAnnotations(obj, report);
  const raw = obj.manifest.spec;
  if (raw !== undefined && !isObject(raw)) {
    report.add(obj, 'service-type', 'spec', invalid(raw, 'must be an object'));
    return;
  }
  const spec = defaultServiceSpec(raw ?? {});
  const type = spec.type;
  const headless = spec.clusterIP === 'None';
  const ports: any[] = spec.ports;

  if (!SERVICE_TYPES.includes(type)) {
    report.add(obj, 'service-type', 'spec.type', notSupported(type, SERVICE_TYPES));
  }
  if (raw?.ports !== undefined && !Array.isArray(raw.ports)) {
    report.add(obj, 'service-ports-required', 'spec.ports', invalid(raw.ports, 'must be a list of ports'));
  } else if (ports.length === 0 && !headless && type !== 'ExternalName') {
    report.add(obj, 'service-ports-required', 'spec.ports', required(`a ${text(type)} Service needs at least one port; only headless (clusterIP: None) and ExternalName Services may have none`));
  }

  checkTypeSpecific(obj, report, spec, headless);
  checkPorts(obj, report, spec, options);
  checkSelector(obj, report, raw?.selector);
  checkSessionAffinity(obj, report, spec);
  checkClusterIPs(obj, report, spec, options);
  checkExternalIPs(obj, report, spec);
  checkSourceRanges(obj, report, spec);
  checkLoadBalancerFields(obj, report, spec);
  checkTrafficPolicies(obj, report, spec, options);
}

/** The 1.27 topology-mode annotation must agree with its deprecated predecessor when both are set. */
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';

function checkTopologyAnnotations(obj: CheckedObject, report: Report): void {
  const annotations = asStringMap(asStringMap(obj.manifest.metadata).annotations);
  if (TOPOLOGY_MODE in annotations && TOPOLOGY_HINTS in annotations && annotations[TOPOLOGY_MODE] !== annotations[TOPOLOGY_HINTS]) {
    report.add(obj, 'object-annotations', `metadata.annotations[${TOPOLOGY_MODE}]`,
      invalid(annotations[TOPOLOGY_MODE], `must match annotations[${TOPOLOGY_HINTS}] when both are specified`));
  }
}

function checkTypeSpecific(obj: CheckedObject, report: Report, spec: Record<string, any>, headless: boolean): void {
  const type = spec.type;
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    report.add(obj, 'service-headless', 'spec.clusterIPs[0]', invalid('None', `may not be set to 'None' for ${type} services; a headless Service is of type ClusterIP`));
  }
  if (type === 'LoadBalancer') {
    asArray(spec.ports).forEach((p, i) => {
      if (isObject(p) && p.port === KUBELET_PORT) {
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

function checkPorts(obj: CheckedObject, report: Report, spec: Record<string, any>, options: ServiceRuleOptions): void {
  const ports: any[] = spec.ports;
  const names = new Set<string>();
  const portKeys = new Set<string>();
  const nodePortKeys = new Set<string>();
  const nodePortOwners = new Map<string, string>();
  const range = options.nodePortRange;
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (!isObject(p)) {
      report.add(obj, 'service-port-number', path, invalid(p, 'must be an object with at least `port`'));
      return;
    }
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
    if (!PROTOCOLS.includes(p.protocol)) {
      report.add(obj, 'service-port-protocol', `${path}.protocol`, notSupported(p.protocol, PROTOCOLS));
    }
    const target = p.targetPort;
    if (typeof target === 'string') {
      for (const msg of isValidPortName(target)) {
        report.add(obj, 'service-target-port', `${path}.targetPort`, invalid(target, `${msg} (a named targetPort refers to a container port name)`));
      }
    } else if (target !== undefined) {
      for (const msg of isInteger(target) ? isValidPortNum(target) : ['must be an integer or a port name']) {
        report.add(obj, 'service-target-port', `${path}.targetPort`, invalid(target, msg));
      }
    }
    if (p.appProtocol !== undefined && p.appProtocol !== null) {
      const msgs = typeof p.appProtocol === 'string' ? isQualifiedName(p.appProtocol) : ['must be a string'];
      for (const msg of msgs) report.add(obj, 'service-app-protocol', `${path}.appProtocol`, invalid(p.appProtocol, msg));
    }
    // nodePort: forbidden on ClusterIP; allocated from the node-port range for NodePort and LoadBalancer
    if (p.nodePort !== undefined && p.nodePort !== null && p.nodePort !== 0) {
      if (spec.type === 'ClusterIP') {
        report.add(obj, 'service-node-port', `${path}.nodePort`, forbidden("may not be used when `type` is 'ClusterIP'; use a NodePort or LoadBalancer Service"));
      } else if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
        if (!isInteger(p.nodePort) || p.nodePort < range.min || p.nodePort > range.max) {
          report.add(obj, 'service-node-port', `${path}.nodePort`, invalid(p.nodePort, `provided port is not in the valid range. The range of valid ports is ${range.min}-${range.max}`));
        }
        // the allocator lets ports share a node port only when they share the port number (80/TCP and 80/UDP)
        const owner = nodePortOwners.get(show(p.nodePort));
        if (owner !== undefined && owner !== show(p.port)) {
          report.add(obj, 'service-node-port', `${path}.nodePort`, invalid(p.nodePort, `provided port is already allocated (to port ${owner} of this Service); give this port its own nodePort`));
        }
        if (owner === undefined) nodePortOwners.set(show(p.nodePort), show(p.port));
      }
      // ValidateService: (protocol, nodePort) pairs are unique, whatever the type
      const key = `${text(p.protocol)}/${show(p.nodePort)}`;
      if (nodePortKeys.has(key)) {
        report.add(obj, 'service-node-port', `${path}.nodePort`, duplicate(p.nodePort, `another port of this Service already uses nodePort ${text(p.nodePort)}/${text(p.protocol)}`));
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

function checkSelector(obj: CheckedObject, report: Report, selector: unknown): void {
  checkLabels(obj, report, 'service-selector', selector, 'spec.selector');
}

function checkSessionAffinity(obj: CheckedObject, report: Report, spec: Record<string, any>): void {
  const affinity = spec.sessionAffinity;
  if (!SESSION_AFFINITIES.includes(affinity)) {
    report.add(obj, 'service-session-affinity', 'spec.sessionAffinity', notSupported(affinity, SESSION_AFFINITIES));
    return;
  }
  if (affinity === 'ClientIP') {
    const timeout = spec.sessionAffinityConfig.clientIP.timeoutSeconds;
    if (!isInteger(timeout) || timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
      report.add(obj, 'service-session-affinity', 'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
        invalid(timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`));
    }
  }
  // with None, defaulting clears sessionAffinityConfig instead of rejecting it
}

function checkClusterIPs(obj: CheckedObject, report: Report, spec: Record<string, any>, options: ServiceRuleOptions): void {
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
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && policy !== null && !IP_FAMILY_POLICIES.includes(policy)) {
    report.add(obj, 'service-ip-families', 'spec.ipFamilyPolicy', notSupported(policy, IP_FAMILY_POLICIES));
  }
  // registry allocation (initIPFamilyFields): two families need a dual-stack policy
  if (policy === 'SingleStack' && families.length > 1) {
    report.add(obj, 'service-ip-families', 'spec.ipFamilyPolicy', invalid(policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  if (policy === 'SingleStack' && clusterIPs.length > 1) {
    report.add(obj, 'service-ip-families', 'spec.ipFamilyPolicy', invalid(policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
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
  if (cidrs && cidrs.length > 0 && spec.clusterIP !== 'None') {
    for (const ip of clusterIPs as string[]) {
      const family = ipFamilyOf(ip);
      const ranges = cidrs.filter(c => ipFamilyOf(c.slice(0, c.indexOf('/'))) === family);
      if (ranges.length > 0 && !ranges.some(c => cidrContains(c, ip))) {
        report.add(obj, 'service-cluster-ip', 'spec.clusterIPs', invalid(clusterIPs,
          `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${ranges.join(', ')}`));
      }
    }
  }
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

function checkExternalIPs(obj: CheckedObject, report: Report, spec: Record<string, any>): void {
  const externalIPs = asArray(spec.externalIPs);
  externalIPs.forEach((ip, i) => {
    const path = `spec.externalIPs[${i}]`;
    if (typeof ip !== 'string' || ipFamilyOf(ip) === undefined) {
      report.add(obj, 'service-external-ips', path, invalid(ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
      return;
    }
    for (const reason of specialIPReason(ip)) report.add(obj, 'service-external-ips', path, invalid(ip, reason));
  });
  if (externalIPs.length > 0) {
    report.add(obj, 'service-external-ips-risk', 'spec.externalIPs',
      `externalIPs ${show(externalIPs)} let anyone who can write a Service intercept traffic to these addresses (CVE-2020-8554); prefer a LoadBalancer Service, and expect clusters to reject externalIPs by admission policy`);
  }
}

/** `ValidateNonSpecialIP` (Go's `net.IP` classification): unspecified, loopback, link-local unicast and multicast. */
function specialIPReason(ip: string): string[] {
  const parsed = parseIP(ip);
  if (!parsed) return [];
  const b = parsed.bytes;
  const reasons: string[] = [];
  if (b.every(x => x === 0)) reasons.push(`may not be unspecified (${ip})`);
  if (parsed.family === 'IPv4') {
    if (b[0] === 127) reasons.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
    if (b[0] === 169 && b[1] === 254) reasons.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
    if (b[0] === 224 && b[1] === 0 && b[2] === 0) reasons.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  } else {
    if (b.slice(0, 15).every(x => x === 0) && b[15] === 1) reasons.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
    if (b[0] === 0xfe && b[1] >= 0x80 && b[1] <= 0xbf) reasons.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
    if (b[0] === 0xff && b[1] % 16 === 2) reasons.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  }
  return reasons;
}

/** The 1.27 message for unparseable source ranges (upstream ends it with a space, dropped here). */
const SOURCE_RANGES_MESSAGE = 'must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24';

function checkSourceRanges(obj: CheckedObject, report: Report, spec: Record<string, any>): void {
  const ranges = asArray(spec.loadBalancerSourceRanges);
  const annotations = asStringMap(asStringMap(obj.manifest.metadata).annotations);
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

function checkLoadBalancerFields(obj: CheckedObject, report: Report, spec: Record<string, any>): void {
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

function checkTrafficPolicies(obj: CheckedObject, report: Report, spec: Record<string, any>, options: ServiceRuleOptions): void {
  const type = spec.type;
  const needsExternalTrafficPolicy = type === 'NodePort' || type === 'LoadBalancer';
  const etp = spec.externalTrafficPolicy;
  if (etp !== undefined && etp !== null && etp !== '') {
    if (!needsExternalTrafficPolicy) {
      report.add(obj, 'service-traffic-policy', 'spec.externalTrafficPolicy', invalid(etp, "may only be set when `type` is 'NodePort' or 'LoadBalancer'"));
    } else if (!TRAFFIC_POLICIES.includes(etp)) {
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
      if (msgs.length === 0 && (hc < range.min || hc > range.max)) {
        report.add(obj, 'service-health-check-node-port', 'spec.healthCheckNodePort', invalid(hc, `provided port is not in the valid range. The range of valid ports is ${range.min}-${range.max}`));
      }
    }
  }
  const itp = spec.internalTrafficPolicy;
  if (itp !== undefined && itp !== null && !TRAFFIC_POLICIES.includes(itp)) {
    report.add(obj, 'service-traffic-policy', 'spec.internalTrafficPolicy', notSupported(itp, TRAFFIC_POLICIES));
  }
}
