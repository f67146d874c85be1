// Conformance cases for the objects that point at workloads, pods or Services (reference-rules.ts):
// HorizontalPodAutoscaler scale targets, PodDisruptionBudget selectors, Prometheus Operator monitors and their
// ports, and Gateway API route backends and their ports. An error where the input holds the target's namespace and
// nothing matches; a warning (reference-elsewhere) where the other end may be defined elsewhere.
import { Case, bad, container, deployment, inNamespace, merge, ok, service } from './cases-builders';

const OURS = 'cdk8s-services';
const HPA = `${OURS}; pkg/controller/podautoscaler/horizontal.go reconcileAutoscaler`;
const PDB = `${OURS}; pkg/controller/disruption/disruption.go getPodsForPdb`;
const EVICTION = `${OURS}; pkg/registry/core/pod/storage/eviction.go EvictionREST.Create; pkg/controller/disruption/disruption.go getExpectedPodCount`;
const MONITOR = `${OURS}; prometheus-operator pkg/prometheus/promcfg.go generateServiceMonitorConfig, generatePodMonitorConfig`;
const ROUTE = `${OURS}; gateway-api BackendObjectReference; envoyproxy/gateway validateBackendService`;
const GRANT = `${OURS}; gateway-api ReferenceGrant`;

type Json = any;

/** A HorizontalPodAutoscaler `web` (autoscaling/v2) scaling this target. */
function hpa(scaleTargetRef: Json, patch: Json = {}): Json {
  return merge({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web' },
    spec: { scaleTargetRef, minReplicas: 1, maxReplicas: 5 },
  }, patch);
}

/** The scale target of the base Deployment. */
const WEB = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };

/** A PodDisruptionBudget `name` with this selector (policy/v1, maxUnavailable 1 unless patched). */
function pdb(selector: Json, name = 'web', patch: Json = {}): Json {
  const spec = selector === undefined ? { maxUnavailable: 1 } : { maxUnavailable: 1, selector };
  return merge({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec }, patch);
}

/** A Deployment `name` whose pods are labelled `labels` (selected by all of them). */
function workload(name: string, labels: Json): Json {
  return merge(deployment({ metadata: { name } }), { spec: { selector: { matchLabels: labels }, template: { metadata: { labels } } } });
}

/** The base Service, labelled `app: web` so that a monitor can select it. */
function labelledService(patch: Json = {}): Json {
  return merge(service({ metadata: { labels: { app: 'web' } } }), patch);
}

/** A ServiceMonitor `web` with this spec. */
function serviceMonitor(spec: Json, metadata: Json = {}): Json {
  return { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'web', ...metadata }, spec };
}

