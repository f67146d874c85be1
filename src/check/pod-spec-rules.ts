// The pod spec rules: what decides whether a pod can exist at all. Kubernetes 1.27's `ValidatePodSpec` checks the
// containers, init containers, volumes and volume mounts, the restart and DNS policies; each workload kind then
// narrows the restart policy its pods may have. Run for the pod template of every workload, and for a Pod itself
// (workload-rules.ts calls them), after the defaults the API server applies first (`SetDefaults_PodSpec`:
// restartPolicy Always, dnsPolicy ClusterFirst; `SetDefaults_Volume`: a volume without a source is an emptyDir).
//
// A StatefulSet's template is not validated when the StatefulSet is created (1.27 `ValidatePodTemplateSpecForStatefulSet`
// leaves the pod spec out); its pods are, when the controller creates them, and refused. The rules check it as the
// pods it creates: with a volume for each of its volumeClaimTemplates.
//
// Values of the wrong JSON type (a number as a container name) are the decoder's to report: the rules pass over them.
import { PodSpecView, PodTemplateView, VolumeMountView, VolumeView, duplicate, forbidden, invalid, notFound, notSupported, required } from './contract';
import { Severity } from './finding';
import { isUnset } from './json';
import type { CheckedWorkload, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { isDns1123Label } from './validators';

const { APPS, BATCH, CORE } = SOURCES;
const E = Severity.ERROR;
const M = RuleScope.MANIFEST;

/**
 * The rules of this family.
 *
 * @internal
 */
export const POD_SPEC_RULES = {
  'pod-containers': rule(E, M, 'a pod has at least one container', `${CORE} validateContainers`),
  'container-name': rule(E, M, 'container and init container names are DNS-1123 labels, unique across the containers and init containers of the pod',
    `${CORE} validateContainerCommon, validateContainers, validateInitContainers`),
  'container-image': rule(E, M, 'every container and init container has an image', `${CORE} validateContainerCommon`),
  'init-container-fields': rule(E, M, 'init containers have no lifecycle hooks and no liveness, readiness or startup probes', `${CORE} validateInitContainers`),
  'pod-volumes': rule(E, M, 'volume names are DNS-1123 labels, unique in the pod, and a volume has one source (none means emptyDir)',
    `${CORE} ValidateVolumes, validateVolumeSource`),
  'container-volume-mounts': rule(E, M, 'volume mounts name a volume of the pod and have a mountPath, used once per container', `${CORE} ValidateVolumeMounts`),
  'pod-restart-policy': rule(E, M,
    'restartPolicy is Always, OnFailure or Never (default Always); Deployment, StatefulSet, DaemonSet, ReplicaSet and ReplicationController ' +
    'pods only Always; Job and CronJob pods OnFailure or Never (Never with a podFailurePolicy)',
    `${CORE} validateRestartPolicy, ValidatePodTemplateSpecForRC; ${APPS} ValidatePodTemplateSpecForReplicaSet, ValidateStatefulSetSpec, ` +
    `ValidateDaemonSetSpec; ${BATCH} validateJobSpec`),
  'pod-dns-policy': rule(E, M, 'dnsPolicy is ClusterFirstWithHostNet, ClusterFirst, Default or None (default ClusterFirst); None needs dnsConfig ' +
    'with one to three nameservers', `${CORE} validateDNSPolicy, validatePodDNSConfig`),
};

/**
 * The volume sources, in the order `validateVolumeSource` checks them: the first one set is the volume's source, and
 * each further one is refused.
 */
const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs', 'flocker',
  'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap', 'azureFile', 'vsphereVolume',
  'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO', 'csi', 'ephemeral',
];

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const MAX_DNS_NAMESERVERS = 3;

/** The kinds whose pods run for ever: their templates may only have restartPolicy Always. */
const ALWAYS_RESTARTED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);
/** The kinds whose pods run to completion: their templates need restartPolicy OnFailure or Never. */
const RUN_TO_COMPLETION = new Set(['Job', 'CronJob']);
const COMPLETION_POLICIES = ['OnFailure', 'Never'];

/** The fields of init containers that `validateInitContainers` forbids. */
const INIT_FORBIDDEN = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'];
/** The minor version from which an init container with restartPolicy Always is a sidecar (SidecarContainers, beta and on in 1.29). */
const SIDECARS = 29;

/**
 * The pod spec rules for one workload's pod template, or a Pod.
 *
 * @internal
 */
export function checkPodSpec(obj: CheckedWorkload, report: Report, template: PodTemplateView, minor: number): void {
  const spec = template.spec;
  const at = template.path ? `${template.path}.spec` : 'spec';
  // a StatefulSet's pods get a volume for each claim template, in place of a template volume of the same name
  const claims = new Set(obj.view.volumeClaimNames.filter((n): n is string => typeof n === 'string' && n !== ''));
  const volumes = checkVolumes(obj, report, spec.volumes, `${at}.volumes`, claims);
  for (const claim of claims) volumes.add(claim);
  checkContainers(obj, report, spec, at, volumes, minor);
  checkRestartPolicy(obj, report, spec.restartPolicy, `${at}.restartPolicy`);
  checkDnsPolicy(obj, report, spec, at);
}

