// Conformance cases for the Service create path after defaulting (Kubernetes 1.27 pkg/registry/core/service/storage):
// the IP family policy initIPFamilyFields gives an absent ipFamilyPolicy, the families a cluster with known service
// CIDRs is configured for, the allocations one input can already show as conflicting (cluster IPs and node ports
// are cluster-wide; a healthCheckNodePort comes from the same allocator), and spec.trafficDistribution by target
// Kubernetes version (validateServiceTrafficDistribution, 1.30+).
import { Case, HTTP_PORT, bad, deployment, ok, service, svcSpec } from './cases-builders';
import { UnknownFields } from '../../src';

const INIT = 'initIPFamilyFields';
const ALLOC = 'allocClusterIPs';
const NODE_PORTS = 'initNodePorts';
const HEALTH = 'allocHealthCheckNodePort';
const TRAFFIC = 'validateServiceTrafficDistribution';
const V4 = { serviceCIDRs: ['10.96.0.0/12'] };
const DUAL = { serviceCIDRs: ['10.96.0.0/12', 'fd00::/108'] };

/** A second Service `api` selecting the same pods, with `spec` patched. */
function api(spec: object, namespace?: string): object {
  return service({ metadata: { name: 'api', namespace }, spec });
}

/** A LoadBalancer Service `web` with externalTrafficPolicy Local, port 80 on nodePort 30080, with `spec` patched. */
function localLB(spec: object = {}): object {
  return service({
    spec: {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      loadBalancerSourceRanges: ['10.0.0.0/8'],
      ports: [{ ...HTTP_PORT, nodePort: 30080 }],
      ...spec,
    },
  });
}