/** A PodMonitor `web` with this spec. */
function podMonitor(spec: Json): Json {
  return { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor', metadata: { name: 'web' }, spec };
}

const SELECT_WEB = { matchLabels: { app: 'web' } };

/** A route `web` of this kind with one rule forwarding to these backends. */
function route(kind: string, backendRefs: Json[], rule: Json = {}, apiVersion = 'gateway.networking.k8s.io/v1'): Json {
  return {
    apiVersion,
    kind,
    metadata: { name: 'web' },
    spec: { parentRefs: [{ name: 'gateway' }], rules: [{ ...rule, backendRefs }] },
  };
}

/** The base Service and Deployment, with a DNS Service `dns` on 53/UDP (and 53/TCP when `tcp`) to a `dns` pod. */
function dnsApp(tcp = false): Json[] {
  const ports = [{ name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' }, ...(tcp ? [{ name: 'dns-tcp', port: 53, targetPort: 'dns-tcp' }] : [])];
  const containerPorts = [{ name: 'dns', containerPort: 5353, protocol: 'UDP' }, ...(tcp ? [{ name: 'dns-tcp', containerPort: 5353 }] : [])];
  return [
    service({ metadata: { name: 'dns' }, spec: { selector: { app: 'dns' }, ports } }),
    merge(workload('dns', { app: 'dns' }), { spec: { template: { spec: { containers: [container(containerPorts, 'dns')] } } } }),
  ];
}

export const REFERENCE_CASES: Case[] = [
  // HorizontalPodAutoscaler: the scale target is a scalable kind of its group, and is in the HPA's namespace
  ok(HPA, 'hpa-scale-target', 'autoscaling/v2 HPA scaling the Deployment of the input', [deployment(), hpa(WEB)]),
  ok(HPA, 'hpa-scale-target', 'autoscaling/v1 HPA scaling a StatefulSet', [
    merge(deployment(), { kind: 'StatefulSet', spec: { serviceName: 'web' } }), hpa({ ...WEB, kind: 'StatefulSet' }, { apiVersion: 'autoscaling/v1' }),
  ]),
  ok(HPA, 'hpa-scale-target', 'the autoscaler finds the target by group and kind: any apps version will do', [deployment(), hpa({ ...WEB, apiVersion: 'apps/v1beta2' })]),
  ok(HPA, 'hpa-scale-target', 'HPA and Deployment in the same namespace', inNamespace('shop', [deployment(), hpa(WEB)])),
  bad(HPA, 'hpa-scale-target', 'target name not in the namespace, which has workloads', 'spec.scaleTargetRef.name',
    'names Deployment "api" (apps/v1), which is not in namespace "default" of these manifests; the autoscaler reports FailedGetScale', [deployment(), hpa({ ...WEB, name: 'api' })]),
  bad(HPA, 'hpa-scale-target', 'target kind StatefulSet, a Deployment of that name in the input', 'spec.scaleTargetRef.name',
    'names StatefulSet "web" (apps/v1), which is not in namespace "default" of these manifests; Deployment "web" (apps/v1) is there', [deployment(), hpa({ ...WEB, kind: 'StatefulSet' })]),
  bad(HPA, 'hpa-scale-target', 'Deployment with apiVersion v1: no Deployment in the core group', 'spec.scaleTargetRef.apiVersion',
    'Invalid value: "v1": Deployment is served as apps/v1', [deployment(), hpa({ ...WEB, apiVersion: 'v1' })]),
  bad(HPA, 'hpa-scale-target', 'Deployment without apiVersion: the autoscaler looks in the core group', 'spec.scaleTargetRef.apiVersion',
    'Invalid value: null: Deployment is served as apps/v1', [deployment(), hpa({ ...WEB, apiVersion: undefined })]),
  bad(HPA, 'hpa-scale-target', 'a DaemonSet has no scale subresource', 'spec.scaleTargetRef.kind', 'apps/v1 serves no kind "DaemonSet" with a scale subresource',
    [merge(deployment(), { kind: 'DaemonSet', spec: { replicas: undefined } }), hpa({ ...WEB, kind: 'DaemonSet' })]),
  bad(HPA, 'hpa-scale-target', 'a lower-case kind names nothing', 'spec.scaleTargetRef.kind', 'serves no kind "deployment" with a scale subresource',
    [deployment(), hpa({ ...WEB, kind: 'deployment' })]),
  ok(HPA, 'reference-elsewhere', 'HPA alone: its target is presumably in other manifests, with a warning', [hpa(WEB)], { warns: true }),
  bad(HPA, 'reference-elsewhere', 'HPA alone warns', 'spec.scaleTargetRef.name',
    'names Deployment "web" (apps/v1), which is not in these manifests: these manifests have no workloads that an autoscaler scales in namespace "default"', [hpa(WEB)]),
  bad(HPA, 'reference-elsewhere', 'HPA beside CronJobs only: they say nothing about the Deployments of the namespace, a warning', 'spec.scaleTargetRef.name',
    'these manifests have no workloads that an autoscaler scales in namespace "default"',
    [{
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'scale-up' },
      spec: {
        schedule: '0 8 * * *',
        jobTemplate: {
          spec: {
            template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'kubectl', image: 'bitnami/kubectl:1.27' }] } },
          },
        },
      },
    }, hpa(WEB)]),
  ok(HPA, 'hpa-scale-target', 'an HPA marked as scaling a workload defined elsewhere', [merge(hpa(WEB), { metadata: { annotations: { 'cdk8s-services.io/backend': 'external' } } })]),
  bad(HPA, 'reference-elsewhere', 'HPA in a namespace without workloads, the Deployment in another', 'spec.scaleTargetRef.name', 'no workloads that an autoscaler scales in namespace "shop"',
    [...inNamespace('shop', [hpa(WEB)]), ...inNamespace('other', [deployment()])]),
  bad(HPA, 'reference-elsewhere', 'an Argo Rollout that is not in the input: a warning, never an error', 'spec.scaleTargetRef.name',
    'names Rollout "web" (argoproj.io/v1alpha1), a custom resource that is not in these manifests', [deployment(), hpa({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'web' })]),
  ok(HPA, 'reference-elsewhere', 'an Argo Rollout of the input', [
    merge(deployment(), { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' }), hpa({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'web' }),
  ]),
  ok(HPA, 'hpa-scale-target', 'linkage: false turns the check off', [deployment(), hpa({ ...WEB, name: 'api' })], { options: { linkage: false } }),

  // PodDisruptionBudget: the selector matches pods of the input
  ok(PDB, 'pdb-selector', 'selector matching the Deployment\'s pods', [deployment(), pdb(SELECT_WEB)]),
  ok(PDB, 'pdb-selector', 'matchExpressions In', [deployment(), pdb({ matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] })]),
  ok(PDB, 'pdb-selector', 'an empty selector selects every pod of the namespace (policy/v1)', [deployment(), pdb({})]),
  bad(PDB, 'pdb-selector', 'selector matching no pod template of the namespace', 'spec.selector',
    'selector {"matchLabels":{"app":"api"}} matches no pod template in namespace "default", so this PodDisruptionBudget protects nothing', [deployment(), pdb({ matchLabels: { app: 'api' } })]),
  bad(PDB, 'pdb-selector', 'matchExpressions NotIn excluding the only pods', 'spec.selector', 'matches no pod template in namespace "default"',
    [deployment(), pdb({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] })]),
  bad(PDB, 'pdb-selector', 'no selector: it selects no pods', 'spec.selector', 'no selector: a policy/v1 PodDisruptionBudget without one selects no pods', [deployment(), pdb(undefined)]),
  bad(PDB, 'reference-elsewhere', 'PDB alone warns', 'spec.selector', 'these manifests have no pods in namespace "default"', [pdb(SELECT_WEB)]),
  bad(PDB, 'reference-elsewhere', 'PDB in a namespace without workloads, the pods in another', 'spec.selector',
    'Deployment "web" in namespace "other" has matching pods, but a PodDisruptionBudget only selects pods in its own namespace',
    [...inNamespace('shop', [pdb(SELECT_WEB)]), ...inNamespace('other', [deployment()])]),
  ok(PDB, 'reference-elsewhere', 'a PDB of the pods of a custom resource its selector names says nothing', [
    { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'db' }, spec: { instances: 3 } }, deployment(),
    pdb({ matchLabels: { 'cnpg.io/cluster': 'db' } }, 'db'),
  ]),

  // PodDisruptionBudgets that overlap
  bad(EVICTION, 'pdb-overlap', 'two PDBs select the same pods: the eviction API refuses them', 'spec.selector',
    'selects the pods of Deployment "web", which PodDisruptionBudget "web" also selects: the eviction API refuses to evict a pod that more than one PodDisruptionBudget selects',
    [deployment(), pdb(SELECT_WEB), pdb({}, 'namespace-wide')]),
  ok(EVICTION, 'pdb-overlap', 'two PDBs over the same pods are accepted, with a warning', [deployment(), pdb(SELECT_WEB), pdb(SELECT_WEB, 'web-2')], { warns: true }),
  bad(EVICTION, 'pdb-overlap', 'one PDB over two apps (maxUnavailable): their disruptions count together', 'spec.selector',
    'selects the pods of Deployment "web" and of Deployment "api", whose app labels differ ("web" and "api"): one budget covers both, and the disruption controller sums their replicas',
    [workload('web', { app: 'web', tier: 'backend' }), workload('api', { app: 'api', tier: 'backend' }), pdb({ matchLabels: { tier: 'backend' } })]),
  bad(EVICTION, 'pdb-overlap', 'one PDB over two apps (minAvailable): one may lose every pod', 'spec.selector',
    'counts their healthy pods together against minAvailable, so evictions may take every pod of one while the other keeps the count met',
    [workload('web', { app: 'web', tier: 'backend' }), workload('api', { app: 'api', tier: 'backend' }),
      pdb({ matchLabels: { tier: 'backend' } }, 'backend', { spec: { maxUnavailable: undefined, minAvailable: 2 } })]),
  ok(EVICTION, 'pdb-overlap', 'one PDB per workload', [workload('web', { app: 'web' }), workload('api', { app: 'api' }), pdb(SELECT_WEB), pdb({ matchLabels: { app: 'api' } }, 'api')]),
  ok(EVICTION, 'pdb-overlap', 'one PDB over the stable and canary tracks of one app', [
    workload('web', { app: 'web', track: 'stable' }), workload('web-canary', { app: 'web', track: 'canary' }), pdb(SELECT_WEB),
  ]),

  // ServiceMonitor and PodMonitor: the selector matches Services (pods) in the namespaces the monitor selects
  ok(MONITOR, 'monitor-selector', 'ServiceMonitor selecting the Service by its labels', [labelledService(), deployment(), serviceMonitor({ selector: SELECT_WEB, endpoints: [{ port: 'http' }] })]),
  ok(MONITOR, 'monitor-selector', 'ServiceMonitor in another namespace, with namespaceSelector.matchNames', [
    ...inNamespace('shop', [labelledService(), deployment()]),
    serviceMonitor({ selector: SELECT_WEB, namespaceSelector: { matchNames: ['shop'] }, endpoints: [{ port: 'http' }] }, { namespace: 'monitoring' }),
  ]),
  ok(MONITOR, 'monitor-selector', 'namespaceSelector.any: the Services may be anywhere, so nothing is said', [
    serviceMonitor({ selector: { matchLabels: { app: 'api' } }, namespaceSelector: { any: true }, endpoints: [{ port: 'http' }] }),
  ]),
  bad(MONITOR, 'monitor-selector', 'ServiceMonitor selecting no Service of its namespace', 'spec.selector',
    'selector {"matchLabels":{"app":"api"}} matches no Service in namespace "default", so Prometheus scrapes nothing for this ServiceMonitor',
    [labelledService(), deployment(), serviceMonitor({ selector: { matchLabels: { app: 'api' } }, endpoints: [{ port: 'http' }] })]),
  bad(MONITOR, 'monitor-selector', 'a monitor without namespaceSelector selects in its own namespace only', 'spec.selector',
    'matches no Service in namespace "shop"; Service "web" in namespace "default" matches, but the monitor selects in namespace "shop": set spec.namespaceSelector.matchNames',
    [labelledService(), deployment(), ...inNamespace('shop', [service({ metadata: { name: 'db' } }), serviceMonitor({ selector: SELECT_WEB, endpoints: [{ port: 'http' }] })])]),
  bad(MONITOR, 'reference-elsewhere', 'a monitor of a namespace without Services warns, naming the Service of another', 'spec.selector',
    'matches no Service of these manifests in namespace "monitoring"; Service "web" in namespace "default" matches, but the monitor selects in namespace "monitoring"',
    [labelledService(), deployment(), serviceMonitor({ selector: SELECT_WEB, endpoints: [{ port: 'http' }] }, { namespace: 'monitoring' })]),
  ok(MONITOR, 'reference-elsewhere', 'a monitor of another namespace, named explicitly, of which the input holds nothing', [
    labelledService(), deployment(), serviceMonitor({ selector: { matchLabels: { 'k8s-app': 'kube-dns' } }, namespaceSelector: { matchNames: ['kube-system'] }, endpoints: [{ port: 'metrics' }] }),
  ]),
  bad(MONITOR, 'monitor-selector', 'ServiceMonitor without a selector', 'spec.selector', 'Required value: the ServiceMonitor schema requires a selector',
    [labelledService(), deployment(), serviceMonitor({ endpoints: [{ port: 'http' }] })]),
  ok(MONITOR, 'monitor-selector', 'PodMonitor selecting the Deployment\'s pods', [deployment(), podMonitor({ selector: SELECT_WEB, podMetricsEndpoints: [{ port: 'http' }] })]),
  bad(MONITOR, 'monitor-selector', 'PodMonitor selecting no pod template', 'spec.selector', 'matches no pod template in namespace "default"',
    [deployment(), podMonitor({ selector: { matchLabels: { app: 'api' } }, podMetricsEndpoints: [{ port: 'http' }] })]),
  ok(MONITOR, 'reference-elsewhere', 'a PodMonitor of the pods of a custom resource its selector names says nothing', [
    { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'db' }, spec: { instances: 3 } },
    podMonitor({ selector: { matchLabels: { 'cnpg.io/cluster': 'db' } }, podMetricsEndpoints: [{ port: 'metrics' }] }),
  ]),

  // monitor ports: a Service port name (ServiceMonitor port), a container port name or number (targetPort, PodMonitor)
  bad(MONITOR, 'monitor-port', 'ServiceMonitor port that no selected Service names', 'spec.endpoints[0].port',
    'names Service port "metrics", which no selected Service has (Service "web" has "http")', [labelledService(), deployment(), serviceMonitor({ selector: SELECT_WEB, endpoints: [{ port: 'metrics' }] })]),
  bad(MONITOR, 'monitor-port', 'ServiceMonitor port given as a number', 'spec.endpoints[0].port', 'Invalid value: 80: must be a string, the name of a Service port',
    [labelledService(), deployment(), serviceMonitor({ selector: SELECT_WEB, endpoints: [{ port: 80 }] })]),
  ok(MONITOR, 'monitor-port', 'ServiceMonitor targetPort by container port number', [labelledService(), deployment(), serviceMonitor({ selector: SELECT_WEB, endpoints: [{ targetPort: 8080 }] })]),
  ok(MONITOR, 'monitor-port', 'ServiceMonitor targetPort by container port name', [labelledService(), deployment(), serviceMonitor({ selector: SELECT_WEB, endpoints: [{ targetPort: 'http' }] })]),
  bad(MONITOR, 'monitor-port', 'ServiceMonitor targetPort is a container port, not the Service port', 'spec.endpoints[0].targetPort',
    'container port 80 is not declared by the pods behind the selected Services (Deployment "web" declares http (8080/TCP))',
    [labelledService(), deployment(), serviceMonitor({ selector: SELECT_WEB, endpoints: [{ targetPort: 80 }] })]),
  ok(MONITOR, 'monitor-port', 'PodMonitor port naming a container port', [deployment(), podMonitor({ selector: SELECT_WEB, podMetricsEndpoints: [{ port: 'http' }] })]),
  ok(MONITOR, 'monitor-port', 'PodMonitor portNumber', [deployment(), podMonitor({ selector: SELECT_WEB, podMetricsEndpoints: [{ portNumber: 8080 }] })]),
  bad(MONITOR, 'monitor-port', 'PodMonitor port that no container declares', 'spec.podMetricsEndpoints[0].port', 'container port "metrics" is not declared by the selected pods',
    [deployment(), podMonitor({ selector: SELECT_WEB, podMetricsEndpoints: [{ port: 'metrics' }] })]),
  bad(MONITOR, 'monitor-port', 'PodMonitor targetPort number that no container declares', 'spec.podMetricsEndpoints[0].targetPort', 'container port 9090 is not declared',
    [deployment(), podMonitor({ selector: SELECT_WEB, podMetricsEndpoints: [{ targetPort: 9090 }] })]),

  // Gateway API routes: Service backends of the input, by Service port number, with the route's protocol
  ok(ROUTE, 'route-backend', 'HTTPRoute to the Service\'s port 80', [service(), deployment(), route('HTTPRoute', [{ name: 'web', port: 80 }])]),
  ok(ROUTE, 'route-backend', 'v1beta1 HTTPRoute with an explicit core group and kind', [
    service(), deployment(), route('HTTPRoute', [{ group: '', kind: 'Service', name: 'web', port: 80 }], {}, 'gateway.networking.k8s.io/v1beta1'),
  ]),
  ok(ROUTE, 'route-backend', 'a backend of another kind is the implementation\'s business', [
    service(), deployment(), route('HTTPRoute', [{ group: 'multicluster.x-k8s.io', kind: 'ServiceImport', name: 'api', port: 80 }]),
  ]),
  bad(ROUTE, 'route-backend', 'HTTPRoute to a Service not in the namespace, which has Services', 'spec.rules[0].backendRefs[0].name',
    'names Service "api", which is not in namespace "default" of these manifests; the route\'s ResolvedRefs condition is False (BackendNotFound)',
    [service(), deployment(), route('HTTPRoute', [{ name: 'api', port: 80 }])]),
  bad(ROUTE, 'route-backend', 'requestMirror filter to a missing Service', 'spec.rules[0].filters[0].requestMirror.backendRef.name', 'names Service "shadow"',
    [service(), deployment(), route('HTTPRoute', [{ name: 'web', port: 80 }], { filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow', port: 80 } } }] })]),
  bad(ROUTE, 'reference-elsewhere', 'a route alone warns', 'spec.rules[0].backendRefs[0].name',
    'names Service "web" in namespace "default", which is not in these manifests: these manifests have no Services in namespace "default"', [route('HTTPRoute', [{ name: 'web', port: 80 }])]),
  bad(ROUTE, 'route-backend-port', 'a Service backend without port', 'spec.rules[0].backendRefs[0].port', 'Required value: Must have port for Service reference',
    [service(), deployment(), route('HTTPRoute', [{ name: 'web' }])]),
  bad(ROUTE, 'route-backend-port', 'the container port instead of the Service port', 'spec.rules[0].backendRefs[0].port',
    'Service "web" has no port 8080 (its ports: 80/TCP (http))', [service(), deployment(), route('HTTPRoute', [{ name: 'web', port: 8080 }])]),
  bad(ROUTE, 'route-backend-port', 'the targetPort number instead of the Service port', 'spec.rules[0].backendRefs[0].port',
    '8080 is the targetPort of its port 80, and a backendRef names the Service port',
    [service({ spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }] } }), deployment(), route('HTTPRoute', [{ name: 'web', port: 8080 }])]),
  ok(ROUTE, 'route-backend-port', 'GRPCRoute to a TCP port', [service(), deployment(), route('GRPCRoute', [{ name: 'web', port: 80 }])]),
  ok(ROUTE, 'route-backend-port', 'UDPRoute to a UDP port', [...dnsApp(), route('UDPRoute', [{ name: 'dns', port: 53 }], {}, 'gateway.networking.k8s.io/v1alpha2')]),
  ok(ROUTE, 'route-backend-port', 'UDPRoute and TCPRoute to a port number served over both', [
    ...dnsApp(true), route('UDPRoute', [{ name: 'dns', port: 53 }], {}, 'gateway.networking.k8s.io/v1alpha2'),
    merge(route('TCPRoute', [{ name: 'dns', port: 53 }], {}, 'gateway.networking.k8s.io/v1alpha2'), { metadata: { name: 'dns-tcp' } }),
  ]),
  bad(ROUTE, 'route-backend-port', 'UDPRoute to a TCP port', 'spec.rules[0].backendRefs[0].port', 'Service "web" port 80 is TCP, but a UDPRoute forwards UDP',
    [service(), deployment(), route('UDPRoute', [{ name: 'web', port: 80 }], {}, 'gateway.networking.k8s.io/v1alpha2')]),
  bad(ROUTE, 'route-backend-port', 'TCPRoute to a UDP port', 'spec.rules[0].backendRefs[0].port', 'Service "dns" port 53 is UDP, but a TCPRoute forwards TCP',
    [...dnsApp(), route('TCPRoute', [{ name: 'dns', port: 53 }], {}, 'gateway.networking.k8s.io/v1alpha2')]),
  bad(ROUTE, 'route-backend-port', 'TLSRoute to an SCTP port', 'spec.rules[0].backendRefs[0].port', 'port 9000 is SCTP, but a TLSRoute forwards TCP',
    [service({ metadata: { name: 'sctp' }, spec: { ports: [{ name: 'sctp', port: 9000, protocol: 'SCTP' }] } }), deployment(),
      route('TLSRoute', [{ name: 'sctp', port: 9000 }], {}, 'gateway.networking.k8s.io/v1alpha2')]),

  // cross-namespace backends need a ReferenceGrant (a warning: it may be defined elsewhere)
  bad(GRANT, 'route-reference-grant', 'backend in another namespace without a ReferenceGrant', 'spec.rules[0].backendRefs[0].namespace',
    'a route may refer to a Service of another namespace only where a ReferenceGrant in namespace "shop" allows HTTPRoutes from namespace "default"',
    [...inNamespace('shop', [service(), deployment()]), route('HTTPRoute', [{ name: 'web', namespace: 'shop', port: 80 }])]),
  ok(GRANT, 'route-reference-grant', 'backend in another namespace with a ReferenceGrant', [
    ...inNamespace('shop', [service(), deployment(), {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'from-default' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }], to: [{ group: '', kind: 'Service' }] },
    }]),
    route('HTTPRoute', [{ name: 'web', namespace: 'shop', port: 80 }]),
  ]),
  ok(GRANT, 'reference-elsewhere', 'backend in another namespace of which the input holds no Services: only the grant is warned about', [
    service(), deployment(), route('HTTPRoute', [{ name: 'web', namespace: 'shop', port: 80 }]),
  ], { warns: false }),
  bad(GRANT, 'route-backend', 'backend in another namespace is checked there', 'spec.rules[0].backendRefs[0].name', 'names Service "api", which is not in namespace "shop"',
    [...inNamespace('shop', [service(), deployment()]), route('HTTPRoute', [{ name: 'api', namespace: 'shop', port: 80 }])]),
];
