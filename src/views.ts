// How this library's constructs describe themselves to the checker: the views of the contract
// (check/contract.ts), built from the constructs' own model, without rendering and resolving whole objects. A
// property test checks that each view equals the one the checker decodes from the construct's rendering.
import { ApiObject, ApiObjectMetadataDefinition } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { RuleId, decodeManifest, decodeMetadata } from './check';
import {
  ContainerPortReference, ContainerView, MetadataView, PodTemplateView, ServicePortView, ServiceSpecView, VolumeView, WorkloadReference,
} from './check/contract';

/**
 * What cdk8s keeps inside `ApiObjectMetadataDefinition`: labels and annotations in plain maps.
 */
interface MetadataInternals {
  readonly labels?: unknown;
  readonly annotations?: unknown;
  readonly _additionalAttributes?: { readonly generateName?: unknown };
}

/**
 * The metadata a rule reads. cdk8s keeps labels and annotations as plain maps until it renders them; reading them
 * there costs a tenth of resolving the metadata (`toJson()`). When they hold anything but strings (a token), or a
 * cdk8s release keeps them differently, the metadata is resolved in full, which is always exact.
 *
 * @internal
 */
export function metadataView(meta: ApiObjectMetadataDefinition): MetadataView {
  const internals = meta as unknown as MetadataInternals;
  const labels = internals.labels;
  const annotations = internals.annotations;
  if (isStringMap(labels) && isStringMap(annotations)) {
    return {
      name: meta.name,
      generateName: internals._additionalAttributes?.generateName,
      namespace: meta.namespace,
      // rendering drops empty maps
      labels: Object.keys(labels).length > 0 ? labels : undefined,
      annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
    };
  }
  return decodeMetadata(meta.toJson());
}

/**
 * The pod template of a cdk8s-plus-27 workload, from its model.
 *
 * @param path where the template is in the workload's manifest, such as `spec.template`
 * @internal
 */
export function podTemplateView(pod: kplus.AbstractPod, path: string): PodTemplateView {
  const meta = metadataView(pod.podMetadata);
  return {
    path,
    labels: meta.labels,
    annotations: meta.annotations,
    spec: {
      hostNetwork: pod.hostNetwork,
      restartPolicy: pod.restartPolicy,
      dnsPolicy: pod.dns.policy,
      dnsConfig: dnsConfigView(pod.dns),
      volumes: volumeViews(pod),
      containers: pod.containers.map(containerView),
      initContainers: pod.initContainers.map(containerView),
    },
  };
}

/**
 * The `dnsConfig` a pod renders: none when it has no nameservers, searches or options.
 */
function dnsConfigView(dns: kplus.PodDns): { nameservers: unknown } | undefined {
  const nameservers = dns.nameservers;
  if (nameservers.length === 0 && dns.searches.length === 0 && dns.options.length === 0) return undefined;
  return { nameservers: nameservers.length > 0 ? nameservers : undefined };
}

/**
 * What cdk8s-plus keeps inside a `Volume`: its source, as the `volumes[*]` fields besides the name.
 */
interface VolumeInternals {
  readonly config?: unknown;
}

/**
 * The volumes a pod renders, in its order: those its containers mount, then its init containers', then those added
 * to the pod, each name once.
 */
function volumeViews(pod: kplus.AbstractPod): VolumeView[] {
  const volumes = new Map<string, kplus.Volume>();
  const mounted = [...pod.containers, ...pod.initContainers].flatMap(c => c.mounts.map(m => m.volume));
  for (const volume of [...mounted, ...pod.volumes]) {
    // two different volumes of one name make the rendering fail; the first is what the pod would hold
    if (!volumes.has(volume.name)) volumes.set(volume.name, volume);
  }
  return [...volumes.values()].map(volume => {
    const config = (volume as unknown as VolumeInternals).config;
    // a cdk8s-plus release that kept the source elsewhere would read as none: the property test compares with the rendering
    const sources = typeof config === 'object' && config !== null
      ? Object.entries(config).filter(([, value]) => value !== undefined && value !== null).map(([key]) => key)
      : [];
    return { name: volume.name, sources };
  });
}

/**
 * What cdk8s-plus keeps inside a `Container` and renders as `lifecycle` and the probes; it has no getters for them.
 */
interface ContainerInternals {
  readonly _lifecycle?: unknown;
  readonly _liveness?: unknown;
  readonly _readiness?: unknown;
  readonly _startup?: unknown;
}

