// Conformance cases for our own rules across objects (linkage, duplicates), the checker options, and what the
// checker passes over.
import {
  Case, HTTP_PORT, app, bad, container, deployment, externalName, inNamespace, lone, merge, ok, service, svcPorts,
} from './cases-builders';

const OURS = 'cdk8s-services';
const API_VERSIONS = 'k8s.io/kubernetes pkg/controlplane/instance.go (served group versions)';
const EXTERNAL = { 'cdk8s-services.io/backend': 'external' };

/** The base Service and Deployment, the Deployment's one container exposing `ports`. */
function exposing(ports: object[], servicePatch: object = {}): unknown[] {
  return app(servicePatch, { spec: { template: { spec: { containers: [container(ports)] } } } });
}

/** The base Deployment renamed and turned into `kind`, keeping its `app: web` pods. */
function workload(kind: string, name: string, patch: object = {}): unknown {
  return merge(deployment(patch), { kind, metadata: { name } });
}

export const LINKAGE_CASES: Case[] = [
  // named targetPort exposed by every selected pod template
  ok(OURS, 'service-target-port-name', 'named targetPort exposed by the selected Deployment', app()),
  bad(OURS, 'service-target-port-name', 'named targetPort missing on the selected Deployment', 'spec.ports[0].targetPort',
    'named targetPort "metrics" is not exposed by Deployment "web"', svcPorts({ ...HTTP_PORT, targetPort: 'metrics' })),
  bad(OURS, 'service-target-port-name', 'Service port UDP, container port TCP', 'spec.ports[0].targetPort',
    'is exposed by Deployment "web" with protocol TCP, but the Service port uses UDP', svcPorts({ ...HTTP_PORT, protocol: 'UDP' })),
  bad(OURS, 'service-target-port-name', 'Service port TCP by default, container port UDP', 'spec.ports[0].targetPort', 'with protocol UDP, but the Service port uses TCP',
    exposing([{ name: 'http', containerPort: 8080, protocol: 'UDP' }])),
  ok(OURS, 'service-target-port-name', 'named targetPort exposed by the second container',
    app({}, { spec: { template: { spec: { containers: [container([]), container([{ name: 'http', containerPort: 8080 }], 'sidecar')] } } } })),
  ok(OURS, 'service-target-port-name', 'named targetPort exposed over TCP by one container and UDP by another', app(
    { spec: { ports: [{ ...HTTP_PORT, protocol: 'UDP' }] } },
    { spec: { template: { spec: { containers: [container(), container([{ name: 'http', containerPort: 8080, protocol: 'UDP' }], 'udp')] } } } },
  )),
  bad(OURS, 'service-target-port-name', 'one of two selected Deployments lacks the named port', 'spec.ports[0].targetPort', 'is not exposed by Deployment "web-canary"',
    [...app(), workload('Deployment', 'web-canary', { spec: { template: { spec: { containers: [container([{ name: 'web', containerPort: 8080 }])] } } } })]),
  ok(OURS, 'service-target-port-name', 'numeric targetPort is not a named port', svcPorts({ ...HTTP_PORT, targetPort: 9999 })),
  ok(OURS, 'service-target-port-name', 'linkage: false turns the check off', svcPorts({ ...HTTP_PORT, targetPort: 'metrics' }), { options: { linkage: false } }),
  ok(OURS, 'service-target-port-name', 'named targetPort exposed by a StatefulSet', [service(), workload('StatefulSet', 'web', { spec: { serviceName: 'web' } })]),
  ok(OURS, 'service-target-port-name', 'named targetPort exposed by a Pod',
    [service(), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [container()] } }]),
  // EndpointSlices pass over pods that lack the port, and Job pods finish: a Job beside the Deployment is not an error
  ok(OURS, 'service-target-port-name', 'named targetPort missing on a CronJob template that the selector also matches',
    [...app(), {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'backup' },
      spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'OnFailure', containers: [container([])] } } } } },
    }]),

  // numeric targetPort declared by the selected pod templates (a warning: containers may listen on undeclared ports)
  ok(OURS, 'service-target-port-number', 'undeclared numeric targetPort is accepted, with a warning', svcPorts({ ...HTTP_PORT, targetPort: 9999 }), { warns: true }),
  bad(OURS, 'service-target-port-number', 'undeclared numeric targetPort warns', 'spec.ports[0].targetPort', 'targetPort 9999/TCP is not declared as a containerPort by Deployment "web"',
    svcPorts({ ...HTTP_PORT, targetPort: 9999 })),
  bad(OURS, 'service-target-port-number', 'numeric targetPort declared over UDP only, Service port TCP', 'spec.ports[0].targetPort', 'targetPort 5353/TCP is not declared',
    exposing([{ name: 'dns', containerPort: 5353, protocol: 'UDP' }], { spec: { ports: [{ name: 'dns', port: 53, targetPort: 5353 }] } })),
  bad(OURS, 'service-target-port-number', 'targetPort omitted: port 80 is the target, and is not declared', 'spec.ports[0].targetPort', 'targetPort 80/TCP is not declared',
    svcPorts({ name: 'http', port: 80 })),
  ok(OURS, 'service-target-port-number', 'declared numeric targetPort', svcPorts({ ...HTTP_PORT, targetPort: 8080 })),
  ok(OURS, 'service-target-port-number', 'targetPort omitted, port declared by the container', svcPorts({ name: 'http', port: 8080 })),
  ok(OURS, 'service-target-port-number', 'named targetPort is left to service-target-port-name', app()),

  // the selector matches a pod template in the Service's namespace
  bad(OURS, 'service-selects-nothing', 'selector that matches no pod template', 'spec.selector', 'matches no pod template', app({ spec: { selector: { app: 'api' } } })),
  bad(OURS, 'service-pods-elsewhere', 'Service without any workload: its pods are presumably in other manifests', 'spec.selector',
    'matches no pod template: these manifests have no workload in namespace "default", so its pods are presumably defined in other manifests', [service()]),
  ok(OURS, 'service-pods-elsewhere', 'Service without any workload is accepted, with a warning', [service()], { warns: true }),
  bad(OURS, 'service-selects-nothing', 'selector with one label more than the pods have', 'spec.selector', 'matches no pod template',
    app({ spec: { selector: { track: 'stable' } } })),
  ok(OURS, 'service-selects-nothing', 'selector that is a subset of the pod labels',
    app({}, { spec: { template: { metadata: { labels: { track: 'stable' } } } } })),
  ok(OURS, 'service-selects-nothing', 'Service marked with cdk8s-services.io/backend: external', [service({ metadata: { annotations: EXTERNAL } })]),
  bad(OURS, 'service-pods-elsewhere', 'backend annotation with another value', 'spec.selector', 'matches no pod template',
    [service({ metadata: { annotations: { 'cdk8s-services.io/backend': 'internal' } } })]),
  ok(OURS, 'service-pods-elsewhere', 'Service marked with cdk8s-services.io/backend: external', [service({ metadata: { annotations: EXTERNAL } })]),
  bad(OURS, 'service-pods-elsewhere', 'matching Deployment in another namespace, none in the Service\'s', 'spec.selector',
    'no workload in namespace "shop", so its pods are presumably defined in other manifests; Deployment "web" in namespace "other" has matching pods, but a Service only selects pods in its own namespace',
    [...inNamespace('shop', [service()]), ...inNamespace('other', [deployment()])]),
  bad(OURS, 'service-selects-nothing', 'matching Deployment in another namespace, another workload in the Service\'s', 'spec.selector',
    'matches no pod template in namespace "shop"; Deployment "web" in namespace "other" has matching pods, but a Service only selects pods in its own namespace',
    [...inNamespace('shop', [service(), workload('Deployment', 'db', { spec: { selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } } } } })]),
      ...inNamespace('other', [deployment()])]),
  bad(OURS, 'service-pods-elsewhere', 'namespaced Service, Deployment without a namespace', 'spec.selector', 'Deployment "web" in namespace "default" has matching pods',
    [...inNamespace('shop', [service()]), deployment()]),
  ok(OURS, 'service-selects-nothing', 'Service and Deployment in the same namespace', inNamespace('shop', app())),
  ok(OURS, 'service-selects-nothing', 'Service without a selector', lone({})),
  ok(OURS, 'service-selects-nothing', 'ExternalName Service with a selector', externalName({ selector: { app: 'nothing' } })),
  // a DaemonSet has no replicas: strict decoding refuses the field
  ok(OURS, 'service-selects-nothing', 'Service selecting a DaemonSet', [service(), workload('DaemonSet', 'agent', { spec: { replicas: undefined } })]),
  ok(OURS, 'service-selects-nothing', 'Service selecting a ReplicaSet', [service(), workload('ReplicaSet', 'web-5d4f')]),
  ok(OURS, 'service-selects-nothing', 'linkage: false turns the check off', app({ spec: { selector: { app: 'api' } } }), { options: { linkage: false } }),
  ok(OURS, 'service-selects-nothing', 'skipRules drops the rule', app({ spec: { selector: { app: 'api' } } }), { options: { skipRules: ['service-selects-nothing'] } }),
  ok(OURS, 'service-pods-elsewhere', 'skipRules drops the warning', [service()], { options: { skipRules: ['service-pods-elsewhere'] } }),

  // ExternalName Services proxy nothing: a selector there is ignored (a warning)
  ok(OURS, 'service-external-name-selector', 'ExternalName Service with a selector is accepted, with a warning', externalName({ selector: { app: 'web' } }), { warns: true }),
  bad(OURS, 'service-external-name-selector', 'ExternalName Service with a selector warns', 'spec.selector', 'an ExternalName Service proxies nothing',
    externalName({ selector: { app: 'web' } })),
  ok(OURS, 'service-external-name-selector', 'ExternalName Service without a selector', externalName()),
  ok(OURS, 'service-external-name-selector', 'ClusterIP Service with a selector', app()),

  // two controllers selecting each other's pods
  bad(OURS, 'workload-selector-overlap', 'two Deployments selecting the same pods', 'spec.selector',
    'also matches the pods of Deployment "web": each controller keeps only the pods it created, but a HorizontalPodAutoscaler or PodDisruptionBudget that selects these labels counts the pods of both',
    [deployment(), workload('Deployment', 'web-canary')]),
  ok(OURS, 'workload-selector-overlap', 'two Deployments selecting the same pods are accepted, with a warning', [deployment(), workload('Deployment', 'web-canary')], { warns: true }),
  bad(OURS, 'workload-selector-overlap', 'a ReplicaSet selecting a bare Pod', 'spec.selector',
    'also matches the pods of Pod "stray": a bare Pod has no controller, so the ReplicaSet adopts it, counts it as a replica and may delete it',
    [workload('ReplicaSet', 'web-5d4f'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'web' } }, spec: { containers: [container()] } }]),
  ok(OURS, 'workload-selector-overlap', 'stable and canary Deployments told apart by a track label', [
    deployment({ spec: { selector: { matchLabels: { track: 'stable' } }, template: { metadata: { labels: { track: 'stable' } } } } }),
    workload('Deployment', 'web-canary', { spec: { selector: { matchLabels: { track: 'canary' } }, template: { metadata: { labels: { track: 'canary' } } } } }),
  ]),
  ok(OURS, 'workload-selector-overlap', 'the same selector in two namespaces', [...inNamespace('a', [deployment()]), ...inNamespace('b', [deployment()])]),
  ok(OURS, 'workload-selector-overlap', 'one Deployment', [deployment()]),

  // duplicate objects: same group, kind, namespace and name
  bad(OURS, 'object-duplicate', 'two Services named web', 'metadata.name', 'Duplicate value: "web"', [...app(), service()]),
  bad(OURS, 'object-duplicate', 'two Deployments named web in one namespace', 'metadata.name', 'Duplicate value: "web"', inNamespace('shop', [...app(), deployment()])),
  bad(OURS, 'object-duplicate', 'one Deployment under apps/v1 and apps/v1beta2', 'metadata.name', 'Duplicate value: "web"',
    [...app(), merge(deployment(), { apiVersion: 'apps/v1beta2' })]),
  ok(OURS, 'object-duplicate', 'same names in two namespaces', [...inNamespace('a', app()), ...inNamespace('b', app())]),
  ok(OURS, 'object-duplicate', 'a Service and a Deployment of the same name', app()),
  ok(OURS, 'object-duplicate', 'linkage: false turns the check off', [...app(), service()], { options: { linkage: false } }),

  // the apiVersion of a kind the checker knows: a removed version is not served, and its fields are not checked further
  bad(API_VERSIONS, 'object-api-version', 'a batch/v1beta1 CronJob (removed in 1.25)', 'apiVersion',
    'no matches for kind "CronJob" in version "batch/v1beta1": Kubernetes 1.27 serves it as batch/v1 (batch/v1beta1 was removed in 1.25)',
    [{ apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'hello' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: {} } } } } }]),
  bad(API_VERSIONS, 'object-api-version', 'an extensions/v1beta1 Deployment (removed in 1.16)', 'apiVersion', 'Kubernetes 1.27 serves it as apps/v1 (extensions/v1beta1 was removed in 1.16)',
    [merge(deployment(), { apiVersion: 'extensions/v1beta1' })]),
  bad(API_VERSIONS, 'object-api-version', 'a pre-1.0 v1beta1 Service, without metadata', 'apiVersion', 'no matches for kind "Service" in version "v1beta1": Kubernetes 1.27 serves it as v1; kubectl',
    [{ apiVersion: 'v1beta1', kind: 'Service', id: 'mongo', port: 27017, selector: { name: 'mongo' } }]),
  ok(API_VERSIONS, 'object-name', 'a removed version is reported once, not field by field', [{ apiVersion: 'v1beta1', kind: 'Service', id: 'mongo', port: 27017 }],
    { options: { skipRules: ['object-api-version'] } }),
  ok(API_VERSIONS, 'object-api-version', 'the served versions', [...app(), { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [container([])] } } } }]),
  ok(API_VERSIONS, 'object-api-version', 'a kind of the same name in another group (a Knative Service) is not one the checker knows',
    [{ apiVersion: 'serving.knative.dev/v1', kind: 'Service', metadata: { name: 'hello' }, spec: { template: { spec: { containers: [{ image: 'ghcr.io/knative/helloworld-go' }] } } } }]),

  // skipRules
  ok(OURS, 'service-port-number', 'skipRules drops a rule', svcPorts({ ...HTTP_PORT, port: 70000 }), { options: { skipRules: ['service-port-number'] } }),
  ok(OURS, 'workload-selector', 'skipRules drops the selector rule', app({}, { spec: { selector: { matchLabels: { app: 'api' } } } }), { options: { skipRules: ['workload-selector'] } }),
  ok(OURS, 'service-open-load-balancer', 'skipRules drops a warning', app({ spec: { type: 'LoadBalancer' } }), { options: { skipRules: ['service-open-load-balancer'] } }),

  // what the checker passes over
  ok(OURS, 'object-name', 'ConfigMap with a name no Service could have', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' }, data: { k: 'v' } }, ...app()]),
  ok(OURS, 'service-port-number', 'custom resource with Service-like ports', [{
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'VirtualService',
    metadata: { name: 'Web' },
    spec: { ports: [{ port: 0 }], selector: { app: 'nothing' } },
  }]),
  bad(OURS, 'object-duplicate', 'two custom resources of one group, kind and name are still duplicates', 'metadata.name', 'Duplicate value: "w"',
    [{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }]),
  ok(OURS, 'service-selects-nothing', 'non-object entries are passed over', [null, 'text', 42, true, [service()], undefined, ...app()]),
  ok(OURS, 'service-ports-required', 'an object without kind is passed over', [{ apiVersion: 'v1', metadata: { name: 'Bad' }, spec: {} }]),

  // the namespace objects without one land in (defaultNamespace, kubectl -n / helm --namespace)
  ok(OURS, 'service-selects-nothing', 'Service without a namespace, Deployment in namespace default', [service(), deployment({ metadata: { namespace: 'default' } })]),
  ok(OURS, 'service-selects-nothing', 'Service without a namespace, Deployment in the release namespace given as defaultNamespace',
    [service(), deployment({ metadata: { namespace: 'shop' } })], { options: { defaultNamespace: 'shop' } }),
  bad(OURS, 'service-pods-elsewhere', 'Service without a namespace lands in default, Deployment in shop', 'spec.selector',
    'no workload in namespace "default", so its pods are presumably defined in other manifests; Deployment "web" in namespace "shop" has matching pods',
    [service(), deployment({ metadata: { namespace: 'shop' } })]),
  bad(OURS, 'object-duplicate', 'a Service without a namespace and one in namespace default', 'metadata.name', 'an earlier Service is also named "web" in namespace "default"',
    [service(), service({ metadata: { namespace: 'default' } }), deployment()]),
  // Job and CronJob pods finish and carry their Job's controller reference: no overlap with a Deployment
  ok(OURS, 'workload-selector-overlap', 'a Deployment and a migration Job whose pods share the app label',
    [...app(), { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec: { template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [container([])] } } } }]),
];
