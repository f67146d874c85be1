// Views decoded from parsed manifests (YAML or JSON, as `cdk8s synth`, Helm or kustomize write them). This is the
// checker's side of the contract: the constructs build the same views from their model (src/views.ts).
//
// Decoding reads the shape the views describe. Where a manifest has a scalar in place of an object or a list that
// the rules walk, decoding reports it once and leaves the entry out (`undefined`), so the rules do not report the
// same mistake again.
import {
  ContainerPortView, ContainerView, MetadataView, ObjectView, ObjectViewBase, PodAccessView, PodTemplateView, ServicePortView, ServiceSpecView,
  VolumeMountView, VolumeView, WorkloadKind, invalid,
} from './contract';
import { decodeControllerSettings } from './controller-labels';
import { checkDecoding } from './decode-rules';
import { asArray, asStringMap, isObject } from './json';
import { decodeIngress, decodeNetworkPolicy } from './networking-views';
import { decodeReferringObject } from './reference-views';
import type { RuleId } from './registry';
import { decodeWorkloadSpec } from './workload-spec-views';

/**
 * Receives what decoding could not read: the rule it falls under, the field and the message.
 *
 * @internal
 */
export type DecodeProblem = (rule: RuleId, field: string, message: string) => void;

/**
 * The API group of each kind the checker knows: a Knative `serving.knative.dev/v1` Service is not a v1 Service.
 */
const KIND_GROUPS: Readonly<Record<string, string>> = {
  Service: '',
  Pod: '',
  ReplicationController: '',
  Deployment: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  ReplicaSet: 'apps',
  Job: 'batch',
  CronJob: 'batch',
  EndpointSlice: 'discovery.k8s.io',
  Ingress: 'networking.k8s.io',
  NetworkPolicy: 'networking.k8s.io',
};

/**
 * The apiVersion Kubernetes 1.27 serves each kind the checker knows under.
 */
const SERVED_API_VERSIONS: Readonly<Record<string, string>> = {
  Service: 'v1',
  Pod: 'v1',
  ReplicationController: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  EndpointSlice: 'discovery.k8s.io/v1',
  Ingress: 'networking.k8s.io/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
};

/** Groups that served a kind before it moved: Deployments, DaemonSets, ReplicaSets, Ingresses and NetworkPolicies were in extensions. */
const FORMER_GROUPS: Readonly<Record<string, string>> = {
  Deployment: 'extensions', DaemonSet: 'extensions', ReplicaSet: 'extensions', Ingress: 'extensions', NetworkPolicy: 'extensions',
};

/**
 * The release that removed a version the checker's kinds were served under; `<kind> <apiVersion>` where a kind left
 * that version in another release than the rest (extensions/v1beta1 Ingresses were served until 1.22).
 */
const REMOVED_IN: Readonly<Record<string, string>> = {
  'Ingress extensions/v1beta1': '1.22',
  'networking.k8s.io/v1beta1': '1.22',
  'extensions/v1beta1': '1.16',
  'apps/v1beta1': '1.16',
  'apps/v1beta2': '1.16',
  'batch/v2alpha1': '1.21',
  'batch/v1beta1': '1.25',
  'discovery.k8s.io/v1beta1': '1.25',
};

/**
 * Where each workload kind keeps its pod template.
 */
const TEMPLATE_PATHS: Readonly<Record<WorkloadKind, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

/**
 * The kinds whose `spec.selector` is a LabelSelector that the API server requires to match the template.
 *
 * @internal
 */
export const LABEL_SELECTOR_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * The group of an apiVersion (`apps/v1` → `apps`, `v1` → ``), or undefined when it is not a string.
 *
 * @internal
 */
export function groupOf(apiVersion: unknown): string | undefined {
  if (typeof apiVersion !== 'string') return undefined;
  let group = GROUPS.get(apiVersion);
  if (group === undefined) {
    const slash = apiVersion.indexOf('/');
    group = slash < 0 ? '' : apiVersion.slice(0, slash);
    if (GROUPS.size < 1000) GROUPS.set(apiVersion, group);
  }
  return group;
}

