// Conformance cases for v1/Service: ValidateService and the functions it calls, the registry's allocation checks and
// SetDefaults_Service (Kubernetes 1.27). Expected fields and messages are the API server's.
//
// Accepting cases check what the API server decides from the object alone. Checks that depend on the cluster are out
// of scope: they assume a dual-stack cluster whose service CIDRs hold the cluster IPs used here, and free node ports.
import {
  Case, HTTP_PORT, MSG, app, bad, dnsName, externalName, lone, ok, repeat, svcPorts, svcSpec,
} from './cases-builders';

const SVC = 'ValidateService';
const PORT = 'validateServicePort';

/** A NodePort Service whose one port asks for `nodePort`. */
function nodePort(port: number, spec: object = {}): unknown[] {
  return svcSpec({ type: 'NodePort', ports: [{ ...HTTP_PORT, nodePort: port }], ...spec });
}

/** A LoadBalancer Service restricted to 10.0.0.0/8, with `spec` patched. */
function lb(spec: object = {}): unknown[] {
  return svcSpec({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8'], ...spec });
}

/** A Service whose port targets the container port `name`, with the Deployment's port named the same. */
function namedTarget(name: string): unknown[] {
  return app(
    { spec: { ports: [{ ...HTTP_PORT, targetPort: name }] } },
    { spec: { template: { spec: { containers: [{ name: 'web', image: 'registry.example.com/web:1', ports: [{ name, containerPort: 8080 }] }] } } } },
  );
}

/** The base Service with ClientIP affinity and this `sessionAffinityConfig`. */
function clientIP(config?: object): unknown[] {
  return svcSpec({ sessionAffinity: 'ClientIP', ...(config ? { sessionAffinityConfig: config } : {}) });
}

/** The base Service with these externalIPs. */
function externalIPs(...ips: string[]): unknown[] {
  return svcSpec({ externalIPs: ips });
}

/** A Service with this source-ranges annotation and `spec` patched. */
function rangesAnnotation(value: string, spec: object): unknown[] {
  return app({ metadata: { annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': value } }, spec });
}

export const SERVICE_CASES: Case[] = [
  // metadata.name: ValidateServiceName = NameIsDNS1035Label
  ok('IsDNS1035Label', 'object-name', 'Service name of 63 characters', app({ metadata: { name: repeat('a', 63) } })),
  bad('IsDNS1035Label', 'object-name', 'Service name of 64 characters', 'metadata.name', MSG.max63, app({ metadata: { name: repeat('a', 64) } })),
  bad('IsDNS1035Label', 'object-name', 'Service name starting with a digit', 'metadata.name', MSG.dns1035, app({ metadata: { name: '1web' } })),
  ok('IsDNS1035Label', 'object-name', 'Service name of one letter', app({ metadata: { name: 'w' } })),
  ok('IsDNS1035Label', 'object-name', 'Service name with digits and hyphens', app({ metadata: { name: 'web-2-a' } })),
  bad('IsDNS1035Label', 'object-name', 'uppercase Service name', 'metadata.name', MSG.dns1035, app({ metadata: { name: 'Web' } })),
  bad('IsDNS1035Label', 'object-name', 'dotted Service name (a subdomain is not enough)', 'metadata.name', MSG.dns1035, app({ metadata: { name: 'web.v1' } })),
  bad('IsDNS1035Label', 'object-name', 'Service name ending with a hyphen', 'metadata.name', MSG.dns1035, app({ metadata: { name: 'web-' } })),
  bad('ValidateObjectMeta', 'object-name', 'Service without a name', 'metadata.name', 'Required value: name or generateName is required', app({ metadata: { name: undefined } })),

  // spec.type
  ok('SetDefaults_Service', 'service-type', 'type omitted defaults to ClusterIP', app()),
  ok(SVC, 'service-type', 'type ClusterIP', svcSpec({ type: 'ClusterIP' })),
  ok(SVC, 'service-type', 'type NodePort', svcSpec({ type: 'NodePort' })),
  ok(SVC, 'service-type', 'type LoadBalancer', lb()),
  ok(SVC, 'service-type', 'type ExternalName', externalName()),
  bad(SVC, 'service-type', 'type in lowercase', 'spec.type', 'Unsupported value: "clusterip": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"', svcSpec({ type: 'clusterip' })),
  bad(SVC, 'service-type', 'type Headless', 'spec.type', 'Unsupported value: "Headless"', svcSpec({ type: 'Headless' })),

  // spec.ports required
  bad(SVC, 'service-ports-required', 'ClusterIP Service without ports', 'spec.ports', 'Required value', svcSpec({ ports: undefined })),
  bad(SVC, 'service-ports-required', 'ClusterIP Service with an empty port list', 'spec.ports', 'Required value', svcSpec({ ports: [] })),
  bad(SVC, 'service-ports-required', 'NodePort Service without ports', 'spec.ports', 'Required value', svcSpec({ type: 'NodePort', ports: undefined })),
  bad(SVC, 'service-ports-required', 'LoadBalancer Service without ports', 'spec.ports', 'Required value', lb({ ports: undefined })),
  ok(SVC, 'service-ports-required', 'headless selectorless Service without ports', lone({ clusterIP: 'None', ports: undefined })),
  ok(SVC, 'service-ports-required', 'headless Service with a selector and no ports', svcSpec({ clusterIP: 'None', ports: undefined })),
  ok(SVC, 'service-ports-required', 'headless Service with clusterIP and clusterIPs None and no ports', lone({ clusterIP: 'None', clusterIPs: ['None'], ports: undefined })),
  ok(SVC, 'service-ports-required', 'ExternalName Service without ports', externalName()),

  // spec.ports[*].name
  ok(PORT, 'service-port-name', 'a single port needs no name', svcPorts({ port: 80, targetPort: 8080 })),
  bad(PORT, 'service-port-name', 'second of two ports unnamed', 'spec.ports[1].name', 'Required value', svcPorts(HTTP_PORT, { port: 443, targetPort: 8443 })),
  bad(PORT, 'service-port-name', 'first of two ports unnamed', 'spec.ports[0].name', 'Required value', svcPorts({ port: 443, targetPort: 8443 }, HTTP_PORT)),
  ok('IsDNS1123Label', 'service-port-name', 'port name of 63 characters', svcPorts({ name: repeat('p', 63), port: 80, targetPort: 8080 })),
  bad('IsDNS1123Label', 'service-port-name', 'port name of 64 characters', 'spec.ports[0].name', MSG.max63, svcPorts({ name: repeat('p', 64), port: 80, targetPort: 8080 })),
  ok('IsDNS1123Label', 'service-port-name', 'all-digit port name', svcPorts({ name: '80', port: 80, targetPort: 8080 })),
  ok('IsDNS1123Label', 'service-port-name', 'port name starting with a digit', svcPorts({ name: '8080-tcp', port: 80, targetPort: 8080 })),
  ok('IsDNS1123Label', 'service-port-name', 'port name with consecutive hyphens', svcPorts({ name: 'http--alt', port: 80, targetPort: 8080 })),
  ok('IsDNS1123Label', 'service-port-name', 'port name of 16 characters (the IANA limit is for container ports)', svcPorts({ name: 'abcdefghijklmnop', port: 80, targetPort: 8080 })),
  bad('IsDNS1123Label', 'service-port-name', 'uppercase port name', 'spec.ports[0].name', MSG.dns1123Label, svcPorts({ name: 'HTTP', port: 80, targetPort: 8080 })),
  bad('IsDNS1123Label', 'service-port-name', 'port name ending with a hyphen', 'spec.ports[0].name', MSG.dns1123Label, svcPorts({ name: 'http-', port: 80, targetPort: 8080 })),
  bad('IsDNS1123Label', 'service-port-name', 'port name starting with a hyphen', 'spec.ports[0].name', MSG.dns1123Label, svcPorts({ name: '-http', port: 80, targetPort: 8080 })),
  bad('IsDNS1123Label', 'service-port-name', 'port name with an underscore', 'spec.ports[0].name', MSG.dns1123Label, svcPorts({ name: 'http_alt', port: 80, targetPort: 8080 })),
  bad(PORT, 'service-port-name', 'two ports with the same name', 'spec.ports[1].name', 'Duplicate value: "http"', svcPorts(HTTP_PORT, { ...HTTP_PORT, port: 81 })),

  // spec.ports[*].port
  bad('IsValidPortNum', 'service-port-number', 'port 0', 'spec.ports[0].port', `Invalid value: 0: ${MSG.portRange}`, svcPorts({ ...HTTP_PORT, port: 0 })),
  ok('IsValidPortNum', 'service-port-number', 'port 1', svcPorts({ ...HTTP_PORT, port: 1 })),
  ok('IsValidPortNum', 'service-port-number', 'port 65535', svcPorts({ ...HTTP_PORT, port: 65535 })),
  bad('IsValidPortNum', 'service-port-number', 'port 65536', 'spec.ports[0].port', `Invalid value: 65536: ${MSG.portRange}`, svcPorts({ ...HTTP_PORT, port: 65536 })),
  bad('IsValidPortNum', 'service-port-number', 'port -1', 'spec.ports[0].port', MSG.portRange, svcPorts({ ...HTTP_PORT, port: -1 })),
  bad(PORT, 'service-port-number', 'port omitted (0 to the API server)', 'spec.ports[0].port', `Invalid value: 0: ${MSG.portRange}`, svcPorts({ name: 'http', targetPort: 'http' })),
  bad(SVC, 'service-port-number', 'LoadBalancer on port 10250', 'spec.ports[0]', 'may not expose port 10250 externally since it is used by kubelet', lb({ ports: [{ ...HTTP_PORT, port: 10250 }] })),
  bad(SVC, 'service-port-number', 'LoadBalancer on port 10250 as its second port', 'spec.ports[1]', 'Invalid value: 10250: may not expose port 10250 externally', lb({ ports: [HTTP_PORT, { name: 'kubelet', port: 10250, targetPort: 'http' }] })),
  ok(SVC, 'service-port-number', 'ClusterIP on port 10250', svcPorts({ ...HTTP_PORT, port: 10250 })),
  ok(SVC, 'service-port-number', 'NodePort on port 10250 (only LoadBalancer is refused)', svcSpec({ type: 'NodePort', ports: [{ ...HTTP_PORT, port: 10250 }] })),

  // spec.ports[*].protocol
  ok(PORT, 'service-port-protocol', 'protocol UDP', svcPorts({ name: 'dns', port: 53, targetPort: 5353, protocol: 'UDP' })),
  ok(PORT, 'service-port-protocol', 'protocol SCTP', svcPorts({ name: 'sctp', port: 9999, targetPort: 9999, protocol: 'SCTP' })),
  ok('SetDefaults_Service', 'service-port-protocol', 'protocol omitted defaults to TCP', svcPorts(HTTP_PORT)),
  bad(PORT, 'service-port-protocol', 'protocol in lowercase', 'spec.ports[0].protocol', 'Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"', svcPorts({ ...HTTP_PORT, protocol: 'tcp' })),
  bad(PORT, 'service-port-protocol', 'protocol HTTP', 'spec.ports[0].protocol', 'Unsupported value: "HTTP"', svcPorts({ ...HTTP_PORT, protocol: 'HTTP' })),

  // duplicate (port, protocol)
  bad(SVC, 'service-port-duplicate', 'two ports with the same port and protocol', 'spec.ports[1]', 'Duplicate value', svcPorts(HTTP_PORT, { name: 'alt', port: 80, targetPort: 8080 })),
  ok(SVC, 'service-port-duplicate', 'same port with TCP and UDP', svcPorts({ name: 'dns-tcp', port: 53, targetPort: 53 }, { name: 'dns-udp', port: 53, targetPort: 53, protocol: 'UDP' })),
  bad('SetDefaults_Service', 'service-port-duplicate', 'same port, protocol omitted on one and TCP on the other', 'spec.ports[1]', 'Duplicate value',
    svcPorts({ name: 'a', port: 80, targetPort: 8080 }, { name: 'b', port: 80, targetPort: 8080, protocol: 'TCP' })),
  ok(SVC, 'service-port-duplicate', 'two ports to the same targetPort', svcPorts(HTTP_PORT, { name: 'alt', port: 8080, targetPort: 'http' })),

  // spec.ports[*].targetPort: ValidatePortNumOrName
  ok('IsValidPortNum', 'service-target-port-format', 'numeric targetPort 1', svcPorts({ ...HTTP_PORT, targetPort: 1 })),
  ok('IsValidPortNum', 'service-target-port-format', 'numeric targetPort 65535', svcPorts({ ...HTTP_PORT, targetPort: 65535 })),
  bad('IsValidPortNum', 'service-target-port-format', 'numeric targetPort 65536', 'spec.ports[0].targetPort', `Invalid value: 65536: ${MSG.portRange}`, svcPorts({ ...HTTP_PORT, targetPort: 65536 })),
  bad('IsValidPortNum', 'service-target-port-format', 'numeric targetPort -1', 'spec.ports[0].targetPort', MSG.portRange, svcPorts({ ...HTTP_PORT, targetPort: -1 })),
  bad('SetDefaults_Service', 'service-target-port-format', 'port 0 with targetPort omitted: the defaulted targetPort 0 fails too', 'spec.ports[0].targetPort', `Invalid value: 0: ${MSG.portRange}`,
    svcPorts({ name: 'http', port: 0 })),
  ok('SetDefaults_Service', 'service-target-port-format', 'targetPort 0 defaults to port', svcPorts({ ...HTTP_PORT, targetPort: 0 })),
  ok('SetDefaults_Service', 'service-target-port-format', 'targetPort omitted defaults to port', svcPorts({ name: 'http', port: 80 })),
  ok('IsValidPortName', 'service-target-port-format', 'named targetPort of 15 characters', namedTarget('abcdefghijklmno')),
  bad('IsValidPortName', 'service-target-port-format', 'named targetPort of 16 characters', 'spec.ports[0].targetPort', MSG.max15, namedTarget('abcdefghijklmnop')),
  bad('IsValidPortName', 'service-target-port-format', 'targetPort "8080" as a string has no letter', 'spec.ports[0].targetPort', MSG.portNameLetter, namedTarget('8080')),
  bad('IsValidPortName', 'service-target-port-format', 'named targetPort with consecutive hyphens', 'spec.ports[0].targetPort', MSG.portNameHyphens, namedTarget('http--alt')),
  bad('IsValidPortName', 'service-target-port-format', 'named targetPort starting with a hyphen', 'spec.ports[0].targetPort', MSG.portNameEnds, namedTarget('-http')),
  bad('IsValidPortName', 'service-target-port-format', 'named targetPort ending with a hyphen', 'spec.ports[0].targetPort', MSG.portNameEnds, namedTarget('http-')),
  bad('IsValidPortName', 'service-target-port-format', 'uppercase named targetPort', 'spec.ports[0].targetPort', MSG.portNameCharset, namedTarget('HTTP')),
  ok(PORT, 'service-target-port-format', 'headless Service with a targetPort other than port (the check is commented out upstream)',
    svcSpec({ clusterIP: 'None', ports: [{ name: 'http', port: 80, targetPort: 8080 }] })),
  ok(PORT, 'service-target-port-format', 'headless Service with a named targetPort', svcSpec({ clusterIP: 'None' })),

  // spec.ports[*].appProtocol: ValidateQualifiedName
  ok('IsQualifiedName', 'service-app-protocol', 'appProtocol http', svcPorts({ ...HTTP_PORT, appProtocol: 'http' })),
  ok('IsQualifiedName', 'service-app-protocol', 'appProtocol with a prefix', svcPorts({ ...HTTP_PORT, appProtocol: 'kubernetes.io/h2c' })),
  ok('IsQualifiedName', 'service-app-protocol', 'appProtocol in uppercase', svcPorts({ ...HTTP_PORT, appProtocol: 'HTTP2' })),
  bad('IsQualifiedName', 'service-app-protocol', 'appProtocol with an empty name part', 'spec.ports[0].appProtocol', MSG.nameEmpty, svcPorts({ ...HTTP_PORT, appProtocol: 'kubernetes.io/' })),
  bad('IsQualifiedName', 'service-app-protocol', 'appProtocol with an empty prefix', 'spec.ports[0].appProtocol', MSG.prefixEmpty, svcPorts({ ...HTTP_PORT, appProtocol: '/http' })),
  bad('IsQualifiedName', 'service-app-protocol', 'appProtocol with two slashes', 'spec.ports[0].appProtocol', MSG.qualifiedNameSlashes, svcPorts({ ...HTTP_PORT, appProtocol: 'a/b/c' })),
  bad('IsQualifiedName', 'service-app-protocol', 'appProtocol with a space', 'spec.ports[0].appProtocol', MSG.qualifiedNamePart, svcPorts({ ...HTTP_PORT, appProtocol: 'my app' })),

  // spec.ports[*].nodePort: forbidden on ClusterIP, allocated from --service-node-port-range
  ok('portallocator', 'service-node-port', 'nodePort 30000', nodePort(30000)),
  ok('portallocator', 'service-node-port', 'nodePort 32767', nodePort(32767)),
  bad('portallocator', 'service-node-port', 'nodePort 29999', 'spec.ports[0].nodePort', `Invalid value: 29999: ${MSG.notInNodePortRange}`, nodePort(29999)),
  bad('portallocator', 'service-node-port', 'nodePort 32768', 'spec.ports[0].nodePort', `Invalid value: 32768: ${MSG.notInNodePortRange}`, nodePort(32768)),
  bad('portallocator', 'service-node-port', 'nodePort 65536', 'spec.ports[0].nodePort', MSG.notInNodePortRange, nodePort(65536)),
  ok('portallocator', 'service-node-port', 'nodePort 20000 in a custom range 20000-22767', nodePort(20000), { options: { nodePortRange: { min: 20000, max: 22767 } } }),
  bad('portallocator', 'service-node-port', 'nodePort 30000 outside a custom range 20000-22767', 'spec.ports[0].nodePort',
    'provided port is not in the valid range. The range of valid ports is 20000-22767', nodePort(30000), { nodePortRange: { min: 20000, max: 22767 } }),
  ok('portallocator', 'service-node-port', 'nodePort on a LoadBalancer', lb({ ports: [{ ...HTTP_PORT, nodePort: 31000 }] })),
  ok('portallocator', 'service-node-port', 'nodePort on a LoadBalancer that does not allocate node ports', lb({ allocateLoadBalancerNodePorts: false, ports: [{ ...HTTP_PORT, nodePort: 31000 }] })),
  bad(SVC, 'service-node-port', 'nodePort on a ClusterIP Service', 'spec.ports[0].nodePort', "Forbidden: may not be used when `type` is 'ClusterIP'", svcPorts({ ...HTTP_PORT, nodePort: 30080 })),
  ok(SVC, 'service-node-port', 'nodePort 0 on a ClusterIP Service means unset', svcPorts({ ...HTTP_PORT, nodePort: 0 })),
  bad(SVC, 'service-node-port', 'two ports with the same nodePort and protocol', 'spec.ports[1].nodePort', 'Duplicate value: 30080',
    svcSpec({ type: 'NodePort', ports: [{ ...HTTP_PORT, nodePort: 30080 }, { name: 'alt', port: 81, targetPort: 'http', nodePort: 30080 }] })),
  ok('portallocator', 'service-node-port', 'the same port over TCP and UDP shares one nodePort',
    svcSpec({ type: 'NodePort', ports: [{ name: 'dns-tcp', port: 53, targetPort: 53, nodePort: 30053 }, { name: 'dns-udp', port: 53, targetPort: 53, protocol: 'UDP', nodePort: 30053 }] })),
  ok(SVC, 'service-node-port', 'nodePort outside the range on an ExternalName Service (never allocated)', externalName({ ports: [{ name: 'a', port: 80, nodePort: 1 }] })),

  // clusterIP / clusterIPs: ValidateServiceClusterIPsRelatedFields
  ok('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'clusterIP alone (copied into clusterIPs)', svcSpec({ clusterIP: '10.0.0.10' })),
  ok('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'clusterIP with a matching clusterIPs', svcSpec({ clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10'] })),
  ok('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'IPv6 clusterIP', svcSpec({ clusterIP: 'fd00::10' })),
  ok('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'dual-stack clusterIPs', svcSpec({ clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', 'fd00::10'], ipFamilyPolicy: 'RequireDualStack' })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'clusterIPs[0] differs from clusterIP', 'spec.clusterIPs', 'first value must match `clusterIP`',
    svcSpec({ clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.11'] })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'three clusterIPs', 'spec.clusterIPs', 'may only hold up to 2 values',
    svcSpec({ clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', 'fd00::10', '10.0.0.11'], ipFamilyPolicy: 'RequireDualStack' })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'two clusterIPs of the same family', 'spec.clusterIPs', 'may specify no more than one IP for each IP family',
    svcSpec({ clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', '10.0.0.11'], ipFamilyPolicy: 'RequireDualStack' })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'clusterIP that is not an IP', 'spec.clusterIPs[0]', `Invalid value: "10.0.0.300": ${MSG.ip}`, svcSpec({ clusterIP: '10.0.0.300' })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'malformed IPv6 clusterIP', 'spec.clusterIPs[0]', MSG.ip, svcSpec({ clusterIP: 'fd00::g' })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'None followed by an IP', 'spec.clusterIPs', "'None' must be the first and only value",
    svcSpec({ clusterIP: 'None', clusterIPs: ['None', '10.0.0.10'] })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'None as the second clusterIP', 'spec.clusterIPs[1]', `Invalid value: "None": ${MSG.ip}`,
    svcSpec({ clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', 'None'] })),

  // ipFamilies / ipFamilyPolicy
  ok('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'ipFamilies IPv4', svcSpec({ ipFamilies: ['IPv4'] })),
  ok('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'ipFamilies IPv6 and IPv4 with PreferDualStack', svcSpec({ ipFamilies: ['IPv6', 'IPv4'], ipFamilyPolicy: 'PreferDualStack' })),
  ok('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'ipFamilyPolicy RequireDualStack alone', svcSpec({ ipFamilyPolicy: 'RequireDualStack' })),
  ok('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'clusterIP that agrees with ipFamilies', svcSpec({ clusterIP: 'fd00::10', ipFamilies: ['IPv6'] })),
  ok('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'headless Service: ipFamilies are not matched against None', svcSpec({ clusterIP: 'None', ipFamilies: ['IPv6'] })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'ipFamily in lowercase', 'spec.ipFamilies[0]', 'Unsupported value: "ipv4": supported values: "IPv4", "IPv6"', svcSpec({ ipFamilies: ['ipv4'] })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'the same ipFamily twice', 'spec.ipFamilies[1]', 'Duplicate value: "IPv4"',
    svcSpec({ ipFamilies: ['IPv4', 'IPv4'], ipFamilyPolicy: 'RequireDualStack' })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'three ipFamilies', 'spec.ipFamilies[2]', 'Duplicate value: "IPv4"',
    svcSpec({ ipFamilies: ['IPv4', 'IPv6', 'IPv4'], ipFamilyPolicy: 'RequireDualStack' })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'ipFamilyPolicy DualStack', 'spec.ipFamilyPolicy',
    'Unsupported value: "DualStack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"', svcSpec({ ipFamilyPolicy: 'DualStack' })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'empty ipFamilyPolicy', 'spec.ipFamilyPolicy', 'Unsupported value: ""', svcSpec({ ipFamilyPolicy: '' })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'IPv4 clusterIP with ipFamilies IPv6', 'spec.clusterIPs[0]', 'expected an IPv6 value as indicated by `ipFamilies[0]`',
    svcSpec({ clusterIP: '10.0.0.10', ipFamilies: ['IPv6'] })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'IPv6 clusterIP with ipFamilies IPv4', 'spec.clusterIPs[0]', 'expected an IPv4 value as indicated by `ipFamilies[0]`',
    svcSpec({ clusterIP: 'fd00::10', ipFamilies: ['IPv4'] })),
  bad('ValidateServiceClusterIPsRelatedFields', 'service-ip-families', 'dual-stack clusterIPs in the opposite order of ipFamilies', 'spec.clusterIPs[1]', 'expected an IPv4 value as indicated by `ipFamilies[1]`',
    svcSpec({ clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', 'fd00::10'], ipFamilies: ['IPv6', 'IPv4'], ipFamilyPolicy: 'RequireDualStack' })),
  bad('initIPFamilyFields', 'service-ip-families', 'SingleStack with two ipFamilies', 'spec.ipFamilyPolicy', 'when multiple IP families are specified',
    svcSpec({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'] })),
  bad('initIPFamilyFields', 'service-ip-families', 'SingleStack with two clusterIPs', 'spec.ipFamilyPolicy', 'when multiple cluster IPs are specified',
    svcSpec({ ipFamilyPolicy: 'SingleStack', clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', 'fd00::10'] })),

  // headless
  bad(SVC, 'service-headless', 'NodePort with clusterIP None', 'spec.clusterIPs[0]', "may not be set to 'None' for NodePort services", svcSpec({ type: 'NodePort', clusterIP: 'None' })),
  bad(SVC, 'service-headless', 'LoadBalancer with clusterIP None', 'spec.clusterIPs[0]', "may not be set to 'None' for LoadBalancer services", lb({ clusterIP: 'None' })),
  ok(SVC, 'service-headless', 'ClusterIP with clusterIP None', svcSpec({ type: 'ClusterIP', clusterIP: 'None' })),
  ok(SVC, 'service-headless', 'headless Service with clusterIP and clusterIPs None', svcSpec({ clusterIP: 'None', clusterIPs: ['None'] })),

  // ExternalName
  ok(SVC, 'service-external-name', 'externalName db.example.com', externalName()),
  ok(SVC, 'service-external-name', 'externalName with a trailing dot', externalName({ externalName: 'db.example.com.' })),
  ok(SVC, 'service-external-name', 'externalName of one label', externalName({ externalName: 'db' })),
  ok('IsDNS1123Subdomain', 'service-external-name', 'externalName of 253 characters', externalName({ externalName: dnsName(253) })),
  ok('IsDNS1123Subdomain', 'service-external-name', 'externalName of 253 characters and a trailing dot', externalName({ externalName: `${dnsName(253)}.` })),
  bad('IsDNS1123Subdomain', 'service-external-name', 'externalName of 254 characters', 'spec.externalName', MSG.max253, externalName({ externalName: dnsName(254) })),
  bad('IsDNS1123Subdomain', 'service-external-name', 'uppercase externalName', 'spec.externalName', MSG.dns1123Subdomain, externalName({ externalName: 'DB.example.com' })),
  bad('IsDNS1123Subdomain', 'service-external-name', 'externalName with two trailing dots', 'spec.externalName', MSG.dns1123Subdomain, externalName({ externalName: 'db.example.com..' })),
  bad('IsDNS1123Subdomain', 'service-external-name', 'externalName with an underscore', 'spec.externalName', MSG.dns1123Subdomain, externalName({ externalName: 'db_1.example.com' })),
  bad(SVC, 'service-external-name', 'empty externalName', 'spec.externalName', 'Required value', externalName({ externalName: '' })),
  bad(SVC, 'service-external-name', 'externalName missing', 'spec.externalName', 'Required value', externalName({ externalName: undefined })),
  bad(SVC, 'service-external-name', 'externalName of a single dot', 'spec.externalName', 'Required value', externalName({ externalName: '.' })),
  bad(SVC, 'service-external-name', 'ExternalName with a clusterIP', 'spec.clusterIPs', MSG.externalNameForbidden, externalName({ clusterIP: '10.0.0.10' })),
  bad(SVC, 'service-external-name', 'ExternalName with clusterIP None', 'spec.clusterIPs', MSG.externalNameForbidden, externalName({ clusterIP: 'None' })),
  bad(SVC, 'service-external-name', 'ExternalName with ipFamilies', 'spec.ipFamilies', MSG.externalNameForbidden, externalName({ ipFamilies: ['IPv4'] })),
  bad(SVC, 'service-external-name', 'ExternalName with ipFamilyPolicy', 'spec.ipFamilyPolicy', MSG.externalNameForbidden, externalName({ ipFamilyPolicy: 'SingleStack' })),
  ok(SVC, 'service-external-name', 'ExternalName with an empty clusterIP', externalName({ clusterIP: '' })),
  ok(SVC, 'service-external-name', 'ExternalName with ports', externalName({ ports: [{ name: 'pg', port: 5432 }] })),

  // session affinity: validateClientIPAffinityConfig
  ok('validateClientIPAffinityConfig', 'service-session-affinity', 'ClientIP timeout 1', clientIP({ clientIP: { timeoutSeconds: 1 } })),
  ok('validateClientIPAffinityConfig', 'service-session-affinity', 'ClientIP timeout 86400', clientIP({ clientIP: { timeoutSeconds: 86400 } })),
  bad('validateClientIPAffinityConfig', 'service-session-affinity', 'ClientIP timeout 0', 'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
    'Invalid value: 0: must be greater than 0 and less than 86400', clientIP({ clientIP: { timeoutSeconds: 0 } })),
  bad('validateClientIPAffinityConfig', 'service-session-affinity', 'ClientIP timeout 86401', 'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
    'Invalid value: 86401: must be greater than 0 and less than 86400', clientIP({ clientIP: { timeoutSeconds: 86401 } })),
  bad('validateClientIPAffinityConfig', 'service-session-affinity', 'ClientIP timeout -1', 'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
    'must be greater than 0 and less than 86400', clientIP({ clientIP: { timeoutSeconds: -1 } })),
  ok('SetDefaults_Service', 'service-session-affinity', 'ClientIP without sessionAffinityConfig (timeout defaulted to 10800)', clientIP()),
  ok('SetDefaults_Service', 'service-session-affinity', 'ClientIP with an empty clientIP config (timeout defaulted)', clientIP({ clientIP: {} })),
  ok('SetDefaults_Service', 'service-session-affinity', 'sessionAffinity None with a config (cleared by defaulting)',
    svcSpec({ sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } })),
  bad(SVC, 'service-session-affinity', 'sessionAffinity Sticky', 'spec.sessionAffinity', 'Unsupported value: "Sticky": supported values: "ClientIP", "None"', svcSpec({ sessionAffinity: 'Sticky' })),
  bad(SVC, 'service-session-affinity', 'sessionAffinity in lowercase', 'spec.sessionAffinity', 'Unsupported value: "clientip"', svcSpec({ sessionAffinity: 'clientip' })),

  // loadBalancerSourceRanges and its annotation
  ok(SVC, 'service-source-ranges', 'LoadBalancer with two source ranges', lb({ loadBalancerSourceRanges: ['10.0.0.0/8', '192.168.0.0/16'] })),
  ok(SVC, 'service-source-ranges', 'source range with host bits set', lb({ loadBalancerSourceRanges: ['10.0.0.1/24'] })),
  ok(SVC, 'service-source-ranges', 'IPv6 source range', lb({ loadBalancerSourceRanges: ['fd00::/8'] })),
  ok(SVC, 'service-source-ranges', 'source range with surrounding spaces (ParseIPNets trims)', lb({ loadBalancerSourceRanges: [' 10.0.0.0/8 '] })),
  bad(SVC, 'service-source-ranges', 'source ranges on a NodePort Service', 'spec.LoadBalancerSourceRanges', MSG.onlyLoadBalancer,
    svcSpec({ type: 'NodePort', loadBalancerSourceRanges: ['10.0.0.0/8'] })),
  bad(SVC, 'service-source-ranges', 'source ranges on a ClusterIP Service', 'spec.LoadBalancerSourceRanges', MSG.onlyLoadBalancer, svcSpec({ loadBalancerSourceRanges: ['10.0.0.0/8'] })),
  bad(SVC, 'service-source-ranges', 'source range that is a bare IP', 'spec.LoadBalancerSourceRanges', MSG.sourceRanges, lb({ loadBalancerSourceRanges: ['10.0.0.1'] })),
  bad(SVC, 'service-source-ranges', 'source range with prefix /33', 'spec.LoadBalancerSourceRanges', MSG.sourceRanges, lb({ loadBalancerSourceRanges: ['10.0.0.0/8', '10.0.0.0/33'] })),
  bad(SVC, 'service-source-ranges', 'IPv6 source range with prefix /129', 'spec.LoadBalancerSourceRanges', MSG.sourceRanges, lb({ loadBalancerSourceRanges: ['fd00::/129'] })),
  ok(SVC, 'service-source-ranges', 'source-ranges annotation on a LoadBalancer', rangesAnnotation('10.0.0.0/8, 192.168.0.0/16', { type: 'LoadBalancer' })),
  ok('GetLoadBalancerSourceRanges', 'service-source-ranges', 'empty source-ranges annotation on a LoadBalancer (read as 0.0.0.0/0)', rangesAnnotation('', { type: 'LoadBalancer' })),
  bad(SVC, 'service-source-ranges', 'source-ranges annotation on a NodePort Service', 'metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]',
    MSG.onlyLoadBalancer, rangesAnnotation('10.0.0.0/8', { type: 'NodePort' })),
  bad(SVC, 'service-source-ranges', 'source-ranges annotation that is not a CIDR list', 'metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]',
    MSG.sourceRanges, rangesAnnotation('10.0.0.0/8,not-a-cidr', { type: 'LoadBalancer' })),

  // loadBalancerClass, allocateLoadBalancerNodePorts
  bad('validateLoadBalancerClassField', 'service-load-balancer-fields', 'loadBalancerClass on a ClusterIP Service', 'spec.loadBalancerClass', MSG.onlyLoadBalancer,
    svcSpec({ loadBalancerClass: 'example.com/internal-vip' })),
  bad('validateLoadBalancerClassField', 'service-load-balancer-fields', 'loadBalancerClass on a NodePort Service', 'spec.loadBalancerClass', MSG.onlyLoadBalancer,
    svcSpec({ type: 'NodePort', loadBalancerClass: 'example.com/internal-vip' })),
  ok('validateLoadBalancerClassField', 'service-load-balancer-fields', 'loadBalancerClass on a LoadBalancer', lb({ loadBalancerClass: 'example.com/internal-vip' })),
  ok('validateLoadBalancerClassField', 'service-load-balancer-fields', 'loadBalancerClass null on a ClusterIP Service', svcSpec({ loadBalancerClass: null })),
  bad('validateLoadBalancerClassField', 'service-load-balancer-fields', 'empty loadBalancerClass on a LoadBalancer', 'spec.loadBalancerClass', MSG.nameEmpty, lb({ loadBalancerClass: '' })),
  bad('validateLoadBalancerClassField', 'service-load-balancer-fields', 'loadBalancerClass with two slashes', 'spec.loadBalancerClass', MSG.qualifiedNameSlashes, lb({ loadBalancerClass: 'a/b/c' })),
  bad('validateLoadBalancerClassField', 'service-load-balancer-fields', 'loadBalancerClass with an uppercase prefix', 'spec.loadBalancerClass', MSG.prefixSubdomain,
    lb({ loadBalancerClass: 'Example.com/vip' })),
  bad(SVC, 'service-load-balancer-fields', 'allocateLoadBalancerNodePorts on a NodePort Service', 'spec.allocateLoadBalancerNodePorts', MSG.onlyLoadBalancer,
    svcSpec({ type: 'NodePort', allocateLoadBalancerNodePorts: true })),
  bad(SVC, 'service-load-balancer-fields', 'allocateLoadBalancerNodePorts false on a ClusterIP Service', 'spec.allocateLoadBalancerNodePorts', MSG.onlyLoadBalancer,
    svcSpec({ allocateLoadBalancerNodePorts: false })),
  ok(SVC, 'service-load-balancer-fields', 'allocateLoadBalancerNodePorts false on a LoadBalancer', lb({ allocateLoadBalancerNodePorts: false })),

  // traffic policies
  bad('validateServiceExternalTrafficPolicy', 'service-traffic-policy', 'externalTrafficPolicy Cluster on a ClusterIP Service', 'spec.externalTrafficPolicy',
    "Invalid value: \"Cluster\": may only be set when `type` is 'NodePort' or 'LoadBalancer'", svcSpec({ externalTrafficPolicy: 'Cluster' })),
  bad('validateServiceExternalTrafficPolicy', 'service-traffic-policy', 'externalTrafficPolicy Local on an ExternalName Service', 'spec.externalTrafficPolicy',
    "may only be set when `type` is 'NodePort' or 'LoadBalancer'", externalName({ externalTrafficPolicy: 'Local' })),
  bad('validateServiceExternalTrafficPolicy', 'service-traffic-policy', 'externalTrafficPolicy on a ClusterIP Service with externalIPs (1.27 has no ExternallyAccessible)',
    'spec.externalTrafficPolicy', "may only be set when `type` is 'NodePort' or 'LoadBalancer'", svcSpec({ externalIPs: ['203.0.113.10'], externalTrafficPolicy: 'Local' })),
  ok('validateServiceExternalTrafficPolicy', 'service-traffic-policy', 'externalTrafficPolicy Local on a NodePort Service', svcSpec({ type: 'NodePort', externalTrafficPolicy: 'Local' })),
  ok('validateServiceExternalTrafficPolicy', 'service-traffic-policy', 'externalTrafficPolicy Local on a LoadBalancer', lb({ externalTrafficPolicy: 'Local' })),
  ok('validateServiceExternalTrafficPolicy', 'service-traffic-policy', 'empty externalTrafficPolicy on a ClusterIP Service', svcSpec({ externalTrafficPolicy: '' })),
  bad('validateServiceExternalTrafficPolicy', 'service-traffic-policy', 'externalTrafficPolicy Global', 'spec.externalTrafficPolicy',
    'Unsupported value: "Global": supported values: "Cluster", "Local"', svcSpec({ type: 'NodePort', externalTrafficPolicy: 'Global' })),
  ok('validateServiceInternalTrafficFieldsValue', 'service-traffic-policy', 'internalTrafficPolicy Local', svcSpec({ internalTrafficPolicy: 'Local' })),
  ok('validateServiceInternalTrafficFieldsValue', 'service-traffic-policy', 'internalTrafficPolicy Local on an ExternalName Service', externalName({ internalTrafficPolicy: 'Local' })),
  bad('validateServiceInternalTrafficFieldsValue', 'service-traffic-policy', 'internalTrafficPolicy Node', 'spec.internalTrafficPolicy',
    'Unsupported value: "Node": supported values: "Cluster", "Local"', svcSpec({ internalTrafficPolicy: 'Node' })),
  bad('validateServiceInternalTrafficFieldsValue', 'service-traffic-policy', 'empty internalTrafficPolicy (not defaulted: the pointer is set)', 'spec.internalTrafficPolicy',
    'Unsupported value: ""', svcSpec({ internalTrafficPolicy: '' })),
  bad('validateServiceInternalTrafficFieldsValue', 'service-traffic-policy', 'internalTrafficPolicy Node on an ExternalName Service', 'spec.internalTrafficPolicy',
    'Unsupported value: "Node"', externalName({ internalTrafficPolicy: 'Node' })),

  // healthCheckNodePort
  bad('validateServiceExternalTrafficPolicy', 'service-health-check-node-port', 'healthCheckNodePort on a LoadBalancer with policy Cluster', 'spec.healthCheckNodePort',
    "Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'", lb({ healthCheckNodePort: 30100 })),
  bad('validateServiceExternalTrafficPolicy', 'service-health-check-node-port', 'healthCheckNodePort on a NodePort Service with policy Local', 'spec.healthCheckNodePort',
    "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'", svcSpec({ type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 })),
  bad('validateServiceExternalTrafficPolicy', 'service-health-check-node-port', 'healthCheckNodePort on a ClusterIP Service', 'spec.healthCheckNodePort',
    "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'", svcSpec({ healthCheckNodePort: 30100 })),
  ok('validateServiceExternalTrafficPolicy', 'service-health-check-node-port', 'healthCheckNodePort on a LoadBalancer with policy Local',
    lb({ externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 })),
  bad('validateServiceExternalTrafficPolicy', 'service-health-check-node-port', 'healthCheckNodePort 65536', 'spec.healthCheckNodePort', MSG.portRange,
    lb({ externalTrafficPolicy: 'Local', healthCheckNodePort: 65536 })),
  ok('validateServiceExternalTrafficPolicy', 'service-health-check-node-port', 'healthCheckNodePort 0 means unset', svcSpec({ healthCheckNodePort: 0 })),

  // externalIPs: IsValidIP, ValidateNonSpecialIP
  ok('IsValidIP', 'service-external-ips', 'externalIP 203.0.113.10', externalIPs('203.0.113.10')),
  ok('IsValidIP', 'service-external-ips', 'IPv6 externalIP', externalIPs('2001:db8::10')),
  ok('IsValidIP', 'service-external-ips', 'externalIP with leading zeros (ParseIPSloppy)', externalIPs('010.1.1.1')),
  ok('ValidateNonSpecialIP', 'service-external-ips', 'multicast externalIP outside 224.0.0.0/24', externalIPs('224.0.1.1')),
  bad('IsValidIP', 'service-external-ips', 'externalIP that is not an IP', 'spec.externalIPs[0]', `Invalid value: "not-an-ip": ${MSG.ip}`, externalIPs('not-an-ip')),
  bad('IsValidIP', 'service-external-ips', 'externalIP given as a CIDR', 'spec.externalIPs[0]', MSG.ip, externalIPs('10.0.0.0/8')),
  bad('ValidateNonSpecialIP', 'service-external-ips', 'loopback externalIP 127.0.0.1', 'spec.externalIPs[0]', 'may not be in the loopback range (127.0.0.0/8, ::1/128)', externalIPs('127.0.0.1')),
  bad('ValidateNonSpecialIP', 'service-external-ips', 'loopback externalIP ::1', 'spec.externalIPs[0]', 'may not be in the loopback range (127.0.0.0/8, ::1/128)', externalIPs('::1')),
  bad('ValidateNonSpecialIP', 'service-external-ips', 'link-local externalIP 169.254.1.1', 'spec.externalIPs[0]', 'may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    externalIPs('169.254.1.1')),
  bad('ValidateNonSpecialIP', 'service-external-ips', 'link-local externalIP fe80::1', 'spec.externalIPs[0]', 'may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    externalIPs('fe80::1')),
  bad('ValidateNonSpecialIP', 'service-external-ips', 'unspecified externalIP 0.0.0.0', 'spec.externalIPs[0]', 'may not be unspecified (0.0.0.0)', externalIPs('0.0.0.0')),
  bad('ValidateNonSpecialIP', 'service-external-ips', 'unspecified externalIP ::', 'spec.externalIPs[0]', 'may not be unspecified (::)', externalIPs('::')),
  bad('ValidateNonSpecialIP', 'service-external-ips', 'link-local multicast externalIP 224.0.0.1', 'spec.externalIPs[0]',
    'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)', externalIPs('224.0.0.1')),
  bad('ValidateNonSpecialIP', 'service-external-ips', 'link-local multicast externalIP ff02::1', 'spec.externalIPs[0]',
    'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)', externalIPs('ff02::1')),
  bad('ValidateNonSpecialIP', 'service-external-ips', 'second externalIP in the loopback range', 'spec.externalIPs[1]', 'may not be in the loopback range',
    externalIPs('203.0.113.10', '127.0.0.2')),

  // spec.selector: ValidateLabels
  bad('ValidateLabels', 'service-selector', 'selector key with a space', 'spec.selector', MSG.qualifiedNamePart, app({ spec: { selector: { 'bad key': 'web' } } })),
  bad('ValidateLabels', 'service-selector', 'selector key with two slashes', 'spec.selector', MSG.qualifiedNameSlashes, app({ spec: { selector: { 'a/b/c': 'web' } } })),
  bad('IsValidLabelValue', 'service-selector', 'selector value of 64 characters', 'spec.selector', MSG.max63, app({ spec: { selector: { app: repeat('w', 64) } } })),
  bad('IsValidLabelValue', 'service-selector', 'selector value starting with a hyphen', 'spec.selector', MSG.labelValue, app({ spec: { selector: { app: '-web' } } })),
  ok('ValidateLabels', 'service-selector', 'selector with a prefixed key',
    app({ spec: { selector: { 'app.kubernetes.io/name': 'web' } } }, { spec: { template: { metadata: { labels: { 'app.kubernetes.io/name': 'web' } } } } })),
  ok('IsValidLabelValue', 'service-selector', 'selector with an empty value',
    app({ spec: { selector: { tier: '' } } }, { spec: { template: { metadata: { labels: { tier: '' } } } } })),

  // our warnings
  ok('cdk8s-services', 'service-external-ips-risk', 'externalIPs are accepted, with a warning', externalIPs('203.0.113.10'), { warns: true }),
  bad('cdk8s-services', 'service-external-ips-risk', 'externalIPs warn about CVE-2020-8554', 'spec.externalIPs', 'CVE-2020-8554', externalIPs('203.0.113.10')),
  ok('cdk8s-services', 'service-external-ips-risk', 'no externalIPs, no warning', app()),
  ok('cdk8s-services', 'service-open-load-balancer', 'LoadBalancer without source ranges is accepted, with a warning', svcSpec({ type: 'LoadBalancer' }), { warns: true }),
  bad('cdk8s-services', 'service-open-load-balancer', 'LoadBalancer without source ranges warns', 'spec.loadBalancerSourceRanges', 'accepts traffic from any address',
    svcSpec({ type: 'LoadBalancer' })),
  ok('cdk8s-services', 'service-open-load-balancer', 'LoadBalancer with source ranges does not warn', lb()),
  ok('cdk8s-services', 'service-open-load-balancer', 'LoadBalancer with the source-ranges annotation does not warn', rangesAnnotation('10.0.0.0/8', { type: 'LoadBalancer' })),
  ok('cdk8s-services', 'service-open-load-balancer', 'NodePort Service does not warn', svcSpec({ type: 'NodePort' })),

  // the IP allocator: requested cluster IPs lie in the service CIDR of their family (only with the serviceCIDRs option)
  ok('ipallocator', 'service-cluster-ip', 'clusterIP inside the service CIDR', svcSpec({ clusterIP: '10.96.0.10' }), { options: { serviceCIDRs: ['10.96.0.0/12'] } }),
  ok('ipallocator', 'service-cluster-ip', 'clusterIP at the last address of the service CIDR', svcSpec({ clusterIP: '10.111.255.255' }), { options: { serviceCIDRs: ['10.96.0.0/12'] } }),
  ok('ipallocator', 'service-cluster-ip', 'clusterIP anywhere when no service CIDR is given', svcSpec({ clusterIP: '1.1.1.1' })),
  // (an IPv6 clusterIP on an IPv4-only cluster is refused by initIPFamilyFields: see cases-service-create.ts)
  ok('ipallocator', 'service-cluster-ip', 'dual-stack clusterIPs inside both service CIDRs',
    svcSpec({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::10'], ipFamilyPolicy: 'RequireDualStack' }), { options: { serviceCIDRs: ['10.96.0.0/12', 'fd00::/108'] } }),
  ok('ipallocator', 'service-cluster-ip', 'headless Service with a service CIDR', svcSpec({ clusterIP: 'None' }), { options: { serviceCIDRs: ['10.96.0.0/12'] } }),
  bad('ipallocator', 'service-cluster-ip', 'clusterIP outside the service CIDR', 'spec.clusterIPs',
    'failed to allocate IP 1.1.1.1: the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.43.0.0/16',
    svcSpec({ clusterIP: '1.1.1.1' }), { serviceCIDRs: ['10.43.0.0/16'] }),
  bad('ipallocator', 'service-cluster-ip', 'clusterIP one past the service CIDR', 'spec.clusterIPs', 'is not in the valid range',
    svcSpec({ clusterIP: '10.112.0.0' }), { serviceCIDRs: ['10.96.0.0/12'] }),
  bad('ipallocator', 'service-cluster-ip', 'IPv6 clusterIP outside the IPv6 service CIDR', 'spec.clusterIPs', 'The range of valid IPs is fd00::/108',
    svcSpec({ clusterIP: 'fd00::1:0:0' }), { serviceCIDRs: ['10.96.0.0/12', 'fd00::/108'] }),

  // null decodes as the unset value
  ok(PORT, 'service-port-name', 'port name null on a single port', svcPorts({ ...HTTP_PORT, name: null })),
  ok(PORT, 'service-app-protocol', 'appProtocol null', svcPorts({ ...HTTP_PORT, appProtocol: null })),
];
