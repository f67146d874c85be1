// Conformance cases for where pods come from: labels controllers add to pods (from the Kubernetes 1.27 source),
// custom resources that create pods, and Services whose pods are defined outside the input. Each false alarm the
// check once raised on real, deployable manifests is kept here as a case.
import { Case, app, bad, container, deployment, inNamespace, merge, ok, service } from './cases-builders';

const OURS = 'cdk8s-services';
const STS = 'pkg/controller/statefulset/stateful_set_utils.go updateIdentity';
const JOB = 'pkg/registry/batch/job/strategy.go generateSelector';

/** A StatefulSet `web` of `replicas` pods labelled `app: web`, governed by Service `web`. */
function statefulSet(patch: object = {}): unknown {
  return merge(deployment({ spec: { serviceName: 'web', replicas: 3 } }), merge({ kind: 'StatefulSet' }, patch));
}

/** A Service `name` selecting one pod of the StatefulSet by the label its controller adds. */
function perPodService(name: string, podName: string): unknown {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { 'statefulset.kubernetes.io/pod-name': podName }, ports: [{ port: 80, targetPort: 8080 }] } };
}

/** The docs' Indexed Job (`kubernetes.io` "Job with Pod-to-Pod Communication"), `patch` applied. */
function indexedJob(patch: object = {}): any {
  return merge({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'example-job' },
    spec: {
      completions: 3,
      parallelism: 3,
      completionMode: 'Indexed',
      template: { spec: { subdomain: 'headless-svc', restartPolicy: 'Never', containers: [container([])] } },
    },
  }, patch);
}

/** The docs' headless Service for the Job's pods, selecting `job-name`. */
function jobService(selector: object = { 'job-name': 'example-job' }): unknown {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'headless-svc' }, spec: { clusterIP: 'None', selector } };
}

/** An Argo Rollout: a Deployment look-alike of another API group. */
function rollout(patch: object = {}): unknown {
  return merge(deployment({ spec: { strategy: { canary: { steps: [{ setWeight: 20 }] } } } }), merge({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' }, patch));
}

/** A Prometheus Operator `Prometheus`: its operator runs a StatefulSet the input does not hold. */
const PROMETHEUS = {
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'Prometheus',
  metadata: { name: 'k8s' },
  spec: { replicas: 2, serviceAccountName: 'prometheus-k8s', serviceMonitorSelector: {} },
};
const PROMETHEUS_SERVICE = service({
  metadata: { name: 'prometheus-k8s' },
  spec: { selector: { 'app.kubernetes.io/name': 'prometheus', 'prometheus': 'k8s' }, ports: [{ name: 'web', port: 9090, targetPort: 'web' }] },
});

/** The kubernetes.io guestbook: redis-leader and redis-follower both select `app: redis`. */
function redis(role: string): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `redis-${role}`, labels: { app: 'redis', role, tier: 'backend' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'redis' } },
      template: {
        metadata: { labels: { app: 'redis', role, tier: 'backend' } },
        spec: { containers: [{ name: role, image: 'docker.io/redis:6.0.5', ports: [{ containerPort: 6379 }] }] },
      },
    },
  };
}

/** A Role (or ClusterRole) of these verbs on pods, bound to the ServiceAccount `manager` (by a RoleBinding or a ClusterRoleBinding). */
function podWriter(verbs: string[], cluster = false): unknown[] {
  const roleKind = cluster ? 'ClusterRole' : 'Role';
  return [
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: roleKind, metadata: { name: 'manager' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs }] },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding',
      metadata: { name: 'manager' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name: 'manager' },
      subjects: [{ kind: 'ServiceAccount', name: 'manager', namespace: 'default' }],
    },
  ];
}

/** The base Deployment, and a Service selecting pods its manager labels at run time (`webhook: manager`). */
const WEBHOOK_SERVICE = service({ metadata: { name: 'webhook' }, spec: { selector: { webhook: 'manager' } } });