/** The groups of the apiVersions seen: an input repeats a handful of them. */
const GROUPS = new Map<string, string>();

/**
 * Whether the checker looks inside objects of this kind: the kind and the API group both match.
 *
 * @internal
 */
export function isCheckedKind(kind: string, apiVersion: unknown): boolean {
  const group = KIND_GROUPS[kind];
  return group !== undefined && groupOf(apiVersion) === group;
}

/**
 * Whether an object is a kind the checker knows, in its own API group (or the group it moved from), under a
 * version Kubernetes 1.27 does not serve: `batch/v1beta1` CronJobs, `extensions/v1beta1` Deployments.
 */
function isRemovedVersion(kind: string, apiVersion: unknown): boolean {
  const served = SERVED_API_VERSIONS[kind];
  if (served === undefined || typeof apiVersion !== 'string' || apiVersion === served) return false;
  const group = groupOf(apiVersion);
  return group === KIND_GROUPS[kind] || group === FORMER_GROUPS[kind];
}

/**
 * The view of a manifest: a mapping with a string `kind`.
 *
 * @internal
 */
export function decodeManifest(manifest: Record<string, any>, problem: DecodeProblem): ObjectView {
  const base = { apiVersion: manifest.apiVersion, kind: manifest.kind as string, metadata: decodeMetadata(manifest.metadata) };
  if (isRemovedVersion(base.kind, base.apiVersion)) {
    const removed = REMOVED_IN[`${base.kind} ${base.apiVersion}`] ?? REMOVED_IN[base.apiVersion as string];
    problem('object-api-version', 'apiVersion', `no matches for kind "${base.kind}" in version "${base.apiVersion}": Kubernetes 1.27 serves it as ` +
      `${SERVED_API_VERSIONS[base.kind]}${removed ? ` (${base.apiVersion} was removed in ${removed})` : ''}; kubectl cannot apply it`);
    // the fields of a version the API server no longer serves are not checked against the current one; its pod
    // template still tells the linkage rules which Services were meant for it
    return { ...base, view: 'other', template: decodeCustomTemplate(manifest), podAccess: undefined };
  }
  // what the API server refuses before validating: values of the wrong JSON type, unknown fields (decode-rules.ts)
  checkDecoding(manifest, problem);
  if (!isCheckedKind(base.kind, base.apiVersion)) {
    // objects that point at workloads, pods or Services are read for the reference rules, not validated
    return decodeReferringObject(base, groupOf(base.apiVersion), manifest) ?? { ...base, view: 'other', template: decodeCustomTemplate(manifest), podAccess: decodePodAccess(base, manifest) };
  }
  if (base.kind === 'Service') return { ...base, view: 'service', spec: decodeServiceSpec(manifest.spec, problem), references: undefined };
  if (base.kind === 'Ingress') return decodeIngress(base, manifest, problem);
  if (base.kind === 'NetworkPolicy') return decodeNetworkPolicy(base, manifest, problem);
  if (base.kind === 'EndpointSlice') {
    return {
      ...base,
      view: 'endpointSlice',
      addressType: manifest.addressType,
      endpoints: decodeList(manifest.endpoints, 'endpoints', 'endpointslice-endpoints', problem, e => ({
        addresses: e.addresses, hostname: e.hostname, nodeName: e.nodeName, forZones: asStringMap(e.hints).forZones,
      })),
      ports: decodeList(manifest.ports, 'ports', 'endpointslice-ports', problem, p => ({
        name: p.name, port: p.port, protocol: p.protocol, appProtocol: p.appProtocol,
      })),
    };
  }
  const kind = base.kind as WorkloadKind;
  return {
    ...base,
    view: 'workload',
    kind,
    selector: LABEL_SELECTOR_KINDS.has(kind) ? asStringMap(manifest.spec).selector : undefined,
    template: decodeTemplate(kind, manifest, problem),
    serviceName: kind === 'StatefulSet' ? asStringMap(manifest.spec).serviceName : undefined,
    volumeClaimNames: kind === 'StatefulSet' ? asArray(asStringMap(manifest.spec).volumeClaimTemplates).map(t => asStringMap(asStringMap(t).metadata).name) : [],
    controller: decodeControllerSettings(kind, manifest.spec),
    spec: decodeWorkloadSpec(kind, manifest.spec),
  };
}