/**
 * `ValidateVolumes`: each volume has one source, a name that is a DNS-1123 label, unique among the valid volumes.
 * Returns the names of the valid volumes, the ones mounts may name.
 */
function checkVolumes(
  obj: CheckedWorkload, report: Report, volumes: ReadonlyArray<VolumeView | undefined>, field: string, claims: ReadonlySet<string>,
): Set<string> {
  const valid = new Set<string>();
  volumes.forEach((v, i) => {
    if (!v) return;
    const path = `${field}[${i}]`;
    if (typeof v.name === 'string' && claims.has(v.name)) return;
    let ok = true;
    const sources = VOLUME_SOURCES.filter(s => v.sources.includes(s));
    for (const extra of sources.slice(1)) {
      report.add(obj, 'pod-volumes', `${path}.${extra}`, forbidden(`may not specify more than 1 volume type (this volume is a ${sources[0]} volume)`));
      ok = false;
    }
    if (isUnset(v.name)) {
      report.add(obj, 'pod-volumes', `${path}.name`, required('a volume needs a name for its volumeMounts to refer to'));
      return;
    }
    if (typeof v.name !== 'string') return;
    for (const msg of isDns1123Label(v.name)) {
      report.add(obj, 'pod-volumes', `${path}.name`, invalid(v.name, msg));
      ok = false;
    }
    if (valid.has(v.name)) {
      report.add(obj, 'pod-volumes', `${path}.name`, duplicate(v.name, 'another volume of this pod has this name'));
      ok = false;
    }
    if (ok) valid.add(v.name);
  });
  return valid;
}

/**
 * `validateContainers` and `validateInitContainers`: at least one container; every container and init container has
 * a DNS-1123 label name, unique across both lists (a clash is reported on the later one, init containers after
 * containers), an image, and volume mounts of the pod's volumes; init containers have no lifecycle hooks or probes.
 */
function checkContainers(obj: CheckedWorkload, report: Report, spec: PodSpecView, at: string, volumes: ReadonlySet<string>, minor: number): void {
  if (spec.containers.length === 0) {
    report.add(obj, 'pod-containers', `${at}.containers`, required('a pod needs at least one container'));
  }
  const names = new Set<string>();
  spec.containers.forEach((c, i) => {
    if (!c) return;
    const path = `${at}.containers[${i}]`;
    const name = checkContainerCommon(obj, report, c.name, c.image, c.volumeMounts, path, volumes);
    if (name === undefined) return;
    if (names.has(name)) report.add(obj, 'container-name', `${path}.name`, duplicate(name, 'another container of this pod has this name'));
    names.add(name);
  });
  spec.initContainers.forEach((c, i) => {
    if (!c) return;
    const path = `${at}.initContainers[${i}]`;
    const name = checkContainerCommon(obj, report, c.name, c.image, c.volumeMounts, path, volumes);
    if (name !== undefined) {
      if (names.has(name)) {
        report.add(obj, 'container-name', `${path}.name`, duplicate(name, 'another container or init container of this pod has this name'));
      } else if (name !== '') {
        names.add(name);
      }
    }
    // from 1.29 an init container with restartPolicy Always is a sidecar, with the probes and hooks of a container
    if (minor >= SIDECARS && c.restartPolicy === 'Always') return;
    for (const f of INIT_FORBIDDEN.filter(key => c.lifecycleAndProbes.includes(key))) {
      report.add(obj, 'init-container-fields', `${path}.${f}`,
        forbidden(minor >= SIDECARS ? 'may not be set for init containers without restartPolicy=Always' : 'may not be set for init containers'));
    }
  });
}

/**
 * `validateContainerCommon`, the part these rules cover: name, image and volume mounts. Returns the name as the
 * uniqueness check reads it (null and absent are ''), or undefined when it is not a string.
 */
function checkContainerCommon(
  obj: CheckedWorkload, report: Report, name: unknown, image: unknown, mounts: ReadonlyArray<VolumeMountView | undefined>, path: string,
  volumes: ReadonlySet<string>,
): string | undefined {
  let checkedName: string | undefined;
  if (isUnset(name)) {
    report.add(obj, 'container-name', `${path}.name`, required());
    checkedName = '';
  } else if (typeof name === 'string') {
    for (const msg of isDns1123Label(name)) report.add(obj, 'container-name', `${path}.name`, invalid(name, msg));
    checkedName = name;
  }
  if (isUnset(image)) {
    report.add(obj, 'container-image', `${path}.image`, required('the container image to run, such as registry.example.com/app:1.0'));
  }
  checkVolumeMounts(obj, report, mounts, `${path}.volumeMounts`, volumes);
  return checkedName;
}