function containerView(c: kplus.Container): ContainerView {
  const internals = c as unknown as ContainerInternals;
  const set: Array<[string, unknown]> = [
    ['lifecycle', internals._lifecycle], ['livenessProbe', internals._liveness],
    ['readinessProbe', internals._readiness], ['startupProbe', internals._startup],
  ];
  return {
    name: c.name,
    image: c.image,
    ports: c.ports.map(p => ({ name: p.name, containerPort: p.number, protocol: p.protocol, hostPort: p.hostPort, hostIP: p.hostIp })),
    volumeMounts: c.mounts.map(m => ({ name: m.volume.name, mountPath: m.path })),
    lifecycleAndProbes: set.filter(([, value]) => value !== undefined && value !== null).map(([field]) => field),
    // cdk8s-plus-27 containers have no restartPolicy (a 1.29 field)
    restartPolicy: undefined,
  };
}

/**
 * The view of a Service's spec, from the L1 spec it renders.
 *
 * @internal
 */
export function serviceSpecView(spec: k8s.ServiceSpec): ServiceSpecView {
  return {
    type: spec.type,
    selector: spec.selector,
    ports: (spec.ports ?? []).map((p): ServicePortView => ({
      name: p.name, port: p.port, targetPort: p.targetPort?.value, protocol: p.protocol, appProtocol: p.appProtocol, nodePort: p.nodePort,
    })),
    clusterIP: spec.clusterIp,
    clusterIPs: spec.clusterIPs,
    ipFamilies: spec.ipFamilies,
    ipFamilyPolicy: spec.ipFamilyPolicy,
    externalName: spec.externalName,
    externalIPs: spec.externalIPs,
    sessionAffinity: spec.sessionAffinity,
    clientIPTimeoutSeconds: spec.sessionAffinityConfig?.clientIp?.timeoutSeconds,
    externalTrafficPolicy: spec.externalTrafficPolicy,
    internalTrafficPolicy: spec.internalTrafficPolicy,
    healthCheckNodePort: spec.healthCheckNodePort,
    loadBalancerClass: spec.loadBalancerClass,
    loadBalancerSourceRanges: spec.loadBalancerSourceRanges,
    allocateLoadBalancerNodePorts: spec.allocateLoadBalancerNodePorts,
    // the Kubernetes 1.27 ServiceSpec has no trafficDistribution: our Services never render one
    trafficDistribution: undefined,
  };
}

/**
 * A workload a Service was given as its backend, as the construct-scope rules read it.
 *
 * @internal
 */
export function workloadReference(w: kplus.AbstractPod): WorkloadReference {
  return {
    // a getter: the path is only needed when a message names the workload
    get path() { return w.node.path; },
    key: ApiObject.of(w),
    namespace: w.metadata.namespace,
    selects: selectedLabels(w),
    hasMatchExpressions: isWorkload(w) && w.matchExpressions.length > 0,
    ports: w.containers.flatMap(c => c.ports).map(containerPortReference),
  };
}

/**
 * A container port as a reference: the protocol defaulted to TCP, as the API server defaults it.
 */
function containerPortReference(p: kplus.ContainerPort): ContainerPortReference {
  return { name: p.name, number: p.number, protocol: p.protocol ?? kplus.Protocol.TCP };
}

/**
 * What a workload selects: its selector's labels, or a Pod's own labels.
 *
 * @internal
 */
export function selectedLabels(pod: kplus.AbstractPod): { [key: string]: string } {
  if (isWorkload(pod)) return pod.matchLabels;
  const labels = metadataView(pod.podMetadata).labels;
  return isStringMap(labels) ? { ...labels } : {};
}

/**
 * The view the checker decodes from an object's rendering: for objects of other libraries, and for ours once a
 * JSON patch may have changed what they render.
 *
 * @internal
 */
export function renderedView(apiObject: ApiObject) {
  const problems: Array<[RuleId, string, string]> = [];
  const view = decodeManifest(apiObject.toJson(), (rule, field, message) => problems.push([rule, field, message]));
  return { view, decodeProblems: problems };
}

/**
 * Whether an object has no JSON patches, so that a view built from its construct equals its rendering. Reads
 * cdk8s's private patch list; should that ever move, this answers false and the checker decodes the rendering.
 *
 * @internal
 */
export function isUnpatched(apiObject: ApiObject): boolean {
  const patches = (apiObject as unknown as { patches?: unknown }).patches;
  return Array.isArray(patches) && patches.length === 0;
}

function isWorkload(pod: kplus.AbstractPod): pod is kplus.Workload {
  return 'matchLabels' in pod && 'matchExpressions' in pod;
}

function isStringMap(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) {
    if (typeof (value as Record<string, unknown>)[key] !== 'string') return false;
  }
  return true;
}