/**
 * The pod template of an object of a kind the checker does not know, if it has one with labels at
 * `spec.template`: the shape of a Deployment, which custom resources that create pods (Argo Rollouts, Knative
 * Services, many operators) copy.
 */
function decodeCustomTemplate(manifest: Record<string, any>): PodTemplateView | undefined {
  const template = asStringMap(manifest.spec).template;
  if (!isObject(template) || !isObject(asStringMap(template.metadata).labels)) return undefined;
  // the custom resource's schema is its own: what it holds is read, never reported
  return decodeTemplateAt(['spec', 'template'], template, () => undefined);
}

/**
 * A list of objects, each decoded with its field path: absent or null reads as empty; a list that is not one, or an
 * entry that is not an object, is reported under `rule` and left out (`undefined`).
 *
 * @internal
 */
export function decodeList<T>(
  raw: unknown, field: string, rule: RuleId, problem: DecodeProblem, decode: (entry: Record<string, any>, field: string) => T | undefined,
): Array<T | undefined> | undefined {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problem(rule, field, invalid(raw, 'must be a list'));
    return undefined;
  }
  return raw.map((entry, i) => {
    if (isObject(entry)) return decode(entry, `${field}[${i}]`);
    problem(rule, `${field}[${i}]`, invalid(entry, 'must be an object'));
    return undefined;
  });
}

/**
 * The metadata a rule reads; a `metadata` that is not an object reads as empty.
 *
 * @internal
 */
export function decodeMetadata(raw: unknown): MetadataView {
  const meta = asStringMap(raw);
  return { name: meta.name, generateName: meta.generateName, namespace: meta.namespace, labels: meta.labels, annotations: meta.annotations };
}

function decodeServiceSpec(raw: unknown, problem: DecodeProblem): ServiceSpecView | undefined {
  if (raw === undefined) raw = {};
  if (!isObject(raw)) {
    problem('service-type', 'spec', invalid(raw, 'must be an object'));
    return undefined;
  }
  let ports: Array<ServicePortView | undefined> | undefined = [];
  if (raw.ports !== undefined && !Array.isArray(raw.ports)) {
    problem('service-ports-required', 'spec.ports', invalid(raw.ports, 'must be a list of ports'));
    ports = undefined;
  } else {
    ports = asArray(raw.ports).map((p, i) => {
      if (isObject(p)) {
        return { name: p.name, port: p.port, targetPort: p.targetPort, protocol: p.protocol, appProtocol: p.appProtocol, nodePort: p.nodePort };
      }
      problem('service-port-number', `spec.ports[${i}]`, invalid(p, 'must be an object with at least `port`'));
      return undefined;
    });
  }
  return {
    type: raw.type,
    selector: raw.selector,
    ports,
    clusterIP: raw.clusterIP,
    clusterIPs: raw.clusterIPs,
    ipFamilies: raw.ipFamilies,
    ipFamilyPolicy: raw.ipFamilyPolicy,
    externalName: raw.externalName,
    externalIPs: raw.externalIPs,
    sessionAffinity: raw.sessionAffinity,
    clientIPTimeoutSeconds: asStringMap(asStringMap(raw.sessionAffinityConfig).clientIP).timeoutSeconds,
    externalTrafficPolicy: raw.externalTrafficPolicy,
    internalTrafficPolicy: raw.internalTrafficPolicy,
    healthCheckNodePort: raw.healthCheckNodePort,
    loadBalancerClass: raw.loadBalancerClass,
    loadBalancerSourceRanges: raw.loadBalancerSourceRanges,
    allocateLoadBalancerNodePorts: raw.allocateLoadBalancerNodePorts,
    trafficDistribution: raw.trafficDistribution,
  };
}

function decodeTemplate(kind: WorkloadKind, manifest: Record<string, any>, problem: DecodeProblem): PodTemplateView | undefined {
  const path = TEMPLATE_PATHS[kind];
  let node: unknown = manifest;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  if (!isObject(node)) return undefined;
  return decodeTemplateAt(path, node, problem);
}