export const SERVICE_CREATE_CASES: Case[] = [
  // initIPFamilyFields: an absent ipFamilyPolicy is SingleStack (RequireDualStack for a headless Service without a
  // selector), and SingleStack takes one family and one cluster IP
  bad(INIT, 'service-ip-families', 'two ipFamilies and no ipFamilyPolicy (defaults to SingleStack)', 'spec.ipFamilyPolicy',
    'Invalid value: "SingleStack": must be \'RequireDualStack\' or \'PreferDualStack\' when multiple IP families are specified (an absent ipFamilyPolicy defaults to SingleStack)',
    svcSpec({ ipFamilies: ['IPv4', 'IPv6'] })),
  bad(INIT, 'service-ip-families', 'two clusterIPs and no ipFamilyPolicy (defaults to SingleStack)', 'spec.ipFamilyPolicy',
    'Invalid value: "SingleStack": must be \'RequireDualStack\' or \'PreferDualStack\' when multiple cluster IPs are specified',
    svcSpec({ clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', 'fd00::10'] })),
  bad(INIT, 'service-ip-families', 'two ipFamilies with a null ipFamilyPolicy (null is absent)', 'spec.ipFamilyPolicy', 'when multiple IP families are specified',
    svcSpec({ ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: null })),
  ok(INIT, 'service-ip-families', 'two ipFamilies on a headless Service without a selector (defaults to RequireDualStack)',
    [service({ spec: { clusterIP: 'None', selector: undefined, ipFamilies: ['IPv4', 'IPv6'] } })]),
  bad(INIT, 'service-ip-families', 'two ipFamilies on a headless Service with a selector (defaults to SingleStack)', 'spec.ipFamilyPolicy',
    'when multiple IP families are specified', svcSpec({ clusterIP: 'None', ipFamilies: ['IPv4', 'IPv6'] })),
  ok(INIT, 'service-ip-families', 'one ipFamily and no ipFamilyPolicy', svcSpec({ ipFamilies: ['IPv6'] })),
  ok(INIT, 'service-ip-families', 'two ipFamilies with PreferDualStack', svcSpec({ ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' })),

  // initIPFamilyFields on a cluster whose service CIDRs are given: the families it is configured for
  ok(INIT, 'service-ip-families', 'IPv4 clusterIP on an IPv4 cluster', svcSpec({ clusterIP: '10.96.0.10' }), { options: V4 }),
  ok(INIT, 'service-ip-families', 'RequireDualStack on a dual-stack cluster', svcSpec({ ipFamilyPolicy: 'RequireDualStack' }), { options: DUAL }),
  ok(INIT, 'service-ip-families', 'PreferDualStack on a single-stack cluster', svcSpec({ ipFamilyPolicy: 'PreferDualStack' }), { options: V4 }),
  ok(INIT, 'service-ip-families', 'headless Service without a selector asking for IPv6 on an IPv4 cluster (not checked)',
    [service({ spec: { clusterIP: 'None', selector: undefined, ipFamilies: ['IPv6'] } })], { options: V4 }),
  bad(INIT, 'service-ip-families', 'IPv6 clusterIP on an IPv4 cluster', 'spec.clusterIPs[0]', 'Invalid value: ["fd00::10"]: IPv6 is not configured on this cluster',
    svcSpec({ clusterIP: 'fd00::10' }), V4),
  bad(INIT, 'service-ip-families', 'RequireDualStack on a single-stack cluster', 'spec.ipFamilyPolicy',
    'Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services', svcSpec({ ipFamilyPolicy: 'RequireDualStack' }), V4),
  bad(INIT, 'service-ip-families', 'ipFamilies IPv6 on an IPv4 cluster', 'spec.ipFamilies[0]', 'Invalid value: "IPv6": not configured on this cluster',
    svcSpec({ ipFamilies: ['IPv6'] }), V4),

  // allocClusterIPs: a cluster IP is allocated once, cluster-wide
  ok(ALLOC, 'service-cluster-ip', 'two Services with different clusterIPs', [...svcSpec({ clusterIP: '10.96.0.10' }), api({ clusterIP: '10.96.0.11' })]),
  ok(ALLOC, 'service-cluster-ip', 'two headless Services', [...svcSpec({ clusterIP: 'None' }), api({ clusterIP: 'None' })]),
  bad(ALLOC, 'service-cluster-ip', 'two Services asking for the same clusterIP', 'spec.clusterIPs',
    'Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated (Service default/web asks for it earlier in the input)',
    [...svcSpec({ clusterIP: '10.96.0.10' }), api({ clusterIP: '10.96.0.10' })]),
  bad(ALLOC, 'service-cluster-ip', 'the same clusterIP in two namespaces (cluster IPs are cluster-wide)', 'spec.clusterIPs', 'provided IP is already allocated',
    [...svcSpec({ clusterIP: '10.96.0.10' }), api({ clusterIP: '10.96.0.10' }, 'shop')]),
  bad(ALLOC, 'service-cluster-ip', 'the same IPv6 clusterIP written two ways', 'spec.clusterIPs', 'failed to allocate IP fd00:0:0::a: provided IP is already allocated',
    [...svcSpec({ clusterIP: 'fd00::a', ipFamilies: ['IPv6'] }), api({ clusterIP: 'fd00:0:0::a', ipFamilies: ['IPv6'] })]),

  // initNodePorts: a node port is allocated once, cluster-wide and whatever the protocol
  ok(NODE_PORTS, 'service-node-port', 'two Services with different nodePorts',
    [...svcSpec({ type: 'NodePort', ports: [{ ...HTTP_PORT, nodePort: 30080 }] }), api({ type: 'NodePort', ports: [{ ...HTTP_PORT, nodePort: 30081 }] })]),
  ok(NODE_PORTS, 'service-node-port', 'a ClusterIP Service with the same port number does not take a node port',
    [...svcSpec({ type: 'NodePort', ports: [{ ...HTTP_PORT, nodePort: 30080 }] }), api({ ports: [{ ...HTTP_PORT, port: 30080 }] })]),
  bad(NODE_PORTS, 'service-node-port', 'two NodePort Services asking for the same nodePort', 'spec.ports[0].nodePort',
    'Invalid value: 30080: provided port is already allocated (Service default/web asks for it earlier in the input)',
    [...svcSpec({ type: 'NodePort', ports: [{ ...HTTP_PORT, nodePort: 30080 }] }), api({ type: 'NodePort', ports: [{ ...HTTP_PORT, nodePort: 30080 }] })]),
  bad(NODE_PORTS, 'service-node-port', 'the same nodePort for TCP in one Service and UDP in another', 'spec.ports[0].nodePort', 'provided port is already allocated',
    [...svcSpec({ type: 'NodePort', ports: [{ ...HTTP_PORT, nodePort: 30053 }] }),
      api({ type: 'NodePort', ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53, nodePort: 30053 }] })]),
  bad(NODE_PORTS, 'service-node-port', 'a LoadBalancer asking for a NodePort Service\'s nodePort in another namespace', 'spec.ports[0].nodePort', 'provided port is already allocated',
    [...svcSpec({ type: 'NodePort', ports: [{ ...HTTP_PORT, nodePort: 30080 }] }),
      api({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8'], ports: [{ ...HTTP_PORT, nodePort: 30080 }] }, 'shop')]),

  // allocHealthCheckNodePort: from the same allocator, after the Service's own node ports
  ok(HEALTH, 'service-health-check-node-port', 'healthCheckNodePort apart from the nodePorts', [localLB({ healthCheckNodePort: 30081 }), deployment()]),
  bad(HEALTH, 'service-health-check-node-port', 'healthCheckNodePort equal to a nodePort of the same Service', 'spec.healthCheckNodePort',
    'Invalid value: 30080: failed to allocate requested HealthCheck NodePort 30080: provided port is already allocated (the nodePort of port 80 of this Service)',
    [localLB({ healthCheckNodePort: 30080 }), deployment()]),
  bad(HEALTH, 'service-health-check-node-port', 'healthCheckNodePort equal to another Service\'s nodePort', 'spec.healthCheckNodePort',
    'failed to allocate requested HealthCheck NodePort 30090: provided port is already allocated (Service default/api asks for it earlier in the input)',
    [api({ type: 'NodePort', ports: [{ ...HTTP_PORT, nodePort: 30090 }] }), localLB({ healthCheckNodePort: 30090 }), deployment()]),
  bad(NODE_PORTS, 'service-node-port', 'a nodePort equal to another Service\'s healthCheckNodePort', 'spec.ports[0].nodePort', 'provided port is already allocated',
    [localLB({ healthCheckNodePort: 30090 }), api({ type: 'NodePort', ports: [{ ...HTTP_PORT, nodePort: 30090 }] }), deployment()]),

  // spec.trafficDistribution: unknown before 1.30, dropped on 1.30, PreferClose from 1.31, PreferSameZone/Node from 1.34
  bad('strict decoding (UnmarshalStrict: 1.27 has no spec.trafficDistribution)', 'object-unknown-field', 'trafficDistribution on Kubernetes 1.27', 'spec.trafficDistribution',
    'unknown field "spec.trafficDistribution": Kubernetes 1.27 has no such field (it came in 1.30)', svcSpec({ trafficDistribution: 'PreferClose' })),
  ok('dropServiceDisabledFields (1.30)', 'service-traffic-distribution-ignored', 'no trafficDistribution on 1.30', svcSpec({}), { options: { kubernetesVersion: '1.30' } }),
  ok('dropServiceDisabledFields (1.30)', 'service-traffic-distribution-ignored', 'trafficDistribution on 1.30 is dropped (a warning)',
    svcSpec({ trafficDistribution: 'PreferClose' }), { options: { kubernetesVersion: '1.30' }, warns: true }),
  bad('dropServiceDisabledFields (1.30)', 'service-traffic-distribution-ignored', 'trafficDistribution on 1.30 is dropped', 'spec.trafficDistribution',
    '"PreferClose" is dropped on create: the ServiceTrafficDistribution feature gate is off by default in Kubernetes 1.30', svcSpec({ trafficDistribution: 'PreferClose' }),
    { kubernetesVersion: '1.30' }),
  ok(TRAFFIC, 'service-traffic-distribution', 'PreferClose on 1.31', svcSpec({ trafficDistribution: 'PreferClose' }), { options: { kubernetesVersion: '1.31' } }),
  ok(TRAFFIC, 'service-traffic-distribution', 'PreferSameNode on 1.34', svcSpec({ trafficDistribution: 'PreferSameNode' }), { options: { kubernetesVersion: 'v1.34.1' } }),
  ok(TRAFFIC, 'service-traffic-distribution', 'no trafficDistribution on 1.27', svcSpec({})),
  ok('strict decoding (UnmarshalStrict)', 'object-unknown-field', 'trafficDistribution on 1.27 with unknown fields as warnings', svcSpec({ trafficDistribution: 'PreferClose' }),
    { options: { unknownFields: UnknownFields.WARNING }, warns: true }),
  ok('strict decoding (UnmarshalStrict)', 'object-unknown-field', 'a field after 1.27 (a native sidecar\'s restartPolicy) targeting 1.29: a warning',
    [deployment({ spec: { template: { spec: { initContainers: [{ name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' }] } } } })],
    { options: { kubernetesVersion: '1.29' }, warns: true }),
  bad(TRAFFIC, 'service-traffic-distribution', 'PreferSameZone on 1.33 (its gate is off until 1.34)', 'spec.trafficDistribution',
    'Unsupported value: "PreferSameZone": supported values: "PreferClose"', svcSpec({ trafficDistribution: 'PreferSameZone' }), { kubernetesVersion: '1.33' }),
  bad(TRAFFIC, 'service-traffic-distribution', 'a lowercase value on 1.35', 'spec.trafficDistribution',
    'Unsupported value: "preferClose": supported values: "PreferClose", "PreferSameNode", "PreferSameZone"', svcSpec({ trafficDistribution: 'preferClose' }), { kubernetesVersion: '1.35' }),
];

