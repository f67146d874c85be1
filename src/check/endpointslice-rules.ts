// `discovery.k8s.io/v1` EndpointSlice: `ValidateEndpointSlice` (create), as in
// pkg/apis/discovery/validation/validation.go of Kubernetes 1.27, and the wiring to the Service it serves.
import {
  CONTROLLER_MANAGER, MANAGED_BY_LABEL, SERVICE_NAME_LABEL, duplicate, invalid, notSupported, required, show, text,
} from './contract';
import { Severity } from './finding';
import { asArray, asStringMap, isObject } from './json';
import { checkObjectMeta, subdomainName } from './metadata-rules';
import type { CheckedEndpointSlice, CheckedService, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { defaultServicePort } from './service-defaults';
import {
  fullyQualifiedDomainNameReasons, ipFamilyOf, isDns1123Label, isQualifiedName, isValidLabelValue, nonSpecialIPReasons,
} from './validators';

const DISCOVERY = 'k8s.io/kubernetes pkg/apis/discovery/validation/validation.go';
const E = Severity.ERROR;
const W = Severity.WARNING;
const M = RuleScope.MANIFEST;

/**
 * The rules of this family.
 *
 * @internal
 */
export const ENDPOINTSLICE_RULES = {
  'endpointslice-address-type': rule(E, M, 'addressType is IPv4, IPv6 or FQDN', `${DISCOVERY} ValidateEndpointSlice (validateAddressType)`),
  'endpointslice-endpoints': rule(E, M, 'at most 1000 endpoints, each with 1-100 addresses of the slice\'s type (not special IPs), a DNS-1123 hostname, a DNS subdomain nodeName and at most 8 distinct zone hints', `${DISCOVERY} validateEndpoints, validateHints`),
  'endpointslice-ports': rule(E, M, 'at most 20000 ports with unique DNS-1123 label names (or one unnamed), protocol TCP, UDP or SCTP, and a qualified-name appProtocol', `${DISCOVERY} validatePorts`),
  'endpointslice-fqdn': rule(W, M, 'FQDN endpoints are deprecated (the API server warns on create)', 'k8s.io/kubernetes pkg/registry/discovery/endpointslice/strategy.go WarningsOnCreate'),
  'endpointslice-service': rule(E, M, `a hand-written EndpointSlice serves a Service without a selector (the ${CONTROLLER_MANAGER} controller owns the endpoints of Services with one), and each of its ports matches a port of that Service by name and protocol`, SOURCES.OURS),
  'endpointslice-service-missing': rule(W, M, `an EndpointSlice names, with its ${SERVICE_NAME_LABEL} label, a Service that the input does not define in its namespace`, SOURCES.OURS),
};

/** `maxEndpoints`, `maxAddresses`, `maxPorts` and `maxZoneHints` of the discovery validation. */
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;
const MAX_ZONE_HINTS = 8;
const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/**
 * `ValidateEndpointSlice` for one object.
 *
 * @internal
 */
export function checkEndpointSlice(obj: CheckedEndpointSlice, report: Report): void {
  checkObjectMeta(obj, report, subdomainName);
  const { addressType, endpoints, ports } = obj.view;
  if (addressType === undefined || addressType === null || addressType === '') {
    report.add(obj, 'endpointslice-address-type', 'addressType', required());
  } else if (!ADDRESS_TYPES.includes(addressType as string)) {
    report.add(obj, 'endpointslice-address-type', 'addressType', notSupported(addressType, ADDRESS_TYPES));
  } else if (addressType === 'FQDN') {
    report.add(obj, 'endpointslice-fqdn', 'addressType', 'FQDN endpoints are deprecated; point the Service at the name with an ExternalName Service, or list the addresses');
  }
  if (endpoints && endpoints.length > MAX_ENDPOINTS) {
    report.add(obj, 'endpointslice-endpoints', 'endpoints', `Too many: ${endpoints.length}: must have at most ${MAX_ENDPOINTS} items`);
  } else {
    endpoints?.forEach((endpoint, i) => {
      if (endpoint) checkEndpoint(obj, report, endpoint, `endpoints[${i}]`, addressType);
    });
  }
  if (ports && ports.length > MAX_PORTS) {
    report.add(obj, 'endpointslice-ports', 'ports', `Too many: ${ports.length}: must have at most ${MAX_PORTS} items`);
    return;
  }
  const names = new Set<unknown>();
  ports?.forEach((p, i) => {
    if (!p) return;
    const path = `ports[${i}]`;
    // SetDefaults_EndpointPort: name "" and protocol TCP
    const name = p.name ?? '';
    if (typeof name !== 'string') {
      report.add(obj, 'endpointslice-ports', `${path}.name`, invalid(name, 'must be a string'));
    } else if (name.length > 0) {
      for (const msg of isDns1123Label(name)) report.add(obj, 'endpointslice-ports', `${path}.name`, invalid(name, msg));
    }
    if (names.has(name)) report.add(obj, 'endpointslice-ports', `${path}.name`, duplicate(name));
    names.add(name);
    const protocol = p.protocol ?? 'TCP';
    if (!PROTOCOLS.includes(protocol as string)) {
      report.add(obj, 'endpointslice-ports', `${path}.protocol`, notSupported(protocol, PROTOCOLS));
    }
    if (p.appProtocol !== undefined && p.appProtocol !== null) {
      const msgs = typeof p.appProtocol === 'string' ? isQualifiedName(p.appProtocol) : ['must be a string'];
      for (const msg of msgs) report.add(obj, 'endpointslice-ports', `${path}.appProtocol`, invalid(p.appProtocol, msg));
    }
  });
}

function checkEndpoint(
  obj: CheckedEndpointSlice, report: Report, endpoint: { addresses: unknown; hostname: unknown; nodeName: unknown; forZones: unknown },
  path: string, addressType: unknown,
): void {
  const addresses = asArray(endpoint.addresses);
  if (addresses.length === 0) {
    report.add(obj, 'endpointslice-endpoints', `${path}.addresses`, required('must contain at least 1 address'));
  } else if (addresses.length > MAX_ADDRESSES) {
    report.add(obj, 'endpointslice-endpoints', `${path}.addresses`, `Too many: ${addresses.length}: must have at most ${MAX_ADDRESSES} items`);
  }
  addresses.forEach((address, j) => {
    const field = `${path}.addresses[${j}]`;
    const value = typeof address === 'string' ? address : '';
    if (addressType === 'IPv4' || addressType === 'IPv6') {
      if (typeof address !== 'string' || ipFamilyOf(value) !== addressType) {
        report.add(obj, 'endpointslice-endpoints', field, invalid(address, `must be a valid ${addressType} address`));
      }
      if (ipFamilyOf(value) === undefined) {
        report.add(obj, 'endpointslice-endpoints', field, invalid(address, 'must be a valid IP address'));
      } else {
        for (const reason of nonSpecialIPReasons(value)) report.add(obj, 'endpointslice-endpoints', field, invalid(address, reason));
      }
    } else if (addressType === 'FQDN') {
      for (const reason of fullyQualifiedDomainNameReasons(value)) {
        report.add(obj, 'endpointslice-endpoints', field, reason === 'Required value' ? required() : invalid(address, reason));
      }
    }
  });
  if (endpoint.nodeName !== undefined && endpoint.nodeName !== null) {
    const msgs = typeof endpoint.nodeName === 'string' ? subdomainName(endpoint.nodeName) : ['must be a string'];
    for (const msg of msgs) report.add(obj, 'endpointslice-endpoints', `${path}.nodeName`, invalid(endpoint.nodeName, msg));
  }
  if (endpoint.hostname !== undefined && endpoint.hostname !== null) {
    const msgs = typeof endpoint.hostname === 'string' ? isDns1123Label(endpoint.hostname) : ['must be a string'];
    for (const msg of msgs) report.add(obj, 'endpointslice-endpoints', `${path}.hostname`, invalid(endpoint.hostname, msg));
  }
  const zones = asArray(endpoint.forZones);
  if (zones.length > MAX_ZONE_HINTS) {
    report.add(obj, 'endpointslice-endpoints', `${path}.hints.forZones`, `Too many: ${zones.length}: must have at most ${MAX_ZONE_HINTS} items`);
    return;
  }
  const seen = new Set<unknown>();
  zones.forEach((zone, k) => {
    const field = `${path}.hints.forZones[${k}].name`;
    const name = asStringMap(zone).name ?? '';
    if (seen.has(name)) report.add(obj, 'endpointslice-endpoints', field, duplicate(name));
    seen.add(name);
    for (const msg of typeof name === 'string' ? isValidLabelValue(name) : ['must be a string']) {
      report.add(obj, 'endpointslice-endpoints', field, invalid(name, msg));
    }
  });
}

/**
 * An EndpointSlice against the Service it serves: the Service its `kubernetes.io/service-name` label names, in its
 * namespace.
 *
 * @param services the Services of the input, by namespace and name
 * @internal
 */
export function checkSliceService(slice: CheckedEndpointSlice, services: ReadonlyMap<string, CheckedService>, report: Report): void {
  const labels = asStringMap(slice.view.metadata.labels);
  const serviceName = labels[SERVICE_NAME_LABEL];
  if (labels[MANAGED_BY_LABEL] === CONTROLLER_MANAGER) return;
  if (typeof serviceName !== 'string' || serviceName === '') {
    report.add(slice, 'endpointslice-service-missing', `metadata.labels[${SERVICE_NAME_LABEL}]`,
      `an EndpointSlice without the ${SERVICE_NAME_LABEL} label serves no Service; label it with the name of the Service whose endpoints it lists`);
    return;
  }
  const svc = services.get(`${slice.scope}/${serviceName}`);
  if (!svc) {
    report.add(slice, 'endpointslice-service-missing', `metadata.labels[${SERVICE_NAME_LABEL}]`,
      `names Service "${serviceName}", which is not in these manifests in namespace "${slice.scope}"; if it is defined elsewhere, check that it has no selector and ports of the same names`);
    return;
  }
  const spec = svc.view.spec;
  if (!spec) return;
  if (spec.type === 'ExternalName') {
    report.add(slice, 'endpointslice-service', `metadata.labels[${SERVICE_NAME_LABEL}]`,
      `Service "${serviceName}" is an ExternalName Service, which proxies nothing and uses no endpoints; make it a ClusterIP Service without a selector`);
    return;
  }
  if (isObject(spec.selector) && Object.keys(spec.selector).length > 0) {
    report.add(slice, 'endpointslice-service', `metadata.labels[${SERVICE_NAME_LABEL}]`,
      `Service "${serviceName}" has a selector ${show(spec.selector)}, so the cluster writes its endpoints itself; remove the selector from the Service (Backend.manualEndpoints()) or drop this EndpointSlice`);
  }
  const servicePorts = (spec.ports ?? []).filter(p => p !== undefined).map(p => defaultServicePort(p!));
  slice.view.ports?.forEach((p, i) => {
    if (!p) return;
    const name = p.name ?? '';
    const protocol = p.protocol ?? 'TCP';
    const match = servicePorts.find(sp => (sp.name ?? '') === name);
    if (!match) {
      const names = servicePorts.map(sp => `"${text(sp.name ?? '')}"`).join(', ') || 'none';
      report.add(slice, 'endpointslice-service', `ports[${i}].name`,
        invalid(name, `Service "${serviceName}" has no port of this name (its ports: ${names}); kube-proxy matches EndpointSlice ports to Service ports by name`));
    } else if (match.protocol !== protocol) {
      report.add(slice, 'endpointslice-service', `ports[${i}].protocol`,
        invalid(protocol, `port "${text(name)}" of Service "${serviceName}" uses ${text(match.protocol)}; make the protocols agree`));
    }
  });
}
