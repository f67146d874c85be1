// Conformance cases for the pod spec of every workload's template and of a Pod (Kubernetes 1.27
// pkg/apis/core/validation/validation.go ValidatePodSpec and the restart policy each kind allows): containers, init
// containers, volumes, volume mounts, restartPolicy, dnsPolicy.
import { Case, MSG, bad, container, deployment, merge, ok, repeat, withContainers } from './cases-builders';

const CONTAINERS = 'validateContainers';
const INIT = 'validateInitContainers';
const COMMON = 'validateContainerCommon';
const VOLUMES = 'ValidateVolumes';
const SOURCE = 'validateVolumeSource';
const MOUNTS = 'ValidateVolumeMounts';
const RESTART = 'validateRestartPolicy';
const RS = 'ValidatePodTemplateSpecForReplicaSet';
const JOB = 'validateJobSpec';
const DNS = 'validateDNSPolicy';
const DNS_CONFIG = 'validatePodDNSConfig';
const SPEC = 'spec.template.spec';
const C0 = `${SPEC}.containers[0]`;

type Json = any;

/** The base Deployment with this pod spec merged into its template. */
function podSpec(spec: Json): Json[] {
  return [deployment({ spec: { template: { spec } } })];
}

/** A container `web` (no ports) mounting these volume mounts. */
function mounting(...volumeMounts: Json[]): Json {
  return { ...container([]), volumeMounts };
}

/** A Job `migrate` whose pods have this restartPolicy (none: left to the default) and these containers. */
function job(restartPolicy?: string, containers: Json[] = [container([])]): Json[] {
  return [{ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec: { template: { spec: { restartPolicy, containers } } } }];
}

/** A CronJob `report` whose pods have this restartPolicy. */
function cronJob(restartPolicy?: string): Json[] {
  return [{
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'report' },
    spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy, containers: [container([])] } } } } },
  }];
}

/** A Pod `web` with this spec. */
function pod(spec: Json): Json[] {
  return [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec }];
}

/** The base Deployment turned into `kind` (a StatefulSet governed by `web`), with `patch` applied. */
function asKind(kind: string, patch: Json = {}): Json[] {
  const extra = kind === 'StatefulSet' ? { spec: { serviceName: 'web' } } : {};
  return [merge(deployment(patch), { kind, ...extra })];
}

/** A ReplicationController `web` with this pod spec merged into its template. */
function replicationController(spec: Json = {}): Json[] {
  return [{
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'web' },
    spec: { replicas: 1, selector: { app: 'web' }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container()], ...spec } } },
  }];
}

/** A pod failure policy: fail the Job when a container exits with 42. */
const FAIL_ON_42 = { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] };

const ALWAYS_ONLY = 'Unsupported value: "OnFailure": supported values: "Always"';