/**
 * `ValidateVolumeMounts`: a mount names a valid volume of the pod and has a mountPath, not used twice in the
 * container. (An empty name is only Required here, where the API server also reports it Not found.)
 */
function checkVolumeMounts(
  obj: CheckedWorkload, report: Report, mounts: ReadonlyArray<VolumeMountView | undefined>, field: string, volumes: ReadonlySet<string>,
): void {
  const paths = new Set<string>();
  mounts.forEach((m, i) => {
    if (!m) return;
    const path = `${field}[${i}]`;
    if (isUnset(m.name)) {
      report.add(obj, 'container-volume-mounts', `${path}.name`, required('the name of a volume of the pod'));
    } else if (typeof m.name === 'string' && !volumes.has(m.name)) {
      report.add(obj, 'container-volume-mounts', `${path}.name`, notFound(m.name, 'no valid volume of this pod has this name'));
    }
    if (isUnset(m.mountPath)) {
      report.add(obj, 'container-volume-mounts', `${path}.mountPath`, required());
    } else if (typeof m.mountPath === 'string') {
      if (paths.has(m.mountPath)) report.add(obj, 'container-volume-mounts', `${path}.mountPath`, invalid(m.mountPath, 'must be unique'));
      paths.add(m.mountPath);
    }
  });
}

/**
 * `validateRestartPolicy`, and the restart policy each workload kind allows: Always for the controllers whose pods
 * run for ever (`ValidatePodTemplateSpecForReplicaSet` and its siblings), OnFailure or Never for Jobs
 * (`validateJobSpec`, which reads the defaulted Always as missing; Never only with a podFailurePolicy). Where the
 * kind narrows the values, only its finding is reported: the API server reports both for a value neither allows.
 */
function checkRestartPolicy(obj: CheckedWorkload, report: Report, value: unknown, field: string): void {
  const policy = isUnset(value) ? 'Always' : value;
  if (typeof policy !== 'string') return;
  if (ALWAYS_RESTARTED.has(obj.kind)) {
    if (policy !== 'Always') report.add(obj, 'pod-restart-policy', field, notSupported(policy, ['Always']));
  } else if (RUN_TO_COMPLETION.has(obj.kind)) {
    if (policy === 'Always') {
      report.add(obj, 'pod-restart-policy', field, required(`valid values: ${COMPLETION_POLICIES.map(p => `"${p}"`).join(', ')}`));
    } else if (!COMPLETION_POLICIES.includes(policy)) {
      report.add(obj, 'pod-restart-policy', field, notSupported(policy, COMPLETION_POLICIES));
    } else if (policy !== 'Never' && !isUnset(obj.view.spec.job?.podFailurePolicy)) {
      // a pod failure policy judges failed pods, which OnFailure would restart in place instead
      report.add(obj, 'pod-restart-policy', field, invalid(policy, 'only "Never" is supported when podFailurePolicy is specified'));
    }
  } else if (!RESTART_POLICIES.includes(policy)) {
    report.add(obj, 'pod-restart-policy', field, notSupported(policy, RESTART_POLICIES));
  }
}

/**
 * `validateDNSPolicy` and the part of `validatePodDNSConfig` about nameservers: dnsPolicy None takes its whole DNS
 * configuration from dnsConfig, which needs a nameserver; there may be at most three.
 */
function checkDnsPolicy(obj: CheckedWorkload, report: Report, spec: PodSpecView, at: string): void {
  const policy = isUnset(spec.dnsPolicy) ? 'ClusterFirst' : spec.dnsPolicy;
  if (typeof policy === 'string' && !DNS_POLICIES.includes(policy)) {
    report.add(obj, 'pod-dns-policy', `${at}.dnsPolicy`, notSupported(policy, DNS_POLICIES));
  }
  const config = spec.dnsConfig;
  if (policy === 'None') {
    if (!config) {
      report.add(obj, 'pod-dns-policy', `${at}.dnsConfig`, required('must provide `dnsConfig` when `dnsPolicy` is None'));
      return;
    }
    if (isUnset(config.nameservers) || (Array.isArray(config.nameservers) && config.nameservers.length === 0)) {
      report.add(obj, 'pod-dns-policy', `${at}.dnsConfig.nameservers`, required('must provide at least one DNS nameserver when `dnsPolicy` is None'));
      return;
    }
  }
  if (config && Array.isArray(config.nameservers) && config.nameservers.length > MAX_DNS_NAMESERVERS) {
    report.add(obj, 'pod-dns-policy', `${at}.dnsConfig.nameservers`, invalid(config.nameservers, `must not have more than ${MAX_DNS_NAMESERVERS} nameservers`));
  }
}
