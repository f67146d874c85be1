// Conformance cases for discovery.k8s.io/v1 EndpointSlice (ValidateEndpointSlice, Kubernetes 1.27
// pkg/apis/discovery/validation/validation.go), the wiring of a slice to its Service, and a StatefulSet's governing
// Service.
import { Case, MSG, bad, deployment, lone, merge, ok, service } from './cases-builders';

const SRC = 'ValidateEndpointSlice';
const OURS = 'cdk8s-services';

/** A valid EndpointSlice `legacy-1` for Service `legacy`, one IPv4 endpoint, port `http` 8080/TCP; `patch` applied. */
function slice(patch: object = {}): any {
  return merge({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'legacy-1', labels: { 'kubernetes.io/service-name': 'legacy', 'endpointslice.kubernetes.io/managed-by': 'cdk8s-services' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.20.0.15'], conditions: { ready: true } }],
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  }, patch);
}

/** The selector-less Service `legacy` (port `http` 80 → 8080) and the slice. */
function withService(slicePatch: object = {}, servicePatch: object = {}): unknown[] {
  return [
    ...lone({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }, { name: 'legacy' }).map(s => merge(s, servicePatch)),
    slice(slicePatch),
  ];
}

/** The slice with these endpoints. */
function endpoints(...list: object[]): unknown[] {
  const s = slice();
  s.endpoints = list;
  return withService({}, {}).slice(0, 1).concat([s]);
}

/** A StatefulSet `db` (pods `app: web`) governed by `serviceName`, with `extra` manifests. */
function statefulSet(serviceName: string | undefined, ...extra: unknown[]): unknown[] {
  const sts = merge(deployment(), { kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName } });
  return [sts, ...extra];
}