export const POD_SPEC_CASES: Case[] = [
  // containers: at least one
  ok(CONTAINERS, 'pod-containers', 'one container', withContainers(container())),
  bad(CONTAINERS, 'pod-containers', 'no containers', `${SPEC}.containers`, 'Required value', withContainers()),
  bad(CONTAINERS, 'pod-containers', 'containers left out', `${SPEC}.containers`, 'Required value', podSpec({ containers: undefined })),
  bad(CONTAINERS, 'pod-containers', 'only init containers', `${SPEC}.containers`, 'Required value',
    podSpec({ containers: [], initContainers: [container([], 'init')] })),
  bad(CONTAINERS, 'pod-containers', 'a Pod without containers', 'spec.containers', 'Required value', pod({ containers: [] })),
  bad(CONTAINERS, 'pod-containers', 'a Job without containers', `${SPEC}.containers`, 'Required value', job('Never', [])),
  bad(CONTAINERS, 'pod-containers', 'a CronJob without containers', 'spec.jobTemplate.spec.template.spec.containers', 'Required value',
    [merge(cronJob('Never')[0], { spec: { jobTemplate: { spec: { template: { spec: { containers: [] } } } } } })]),

  // container names: DNS-1123 labels, unique across containers and init containers
  ok(COMMON, 'container-name', 'container name of 63 characters', withContainers(container([], repeat('a', 63)))),
  ok(COMMON, 'container-name', 'container name starting with a digit', withContainers(container([], '1web'))),
  bad(COMMON, 'container-name', 'container name of 64 characters', `${C0}.name`, MSG.max63, withContainers(container([], repeat('a', 64)))),
  bad(COMMON, 'container-name', 'uppercase container name', `${C0}.name`, MSG.dns1123Label, withContainers(container([], 'Web'))),
  bad(COMMON, 'container-name', 'dotted container name', `${C0}.name`, MSG.dns1123Label, withContainers(container([], 'web.v1'))),
  bad(COMMON, 'container-name', 'container without a name', `${C0}.name`, 'Required value', withContainers({ image: 'registry.example.com/web:1' })),
  bad(CONTAINERS, 'container-name', 'two containers of one name', `${SPEC}.containers[1].name`, 'Duplicate value: "web"',
    withContainers(container(), container([]))),
  bad(INIT, 'container-name', 'an init container named like a container: reported on the init container', `${SPEC}.initContainers[0].name`,
    'Duplicate value: "web"', podSpec({ initContainers: [container([])] })),
  bad(INIT, 'container-name', 'two init containers of one name', `${SPEC}.initContainers[1].name`, 'Duplicate value: "init"',
    podSpec({ initContainers: [container([], 'init'), container([], 'init')] })),
  bad(COMMON, 'container-name', 'uppercase init container name', `${SPEC}.initContainers[0].name`, MSG.dns1123Label,
    podSpec({ initContainers: [container([], 'Init')] })),
  ok(INIT, 'container-name', 'init container and container with different names', podSpec({ initContainers: [container([], 'migrate')] })),
  bad(COMMON, 'container-name', 'uppercase container name in a StatefulSet (its pods are refused)', `${C0}.name`, MSG.dns1123Label,
    asKind('StatefulSet', { spec: { template: { spec: { containers: [container(undefined, 'Web')] } } } })),

  // images
  ok(COMMON, 'container-image', 'a container with an image', withContainers(container())),
  ok(COMMON, 'container-image', 'an image of one space passes on create', withContainers({ name: 'web', image: ' ' })),
  bad(COMMON, 'container-image', 'a container without an image', `${C0}.image`, 'Required value', withContainers({ name: 'web' })),
  bad(COMMON, 'container-image', 'an empty image', `${C0}.image`, 'Required value', withContainers({ name: 'web', image: '' })),
  bad(COMMON, 'container-image', 'an init container without an image', `${SPEC}.initContainers[0].image`, 'Required value',
    podSpec({ initContainers: [{ name: 'init' }] })),
  bad(COMMON, 'container-image', 'a Pod container without an image', 'spec.containers[0].image', 'Required value', pod({ containers: [{ name: 'web' }] })),
  bad(COMMON, 'container-image', 'a DaemonSet container without an image', `${C0}.image`, 'Required value',
    asKind('DaemonSet', { spec: { replicas: undefined, template: { spec: { containers: [{ name: 'web' }] } } } })),

  // init containers: no lifecycle hooks, no probes (1.27: no sidecar restartPolicy)
  ok(INIT, 'init-container-fields', 'an init container with a command', podSpec({ initContainers: [{ ...container([], 'init'), command: ['migrate'] }] })),
  ok(CONTAINERS, 'init-container-fields', 'probes and lifecycle on a regular container', withContainers({
    ...container(), lifecycle: { preStop: { exec: { command: ['stop'] } } }, readinessProbe: { tcpSocket: { port: 8080 } },
  })),
  ok(INIT, 'init-container-fields', 'a sidecar (restartPolicy Always) with probes and a hook, targeting Kubernetes 1.29', podSpec({
    initContainers: [{
      ...container([], 'proxy'), restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 8080 } }, lifecycle: { preStop: { exec: { command: ['stop'] } } },
    }],
  }), { options: { kubernetesVersion: '1.29' } }),
  bad(INIT, 'init-container-fields', 'a plain init container with a probe, targeting 1.29', `${SPEC}.initContainers[0].readinessProbe`,
    'Forbidden: may not be set for init containers without restartPolicy=Always',
    podSpec({ initContainers: [{ ...container([], 'init'), readinessProbe: { tcpSocket: { port: 8080 } } }] }), { kubernetesVersion: '1.29' }),
  bad(INIT, 'init-container-fields', 'a sidecar with probes on 1.27 (no sidecars yet)', `${SPEC}.initContainers[0].readinessProbe`,
    'Forbidden: may not be set for init containers',
    podSpec({ initContainers: [{ ...container([], 'proxy'), restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 8080 } } }] }), { skipRules: ['object-unknown-field'] }),
  bad(INIT, 'init-container-fields', 'an init container with a readiness probe', `${SPEC}.initContainers[0].readinessProbe`,
    'Forbidden: may not be set for init containers', podSpec({ initContainers: [{ ...container([], 'init'), readinessProbe: { tcpSocket: { port: 8080 } } }] })),
  bad(INIT, 'init-container-fields', 'an init container with a startup probe', `${SPEC}.initContainers[0].startupProbe`,
    'Forbidden: may not be set for init containers', podSpec({ initContainers: [{ ...container([], 'init'), startupProbe: { tcpSocket: { port: 8080 } } }] })),
  bad(INIT, 'init-container-fields', 'an init container with a lifecycle hook', `${SPEC}.initContainers[0].lifecycle`,
    'Forbidden: may not be set for init containers', podSpec({ initContainers: [{ ...container([], 'init'), lifecycle: { postStart: { exec: { command: ['x'] } } } }] })),

  // volumes: DNS-1123 label names, unique, one source
  ok(VOLUMES, 'pod-volumes', 'a configMap volume and an emptyDir volume', podSpec({ volumes: [{ name: 'config', configMap: { name: 'web' } }, { name: 'cache', emptyDir: {} }] })),
  ok(VOLUMES, 'pod-volumes', 'volume name of 63 characters', podSpec({ volumes: [{ name: repeat('v', 63), emptyDir: {} }] })),
  ok('SetDefaults_Volume', 'pod-volumes', 'a volume without a source is an emptyDir', podSpec({ volumes: [{ name: 'scratch' }] })),
  bad(VOLUMES, 'pod-volumes', 'volume name of 64 characters', `${SPEC}.volumes[0].name`, MSG.max63, podSpec({ volumes: [{ name: repeat('v', 64), emptyDir: {} }] })),
  bad(VOLUMES, 'pod-volumes', 'uppercase volume name', `${SPEC}.volumes[0].name`, MSG.dns1123Label, podSpec({ volumes: [{ name: 'Data', emptyDir: {} }] })),
  bad(VOLUMES, 'pod-volumes', 'volume without a name', `${SPEC}.volumes[0].name`, 'Required value', podSpec({ volumes: [{ emptyDir: {} }] })),
  bad(VOLUMES, 'pod-volumes', 'two volumes of one name', `${SPEC}.volumes[1].name`, 'Duplicate value: "data"',
    podSpec({ volumes: [{ name: 'data', emptyDir: {} }, { name: 'data', configMap: { name: 'web' } }] })),
  bad(SOURCE, 'pod-volumes', 'a volume with two sources: the later one in the API server\'s order is refused', `${SPEC}.volumes[0].configMap`,
    'Forbidden: may not specify more than 1 volume type', podSpec({ volumes: [{ name: 'data', configMap: { name: 'web' }, emptyDir: {} }] })),
  bad(VOLUMES, 'pod-volumes', 'two Pod volumes of one name', 'spec.volumes[1].name', 'Duplicate value: "data"',
    pod({ containers: [container()], volumes: [{ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }] })),

  // volume mounts: an existing volume, a mountPath, unique per container
  ok(MOUNTS, 'container-volume-mounts', 'a mount of a volume of the pod', podSpec({ volumes: [{ name: 'data', emptyDir: {} }], containers: [mounting({ name: 'data', mountPath: '/data' })] })),
  ok(MOUNTS, 'container-volume-mounts', 'the same mountPath in two containers', podSpec({
    volumes: [{ name: 'data', emptyDir: {} }],
    containers: [mounting({ name: 'data', mountPath: '/data' }), { ...mounting({ name: 'data', mountPath: '/data' }), name: 'sidecar' }],
  })),
  ok('pkg/controller/statefulset/stateful_set_utils.go updateStorage', 'container-volume-mounts', 'a StatefulSet mounting its volumeClaimTemplate',
    asKind('StatefulSet', {
      spec: {
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
        template: { spec: { containers: [{ ...container(), volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } },
      },
    })),
  bad(MOUNTS, 'container-volume-mounts', 'a mount of no volume', `${C0}.volumeMounts[0].name`, 'Not found: "data"',
    podSpec({ containers: [mounting({ name: 'data', mountPath: '/data' })] })),
  bad(MOUNTS, 'container-volume-mounts', 'a mount of an invalid volume', `${C0}.volumeMounts[0].name`, 'Not found: "Data"',
    podSpec({ volumes: [{ name: 'Data', emptyDir: {} }], containers: [mounting({ name: 'Data', mountPath: '/data' })] })),
  bad(MOUNTS, 'container-volume-mounts', 'a mount without a name', `${C0}.volumeMounts[0].name`, 'Required value',
    podSpec({ volumes: [{ name: 'data', emptyDir: {} }], containers: [mounting({ mountPath: '/data' })] })),
  bad(MOUNTS, 'container-volume-mounts', 'a mount without a mountPath', `${C0}.volumeMounts[0].mountPath`, 'Required value',
    podSpec({ volumes: [{ name: 'data', emptyDir: {} }], containers: [mounting({ name: 'data' })] })),
  bad(MOUNTS, 'container-volume-mounts', 'one mountPath twice in a container', `${C0}.volumeMounts[1].mountPath`, 'Invalid value: "/data": must be unique',
    podSpec({ volumes: [{ name: 'data', emptyDir: {} }, { name: 'cache', emptyDir: {} }], containers: [mounting({ name: 'data', mountPath: '/data' }, { name: 'cache', mountPath: '/data' })] })),
  bad(MOUNTS, 'container-volume-mounts', 'an init container mounting no volume', `${SPEC}.initContainers[0].volumeMounts[0].name`, 'Not found: "seed"',
    podSpec({ initContainers: [{ ...container([], 'init'), volumeMounts: [{ name: 'seed', mountPath: '/seed' }] }] })),
  bad(MOUNTS, 'container-volume-mounts', 'a StatefulSet mounting neither a volume nor a claim (its pods are refused)', `${C0}.volumeMounts[0].name`, 'Not found: "data"',
    asKind('StatefulSet', { spec: { template: { spec: { containers: [{ ...container(), volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } } } })),

  // restartPolicy: the values, then what each kind allows
  ok(RESTART, 'pod-restart-policy', 'a Deployment left to the default Always', [deployment()]),
  ok(RS, 'pod-restart-policy', 'a Deployment with Always', podSpec({ restartPolicy: 'Always' })),
  bad(RS, 'pod-restart-policy', 'a Deployment with OnFailure', `${SPEC}.restartPolicy`, ALWAYS_ONLY, podSpec({ restartPolicy: 'OnFailure' })),
  bad(RS, 'pod-restart-policy', 'a Deployment with Never', `${SPEC}.restartPolicy`, 'Unsupported value: "Never": supported values: "Always"', podSpec({ restartPolicy: 'Never' })),
  bad(RS, 'pod-restart-policy', 'a ReplicaSet with OnFailure', `${SPEC}.restartPolicy`, ALWAYS_ONLY,
    asKind('ReplicaSet', { spec: { template: { spec: { restartPolicy: 'OnFailure' } } } })),
  bad('ValidateStatefulSetSpec', 'pod-restart-policy', 'a StatefulSet with OnFailure', `${SPEC}.restartPolicy`, ALWAYS_ONLY,
    asKind('StatefulSet', { spec: { template: { spec: { restartPolicy: 'OnFailure' } } } })),
  bad('ValidateDaemonSetSpec', 'pod-restart-policy', 'a DaemonSet with OnFailure', `${SPEC}.restartPolicy`, ALWAYS_ONLY,
    asKind('DaemonSet', { spec: { replicas: undefined, template: { spec: { restartPolicy: 'OnFailure' } } } })),
  ok('ValidatePodTemplateSpecForRC', 'pod-restart-policy', 'a ReplicationController left to the default Always', replicationController()),
  bad('ValidatePodTemplateSpecForRC', 'pod-restart-policy', 'a ReplicationController with OnFailure', `${SPEC}.restartPolicy`, ALWAYS_ONLY,
    replicationController({ restartPolicy: 'OnFailure' })),
  ok(JOB, 'pod-restart-policy', 'a Job with OnFailure', job('OnFailure')),
  ok(JOB, 'pod-restart-policy', 'a Job with Never', job('Never')),
  bad(JOB, 'pod-restart-policy', 'a Job with Always', `${SPEC}.restartPolicy`, 'Required value: valid values: "OnFailure", "Never"', job('Always')),
  bad(JOB, 'pod-restart-policy', 'a Job left to the default Always', `${SPEC}.restartPolicy`, 'Required value: valid values: "OnFailure", "Never"', job()),
  bad(JOB, 'pod-restart-policy', 'a Job with an unknown restartPolicy', `${SPEC}.restartPolicy`,
    'Unsupported value: "Sometimes": supported values: "OnFailure", "Never"', job('Sometimes')),
  ok(JOB, 'pod-restart-policy', 'a Job with a podFailurePolicy and Never', [merge(job('Never')[0], { spec: { podFailurePolicy: FAIL_ON_42 } })]),
  bad(JOB, 'pod-restart-policy', 'a Job with a podFailurePolicy and OnFailure', `${SPEC}.restartPolicy`,
    'Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified', [merge(job('OnFailure')[0], { spec: { podFailurePolicy: FAIL_ON_42 } })]),
  ok(JOB, 'pod-restart-policy', 'a CronJob with OnFailure', cronJob('OnFailure')),
  bad(JOB, 'pod-restart-policy', 'a CronJob left to the default Always', 'spec.jobTemplate.spec.template.spec.restartPolicy',
    'Required value: valid values: "OnFailure", "Never"', cronJob()),
  ok(RESTART, 'pod-restart-policy', 'a Pod with OnFailure', pod({ restartPolicy: 'OnFailure', containers: [container()] })),
  ok(RESTART, 'pod-restart-policy', 'a Pod with Never', pod({ restartPolicy: 'Never', containers: [container()] })),
  bad(RESTART, 'pod-restart-policy', 'a Pod with an unknown restartPolicy', 'spec.restartPolicy',
    'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"', pod({ restartPolicy: 'Sometimes', containers: [container()] })),
  bad(RESTART, 'pod-restart-policy', 'a lowercase restartPolicy', 'spec.restartPolicy',
    'Unsupported value: "always": supported values: "Always", "OnFailure", "Never"', pod({ restartPolicy: 'always', containers: [container()] })),

  // dnsPolicy
  ok(DNS, 'pod-dns-policy', 'dnsPolicy ClusterFirstWithHostNet', podSpec({ dnsPolicy: 'ClusterFirstWithHostNet' })),
  ok(DNS, 'pod-dns-policy', 'dnsPolicy Default', podSpec({ dnsPolicy: 'Default' })),
  ok(DNS_CONFIG, 'pod-dns-policy', 'dnsPolicy None with a nameserver', podSpec({ dnsPolicy: 'None', dnsConfig: { nameservers: ['10.0.0.10'] } })),
  ok(DNS_CONFIG, 'pod-dns-policy', 'three nameservers', podSpec({ dnsConfig: { nameservers: ['10.0.0.10', '10.0.0.11', '10.0.0.12'] } })),
  ok(DNS_CONFIG, 'pod-dns-policy', 'dnsConfig with searches only, dnsPolicy ClusterFirst', podSpec({ dnsConfig: { searches: ['svc.example.com'] } })),
  bad(DNS, 'pod-dns-policy', 'an unknown dnsPolicy', `${SPEC}.dnsPolicy`,
    'Unsupported value: "ClusterLast": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"', podSpec({ dnsPolicy: 'ClusterLast' })),
  bad(DNS_CONFIG, 'pod-dns-policy', 'dnsPolicy None without dnsConfig', `${SPEC}.dnsConfig`, 'Required value: must provide `dnsConfig` when `dnsPolicy` is None',
    podSpec({ dnsPolicy: 'None' })),
  bad(DNS_CONFIG, 'pod-dns-policy', 'dnsPolicy None without nameservers', `${SPEC}.dnsConfig.nameservers`,
    'Required value: must provide at least one DNS nameserver when `dnsPolicy` is None', podSpec({ dnsPolicy: 'None', dnsConfig: { searches: ['example.com'] } })),
  bad(DNS_CONFIG, 'pod-dns-policy', 'four nameservers', `${SPEC}.dnsConfig.nameservers`, 'must not have more than 3 nameservers',
    podSpec({ dnsConfig: { nameservers: ['10.0.0.10', '10.0.0.11', '10.0.0.12', '10.0.0.13'] } })),
];