function decodeTemplateAt(path: readonly string[], node: Record<string, any>, problem: DecodeProblem): PodTemplateView {
  const prefix = path.length > 0 ? `${path.join('.')}.` : '';
  const meta = asStringMap(node.metadata);
  const spec = asStringMap(node.spec);
  const containers = (list: unknown, field: string) => asArray(list).map((c, ci) => decodeContainer(c, `${prefix}spec.${field}[${ci}].ports`, problem));
  return {
    path: path.join('.'),
    labels: meta.labels,
    annotations: meta.annotations,
    spec: {
      hostNetwork: spec.hostNetwork,
      restartPolicy: spec.restartPolicy,
      dnsPolicy: spec.dnsPolicy,
      dnsConfig: isObject(spec.dnsConfig) ? { nameservers: spec.dnsConfig.nameservers } : undefined,
      volumes: asArray(spec.volumes).map(decodeVolume),
      containers: containers(spec.containers, 'containers'),
      initContainers: containers(spec.initContainers, 'initContainers'),
    },
  };
}

/** The fields of a container that init containers may not have (`validateInitContainers`). */
const LIFECYCLE_AND_PROBES = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'];

/** A volume: its name and the fields set besides it, the sources. Entries that are not objects read as undefined. */
function decodeVolume(raw: unknown): VolumeView | undefined {
  if (!isObject(raw)) return undefined;
  return { name: raw.name, sources: Object.keys(raw).filter(key => key !== 'name' && raw[key] !== null && raw[key] !== undefined) };
}

function decodeVolumeMount(raw: unknown): VolumeMountView | undefined {
  return isObject(raw) ? { name: raw.name, mountPath: raw.mountPath } : undefined;
}

function decodeContainer(raw: unknown, portsField: string, problem: DecodeProblem): ContainerView | undefined {
  if (!isObject(raw)) return undefined;
  const ports = asArray(raw.ports).map((p, i): ContainerPortView | undefined => {
    if (isObject(p)) return { name: p.name, containerPort: p.containerPort, protocol: p.protocol, hostPort: p.hostPort, hostIP: p.hostIP };
    problem('container-port-number', `${portsField}[${i}]`, invalid(p, 'must be an object with at least containerPort'));
    return undefined;
  });
  return {
    name: raw.name,
    image: raw.image,
    ports,
    volumeMounts: asArray(raw.volumeMounts).map(decodeVolumeMount),
    lifecycleAndProbes: LIFECYCLE_AND_PROBES.filter(key => raw[key] !== null && raw[key] !== undefined),
    restartPolicy: raw.restartPolicy,
  };
}

/** The RBAC kinds that decide who may create pods. */
const RBAC_GROUP = 'rbac.authorization.k8s.io';
/** The verbs that create a pod or change its labels. */
const POD_WRITE_VERBS: ReadonlySet<string> = new Set(['create', 'patch', 'update', '*']);

/**
 * What a Role, ClusterRole, RoleBinding or ClusterRoleBinding says about creating pods; undefined for other objects.
 */
function decodePodAccess(base: ObjectViewBase, manifest: Record<string, any>): PodAccessView | undefined {
  if (groupOf(base.apiVersion) !== RBAC_GROUP) return undefined;
  if (base.kind === 'Role' || base.kind === 'ClusterRole') {
    const writesPods = asArray(manifest.rules).some(r => isObject(r)
      && asArray(r.apiGroups).some(g => g === '' || g === '*')
      && asArray(r.resources).some(res => res === 'pods' || res === '*')
      && asArray(r.verbs).some(v => typeof v === 'string' && POD_WRITE_VERBS.has(v)));
    return { writesPods, grants: undefined };
  }
  if (base.kind === 'RoleBinding' || base.kind === 'ClusterRoleBinding') {
    const toServiceAccounts = asArray(manifest.subjects).some(s => isObject(s) && s.kind === 'ServiceAccount');
    const ref = manifest.roleRef;
    return { writesPods: false, grants: toServiceAccounts && isObject(ref) ? { kind: ref.kind, name: ref.name } : undefined };
  }
  return undefined;
}