export const ENDPOINTSLICE_CASES: Case[] = [
  // addressType
  ok(SRC, 'endpointslice-address-type', 'IPv4, IPv6 and FQDN slices', [...withService(), slice({ metadata: { name: 'legacy-2' }, addressType: 'IPv6', endpoints: [{ addresses: ['2001:db8::15'] }] })]),
  bad(SRC, 'endpointslice-address-type', 'addressType missing', 'addressType', 'Required value', withService({ addressType: undefined })),
  bad(SRC, 'endpointslice-address-type', 'the deprecated v1beta1 type IP', 'addressType', 'Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"', withService({ addressType: 'IP' })),
  ok(SRC, 'endpointslice-fqdn', 'an IPv4 slice draws no deprecation warning', withService()),
  bad('WarningsOnCreate', 'endpointslice-fqdn', 'an FQDN slice is accepted, with a warning', 'addressType', 'FQDN endpoints are deprecated',
    withService({ addressType: 'FQDN', endpoints: [{ addresses: ['legacy.example.com'] }] })),
  bad(SRC, 'endpointslice-endpoints', 'an FQDN of one label', 'endpoints[0].addresses[0]', 'should be a domain with at least two segments separated by dots',
    withService({ addressType: 'FQDN', endpoints: [{ addresses: ['legacy'] }] })),
  // endpoints
  ok(SRC, 'endpointslice-endpoints', 'no endpoints at all (endpoints: null)', withService({ endpoints: null })),
  ok(SRC, 'endpointslice-endpoints', '1000 endpoints', endpoints(...Array.from({ length: 1000 }, (_, i) => ({ addresses: [`10.1.${Math.floor(i / 250)}.${i % 250 + 1}`] })))),
  bad(SRC, 'endpointslice-endpoints', '1001 endpoints', 'endpoints', 'Too many: 1001: must have at most 1000 items',
    endpoints(...Array.from({ length: 1001 }, (_, i) => ({ addresses: [`10.1.${Math.floor(i / 250)}.${i % 250 + 1}`] })))),
  bad(SRC, 'endpointslice-endpoints', 'an endpoint without addresses', 'endpoints[0].addresses', 'Required value: must contain at least 1 address', endpoints({ addresses: [] })),
  ok(SRC, 'endpointslice-endpoints', 'an endpoint with 100 addresses', endpoints({ addresses: Array.from({ length: 100 }, (_, i) => `10.2.0.${i + 1}`) })),
  bad(SRC, 'endpointslice-endpoints', 'an endpoint with 101 addresses', 'endpoints[0].addresses', 'Too many: 101: must have at most 100 items',
    endpoints({ addresses: Array.from({ length: 101 }, (_, i) => `10.2.0.${i + 1}`) })),
  bad(SRC, 'endpointslice-endpoints', 'an IPv6 address in an IPv4 slice', 'endpoints[0].addresses[0]', 'Invalid value: "2001:db8::1": must be a valid IPv4 address',
    endpoints({ addresses: ['2001:db8::1'] })),
  bad(SRC, 'endpointslice-endpoints', 'an address that is no IP', 'endpoints[0].addresses[0]', 'Invalid value: "legacy-db": must be a valid IP address',
    endpoints({ addresses: ['legacy-db'] })),
  bad(SRC, 'endpointslice-endpoints', 'a loopback address', 'endpoints[0].addresses[0]', 'may not be in the loopback range (127.0.0.0/8, ::1/128)', endpoints({ addresses: ['127.0.0.1'] })),
  bad(SRC, 'endpointslice-endpoints', 'a link-local address', 'endpoints[0].addresses[0]', 'may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    endpoints({ addresses: ['169.254.169.254'] })),
  bad(SRC, 'endpointslice-endpoints', 'an unspecified address', 'endpoints[0].addresses[0]', 'may not be unspecified (0.0.0.0)', endpoints({ addresses: ['0.0.0.0'] })),
  ok(SRC, 'endpointslice-endpoints', 'hostname, nodeName, zone and conditions', endpoints({
    addresses: ['10.20.0.15'], hostname: 'legacy-0', nodeName: 'node-1.example.internal', zone: 'eu-west-1a', conditions: { ready: false, serving: true, terminating: true },
  })),
  bad(SRC, 'endpointslice-endpoints', 'a hostname that is not a DNS-1123 label', 'endpoints[0].hostname', MSG.dns1123Label, endpoints({ addresses: ['10.20.0.15'], hostname: 'legacy.db' })),
  bad(SRC, 'endpointslice-endpoints', 'a nodeName that is not a DNS subdomain', 'endpoints[0].nodeName', MSG.dns1123Subdomain, endpoints({ addresses: ['10.20.0.15'], nodeName: 'Node_1' })),
  ok(SRC, 'endpointslice-endpoints', '8 zone hints', endpoints({ addresses: ['10.20.0.15'], hints: { forZones: Array.from({ length: 8 }, (_, i) => ({ name: `z${i}` })) } })),
  bad(SRC, 'endpointslice-endpoints', '9 zone hints', 'endpoints[0].hints.forZones', 'Too many: 9: must have at most 8 items',
    endpoints({ addresses: ['10.20.0.15'], hints: { forZones: Array.from({ length: 9 }, (_, i) => ({ name: `z${i}` })) } })),
  bad(SRC, 'endpointslice-endpoints', 'a zone hint twice', 'endpoints[0].hints.forZones[1].name', 'Duplicate value: "a"',
    endpoints({ addresses: ['10.20.0.15'], hints: { forZones: [{ name: 'a' }, { name: 'a' }] } })),
  // the API server cannot decode it, and refuses it before validating it (decode-rules.ts): one finding, from decoding
  bad('encoding/json Unmarshal (sigs.k8s.io/json)', 'object-decode', 'endpoints that are not a list', 'endpoints',
    'json: cannot unmarshal string into Go struct field EndpointSlice.endpoints of type []v1.Endpoint', withService({ endpoints: '10.20.0.15' })),
  // ports
  ok(SRC, 'endpointslice-ports', 'one unnamed port, protocol defaulted to TCP', [...lone({ ports: [{ port: 80, targetPort: 8080 }] }, { name: 'legacy' }), slice({ ports: [{ port: 8080 }] })]),
  bad(SRC, 'endpointslice-ports', 'two unnamed ports', 'ports[1].name', 'Duplicate value: ""', withService({ ports: [{ port: 8080 }, { port: 8443 }] })),
  bad(SRC, 'endpointslice-ports', 'a port name that is not a DNS-1123 label', 'ports[0].name', MSG.dns1123Label, withService({ ports: [{ name: 'HTTP', port: 8080 }] })),
  bad(SRC, 'endpointslice-ports', 'a port protocol other than TCP, UDP or SCTP', 'ports[0].protocol', 'Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
    withService({ ports: [{ name: 'http', port: 8080, protocol: 'ICMP' }] })),
  bad(SRC, 'endpointslice-ports', 'an appProtocol that is not a qualified name', 'ports[0].appProtocol', MSG.qualifiedNameSlashes,
    withService({ ports: [{ name: 'http', port: 8080, appProtocol: 'a/b/c' }] })),
  ok(SRC, 'endpointslice-ports', 'port numbers are not validated (any int32)', withService({ ports: [{ name: 'http', port: 0 }] })),
  // the slice's Service
  ok(OURS, 'endpointslice-service', 'a slice for a Service without a selector, ports matching by name and protocol', withService()),
  bad(OURS, 'endpointslice-service', 'a slice for a Service with a selector', 'metadata.labels[kubernetes.io/service-name]', 'has a selector {"app":"web"}',
    [service({ metadata: { name: 'legacy' } }), deployment(), slice()]),
  bad(OURS, 'endpointslice-service', 'a slice port named differently from the Service port', 'ports[0].name', 'Service "legacy" has no port of this name (its ports: "http")',
    withService({ ports: [{ name: 'web', port: 8080 }] })),
  bad(OURS, 'endpointslice-service', 'a slice port with another protocol', 'ports[0].protocol', 'port "http" of Service "legacy" uses TCP',
    withService({ ports: [{ name: 'http', port: 8080, protocol: 'UDP' }] })),
  bad(OURS, 'endpointslice-service', 'a slice for an ExternalName Service', 'metadata.labels[kubernetes.io/service-name]', 'is an ExternalName Service',
    [service({ metadata: { name: 'legacy' }, spec: { type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: undefined } }), slice()]),
  ok(OURS, 'endpointslice-service', 'slices the cluster\'s controller manages are not ours to check',
    [service({ metadata: { name: 'legacy' } }), deployment(), slice({ metadata: { labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } } })]),
  ok(OURS, 'endpointslice-service-missing', 'the Service is in the input', withService()),
  bad(OURS, 'endpointslice-service-missing', 'a slice for a Service defined elsewhere: a warning', 'metadata.labels[kubernetes.io/service-name]',
    'names Service "legacy", which is not in these manifests in namespace "default"', [slice()]),
  bad(OURS, 'endpointslice-service-missing', 'a slice without the service-name label: a warning', 'metadata.labels[kubernetes.io/service-name]',
    'an EndpointSlice without the kubernetes.io/service-name label serves no Service', [slice({ metadata: { labels: { 'kubernetes.io/service-name': undefined } } })]),
  // a StatefulSet's governing Service
  ok(OURS, 'statefulset-service', 'serviceName names a headless Service selecting the pods',
    statefulSet('db', service({ metadata: { name: 'db' }, spec: { clusterIP: 'None' } }))),
  ok(OURS, 'statefulset-service', 'no serviceName', statefulSet(undefined)),
  bad(OURS, 'statefulset-service', 'serviceName names a Service that is not headless: a warning', 'spec.serviceName',
    'Service "db" is not headless (clusterIP: None)', statefulSet('db', service({ metadata: { name: 'db' } }))),
  bad(OURS, 'statefulset-service', 'serviceName names a headless Service selecting other pods: a warning', 'spec.serviceName',
    'Service "db" does not select this StatefulSet\'s pods (its selector: {"app":"other"})',
    statefulSet('db', service({ metadata: { name: 'db' }, spec: { clusterIP: 'None', selector: { app: 'other' } } }),
      merge(deployment(), { metadata: { name: 'other' }, spec: { selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'other' } } } } }))),
  bad(OURS, 'statefulset-service', 'serviceName names a Service defined elsewhere: a warning', 'spec.serviceName',
    'names Service "db", which is not in these manifests in namespace "default"', statefulSet('db')),
];