export const POD_SOURCE_CASES: Case[] = [
  // a workload allowed to create or relabel pods (an operator's manager, a storage DaemonSet) makes pods no template shows
  bad(OURS, 'service-pods-elsewhere', 'a manager whose ServiceAccount may create and patch pods: a warning naming the binding', 'spec.selector',
    'RoleBinding "manager" (rbac.authorization.k8s.io/v1) lets ServiceAccounts of these manifests create or change pods', [deployment(), WEBHOOK_SERVICE, ...podWriter(['create', 'patch'])]),
  ok(OURS, 'service-selects-nothing', 'a ClusterRoleBinding granting pod writes covers every namespace', [deployment(), WEBHOOK_SERVICE, ...podWriter(['*'], true)], { warns: false }),
  bad(OURS, 'service-selects-nothing', 'a role that only reads pods proves nothing: still an error', 'spec.selector', 'matches no pod template in namespace "default"',
    [deployment(), WEBHOOK_SERVICE, ...podWriter(['get', 'list', 'watch'])]),
  // labels a controller puts on every pod count as present
  ok(STS, 'service-selects-nothing', 'per-pod Services of a StatefulSet select statefulset.kubernetes.io/pod-name',
    [statefulSet(), service(), perPodService('web-0', 'web-0'), perPodService('web-2', 'web-2')]),
  ok(STS, 'service-selects-nothing', 'pod-name with an ordinal beyond replicas: a scale-up creates it', [statefulSet(), service(), perPodService('web-7', 'web-7')]),
  bad(STS, 'service-selects-nothing', 'pod-name of another StatefulSet', 'spec.selector', 'matches no pod template in namespace "default"',
    [statefulSet(), service(), perPodService('db-0', 'db-0')]),
  bad(STS, 'service-selects-nothing', 'pod-name that is not <name>-<ordinal>', 'spec.selector', 'matches no pod template',
    [statefulSet(), service(), perPodService('web-a', 'web-a')]),
  bad(STS, 'service-selects-nothing', 'pod-name below spec.ordinals.start', 'spec.selector', 'matches no pod template',
    [statefulSet({ spec: { ordinals: { start: 1 } } }), service(), perPodService('web-0', 'web-0')]),
  ok(STS, 'service-selects-nothing', 'pod-name from spec.ordinals.start up', [statefulSet({ spec: { ordinals: { start: 1 } } }), service(), perPodService('web-1', 'web-1')]),
  bad(STS, 'service-selects-nothing', 'pod-name label of a StatefulSet name on a Deployment\'s pods', 'spec.selector', 'matches no pod template',
    [deployment(), perPodService('web-0', 'web-0')]),
  ok(STS, 'service-selects-nothing', 'pod-name together with a template label',
    [statefulSet(), service({ spec: { selector: { 'app': 'web', 'statefulset.kubernetes.io/pod-name': 'web-1' } } })]),
  bad(STS, 'service-selects-nothing', 'pod-name with a template label the pods do not have', 'spec.selector', 'matches no pod template',
    [statefulSet(), service({ spec: { selector: { 'app': 'db', 'statefulset.kubernetes.io/pod-name': 'web-1' } } })]),
  ok(`${STS} (1.28+)`, 'service-selects-nothing', 'apps.kubernetes.io/pod-index of a StatefulSet',
    [statefulSet(), service({ spec: { selector: { 'app': 'web', 'apps.kubernetes.io/pod-index': '0' } } })]),
  ok('pkg/controller/statefulset/stateful_set_utils.go setPodRevision', 'service-selects-nothing', 'controller-revision-hash of a StatefulSet is <name>-<hash>',
    [statefulSet(), service({ spec: { selector: { 'app': 'web', 'controller-revision-hash': 'web-6d4f8c7b9' } } })]),
  ok('pkg/controller/daemon/util/daemonset_util.go CreatePodTemplate', 'service-selects-nothing', 'pod-template-generation of a DaemonSet',
    [merge(deployment({ spec: { replicas: undefined } }), { kind: 'DaemonSet' }), service({ spec: { selector: { 'app': 'web', 'pod-template-generation': '3' } } })]),
  ok('pkg/controller/deployment/sync.go getNewReplicaSet', 'service-selects-nothing', 'pod-template-hash of a Deployment',
    app({ spec: { selector: { 'app': 'web', 'pod-template-hash': '5d4f8c7b9' } } })),
  bad('pkg/controller/deployment/sync.go getNewReplicaSet', 'service-selects-nothing', 'pod-template-hash on a StatefulSet\'s pods', 'spec.selector', 'matches no pod template',
    [statefulSet(), service({ spec: { selector: { 'app': 'web', 'pod-template-hash': '5d4f8c7b9' } } })]),

  // sock-shop complete-demo.yaml: extensions/v1beta1 Deployments are reported once (object-api-version), and the
  // Services in front of them are not reported again as selecting nothing
  ok(OURS, 'service-pods-elsewhere', 'a Service in front of a Deployment of a removed apiVersion', [service(), merge(deployment(), { apiVersion: 'extensions/v1beta1' })],
    { options: { skipRules: ['object-api-version'] } }),

  // the docs' headless Service for an Indexed Job's pods
  ok(JOB, 'service-selects-nothing', 'headless Service selecting job-name of an Indexed Job', [jobService(), indexedJob()]),
  ok(`${JOB} (1.27+)`, 'service-selects-nothing', 'batch.kubernetes.io/job-name', [jobService({ 'batch.kubernetes.io/job-name': 'example-job' }), indexedJob()]),
  ok('pkg/controller/job/indexed_job_utils.go (1.28+)', 'service-selects-nothing', 'batch.kubernetes.io/job-completion-index of an Indexed Job',
    [jobService({ 'job-name': 'example-job', 'batch.kubernetes.io/job-completion-index': '0' }), indexedJob()]),
  bad('pkg/controller/job/indexed_job_utils.go (1.28+)', 'service-selects-nothing', 'job-completion-index of a NonIndexed Job', 'spec.selector', 'matches no pod template',
    [jobService({ 'job-name': 'example-job', 'batch.kubernetes.io/job-completion-index': '0' }), indexedJob({ spec: { completionMode: 'NonIndexed' } })]),
  bad(JOB, 'service-selects-nothing', 'job-name of another Job', 'spec.selector', 'matches no pod template', [jobService({ 'job-name': 'other-job' }), indexedJob()]),
  bad(JOB, 'service-selects-nothing', 'job-name of a Job with manualSelector: the API server adds no labels', 'spec.selector', 'matches no pod template',
    [jobService(), indexedJob({ spec: { manualSelector: true, selector: { matchLabels: { run: 'x' } }, template: { metadata: { labels: { run: 'x' } } } } })]),
  ok('pkg/controller/cronjob/utils.go getJobFromTemplate2', 'service-selects-nothing', 'job-name of a CronJob\'s Job: <cronjob>-<scheduled minute>', [
    jobService({ 'job-name': 'report-28963200' }),
    { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'report' }, spec: { schedule: '@daily', jobTemplate: { spec: indexedJob().spec } } },
  ]),
  ok(JOB, 'service-selects-nothing', 'controller-uid of a Job (any value: the Job\'s UID)', [jobService({ 'controller-uid': '0b3e1f1e-6f2a-4d8e-9c53-1e2f3a4b5c6d' }), indexedJob()]),

  // custom resources with a pod template at spec.template are pod sources
  ok(OURS, 'service-selects-nothing', 'Service selecting the pods of an Argo Rollout', [service(), rollout()]),
  ok(OURS, 'service-target-port-name', 'a custom resource\'s template is not held to port rules: its controller may add containers',
    [service({ spec: { ports: [{ name: 'http', port: 80, targetPort: 'metrics' }] } }), rollout()]),
  // argo-rollouts examples/rollout-canary-preview.yaml: an Experiment step of the Rollout runs pods labelled
  // app: rollout-canary-preview, which its spec.template does not show
  bad(OURS, 'service-pods-elsewhere', 'a Service for the pods of a Rollout\'s experiment: a warning naming the Rollout', 'spec.selector',
    'matches no pod template in namespace "default", but Rollout "web" (argoproj.io/v1alpha1) is a custom resource whose controller may create pods this check cannot see',
    [service({ spec: { selector: { app: 'web-preview' } } }), rollout()]),
  ok(OURS, 'service-selects-nothing', 'a Service for the pods of a Rollout\'s experiment is no error', [service({ spec: { selector: { app: 'web-preview' } } }), rollout()]),
  ok(OURS, 'container-port-number', 'a custom resource\'s template is read, never validated', [service(), rollout({ spec: { template: { spec: { containers: [container(['x'])] } } } })]),
  ok(OURS, 'workload-selector-overlap', 'a Deployment and a Rollout with the same selector (a migration in progress)', [deployment(), rollout()]),
  ok(OURS, 'service-selects-nothing', 'a Knative Service\'s template', [service(), {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: 'hello' },
    spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ image: 'ghcr.io/knative/helloworld-go:latest' }] } } },
  }]),

  // an operator's resource: pods this check cannot see
  ok(OURS, 'service-selects-nothing', 'Service for the pods of a Prometheus resource: no error', [PROMETHEUS_SERVICE, PROMETHEUS, deployment()]),
  bad(OURS, 'service-pods-elsewhere', 'Service for the pods of a Prometheus resource: a warning naming it', 'spec.selector',
    'matches no pod template in namespace "default", but Prometheus "k8s" (monitoring.coreos.com/v1) is a custom resource whose controller may create pods this check cannot see',
    [PROMETHEUS_SERVICE, PROMETHEUS, deployment()]),
  bad(OURS, 'service-selects-nothing', 'a ServiceMonitor creates no pods', 'spec.selector', 'matches no pod template in namespace "default"', [
    PROMETHEUS_SERVICE,
    { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, endpoints: [{ port: 'http' }] } },
    deployment(),
  ]),
  bad(OURS, 'service-selects-nothing', 'an HTTPRoute creates no pods', 'spec.selector', 'matches no pod template', [
    PROMETHEUS_SERVICE,
    { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'HTTPRoute', metadata: { name: 'web' }, spec: { rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] } },
    deployment(),
  ]),
  bad(OURS, 'service-selects-nothing', 'an App Mesh VirtualNode creates no pods', 'spec.selector', 'matches no pod template in namespace "default"', [
    PROMETHEUS_SERVICE,
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualNode', metadata: { name: 'web' }, spec: { podSelector: { matchLabels: { app: 'web' } } } },
    deployment(),
  ]),
  bad(OURS, 'service-selects-nothing', 'a custom resource in another namespace does not count', 'spec.selector', 'matches no pod template in namespace "default"',
    [PROMETHEUS_SERVICE, deployment(), ...inNamespace('monitoring', [PROMETHEUS])]),
  bad(OURS, 'service-selects-nothing', 'a ConfigMap is not a custom resource', 'spec.selector', 'matches no pod template in namespace "default"',
    [PROMETHEUS_SERVICE, deployment(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'prometheus-k8s' }, data: { a: 'b' } }]),

  // a Service alone: its pods are defined in other manifests
  ok(OURS, 'service-selects-nothing', 'a docs snippet of a Service alone: a warning, no error', [service({ metadata: { name: 'my-service' }, spec: { selector: { 'app.kubernetes.io/name': 'MyApp' } } })]),
  ok(OURS, 'service-pods-elsewhere', 'a Service alone warns', [service()], { warns: true }),

  // overlapping selectors: the guestbook's redis-leader and redis-follower both select app: redis
  ok(OURS, 'workload-selector-overlap', 'the kubernetes.io guestbook\'s redis Deployments: accepted, with a warning', [redis('leader'), redis('follower')], { warns: true }),
  bad(OURS, 'workload-selector-overlap', 'the guestbook overlap names the real consequence', 'spec.selector',
    'selector {"app":"redis"} also matches the pods of Deployment "redis-leader": each controller keeps only the pods it created, but a HorizontalPodAutoscaler or PodDisruptionBudget',
    [redis('leader'), redis('follower')]),
  bad(OURS, 'workload-selector-overlap', 'a Deployment selecting a bare Pod: its ReplicaSet adopts it', 'spec.selector',
    'a bare Pod has no controller, so the Deployment\'s ReplicaSet adopts it, counts it as a replica and may delete it',
    [deployment(), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug', labels: { app: 'web' } }, spec: { containers: [container()] } }]),
];
