// The contract between the constructs and the checker.
//
// The rules read *views* of objects, never raw manifests. The checker decodes views from parsed YAML or JSON
// (manifest-views.ts); this library's constructs build the same views from their own model (src/views.ts). Every
// field a rule reads is a required member of a view below, so adding one makes every view builder that does not
// fill it a compile error, instead of a rule that silently reads `undefined` on our own objects.
//
// Leaf values are `unknown`: a manifest can hold anything, and the rules check types the way the API server's
// decoder and validation do. Lists and maps that the rules walk are typed; an entry the decoder could not read as
// an object is `undefined` in its list (the decoder reported it), and a list that was not a list at all is
// `undefined` (reported too), so that one mistake gives one finding.
//
// The annotation constants and the helpers that word messages as the API server does live here too: constructs
// and rules both use them.

/**
 * The annotation that marks a Service as selecting pods defined outside the checked manifests.
 *
 * @internal
 */
export const EXTERNAL_BACKEND_ANNOTATION = 'cdk8s-services.io/backend';

/**
 * The value of `EXTERNAL_BACKEND_ANNOTATION` that marks the pods as defined elsewhere.
 *
 * @internal
 */
export const EXTERNAL_BACKEND_VALUE = 'external';

/**
 * The label that ties an EndpointSlice to its Service.
 *
 * @internal
 */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/**
 * The label that names who manages an EndpointSlice.
 *
 * @internal
 */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';

/**
 * The `MANAGED_BY_LABEL` value of the EndpointSlices the cluster's controller writes for Services with a selector.
 *
 * @internal
 */
export const CONTROLLER_MANAGER = 'endpointslice-controller.k8s.io';

/**
 * What the rules read of `metadata`.
 *
 * @internal
 */
export interface MetadataView {
  readonly name: unknown;
  readonly generateName: unknown;
  readonly namespace: unknown;
  readonly labels: unknown;
  readonly annotations: unknown;
}

/**
 * What every view has: the object's type and metadata. `view` tells the kinds of view apart.
 *
 * @internal
 */
export interface ObjectViewBase {
  readonly apiVersion: unknown;
  readonly kind: string;
  readonly metadata: MetadataView;
}

/**
 * An object of a kind the checker does not look inside; only duplicates are checked.
 *
 * @internal
 */
export interface OtherView extends ObjectViewBase {
  readonly view: 'other';
  /**
   * `spec.template`, when it is a pod template with labels: a custom resource (such as an Argo Rollout or a Knative
   * Service) whose controller creates pods from it. Undefined for other objects.
   */
  readonly template: PodTemplateView | undefined;
}

/**
 * A port of a Service (`spec.ports[*]`), as written: defaulting happens in the rules.
 *
 * @internal
 */
export interface ServicePortView {
  readonly name: unknown;
  readonly port: unknown;
  readonly targetPort: unknown;
  readonly protocol: unknown;
  readonly appProtocol: unknown;
  readonly nodePort: unknown;
}

/**
 * The `spec` of a v1 Service, as written.
 *
 * @internal
 */
export interface ServiceSpecView {
  readonly type: unknown;
  readonly selector: unknown;
  /** Undefined when `ports` is not a list (reported by the decoder). */
  readonly ports: ReadonlyArray<ServicePortView | undefined> | undefined;
  readonly clusterIP: unknown;
  readonly clusterIPs: unknown;
  readonly ipFamilies: unknown;
  readonly ipFamilyPolicy: unknown;
  readonly externalName: unknown;
  readonly externalIPs: unknown;
  readonly sessionAffinity: unknown;
  /** `sessionAffinityConfig.clientIP.timeoutSeconds`. */
  readonly clientIPTimeoutSeconds: unknown;
  readonly externalTrafficPolicy: unknown;
  readonly internalTrafficPolicy: unknown;
  readonly healthCheckNodePort: unknown;
  readonly loadBalancerClass: unknown;
  readonly loadBalancerSourceRanges: unknown;
  readonly allocateLoadBalancerNodePorts: unknown;
}

/**
 * A container port a construct refers to by object.
 *
 * @internal
 */
export interface ContainerPortReference {
  readonly name: string | undefined;
  readonly number: number;
  readonly protocol: string;
}

/**
 * A workload a Service construct was given as its backend.
 *
 * @internal
 */
export interface WorkloadReference {
  /** The workload's construct path, for messages. */
  readonly path: string;
  /** The workload's API object: identifies its view among the checked objects. */
  readonly key: object;
  readonly namespace: string | undefined;
  /** What the workload selects: its selector's matchLabels, or a Pod's labels. */
  readonly selects: Readonly<Record<string, string>>;
  /** Whether its selector has matchExpressions, which a Service selector cannot carry. */
  readonly hasMatchExpressions: boolean;
  /** The ports its containers declare. */
  readonly ports: readonly ContainerPortReference[];
}

/**
 * What a Service port targets by object: a container port (name and number, or number), or a port name that each
 * backend maps to a number of its own.
 *
 * @internal
 */
export interface TargetPortReference {
  readonly name: string | undefined;
  /** Undefined for a port name. */
  readonly number: number | undefined;
  readonly protocol: string;
}

/**
 * What a Service construct knows that its manifest does not: the workloads it was given as its backend, what each
 * of its ports targets, and the ports it handed out to clients. The construct-scope rules read it.
 *
 * @internal
 */
export interface ServiceReferences {
  /** The backend workloads; empty for pods defined elsewhere or endpoints written by hand. */
  readonly workloads: readonly WorkloadReference[];
  /** By port index: what the port targets, when it names a container port or a port name. */
  readonly targetPorts: ReadonlyArray<TargetPortReference | undefined>;
  /** The ports handed out to clients (as environment values): each must be a port of the Service. */
  readonly discoveryPorts: ReadonlyArray<{ readonly name: string | undefined; readonly number: number; readonly protocol: string }>;
}

/**
 * A v1 Service.
 *
 * @internal
 */
export interface ServiceView extends ObjectViewBase {
  readonly view: 'service';
  /** Undefined when `spec` is not an object (reported by the decoder). */
  readonly spec: ServiceSpecView | undefined;
  /** Undefined for a manifest: only this library's constructs carry references. */
  readonly references: ServiceReferences | undefined;
}

/**
 * A port a container declares (`ports[*]`).
 *
 * @internal
 */
export interface ContainerPortView {
  readonly name: unknown;
  readonly containerPort: unknown;
  readonly protocol: unknown;
  readonly hostPort: unknown;
  readonly hostIP: unknown;
}

/**
 * A container or init container of a pod template.
 *
 * @internal
 */
export interface ContainerView {
  readonly name: unknown;
  readonly ports: ReadonlyArray<ContainerPortView | undefined>;
}

/**
 * What the rules read of a pod spec.
 *
 * @internal
 */
export interface PodSpecView {
  readonly hostNetwork: unknown;
  readonly containers: ReadonlyArray<ContainerView | undefined>;
  readonly initContainers: ReadonlyArray<ContainerView | undefined>;
}

/**
 * A pod template: a workload's `spec.template` (a CronJob's `spec.jobTemplate.spec.template`), or a Pod itself.
 *
 * @internal
 */
export interface PodTemplateView {
  /** The field path of the template, such as `spec.template`; empty for a Pod. */
  readonly path: string;
  readonly labels: unknown;
  readonly annotations: unknown;
  readonly spec: PodSpecView;
}

/**
 * The kinds whose pods the checker knows how to find.
 *
 * @internal
 */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'ReplicationController' | 'Job' | 'CronJob' | 'Pod';

/**
 * A workload or a Pod.
 *
 * @internal
 */
export interface WorkloadView extends ObjectViewBase {
  readonly view: 'workload';
  readonly kind: WorkloadKind;
  /** `spec.selector` as written, for the kinds whose selector is a LabelSelector; undefined for the others. */
  readonly selector: unknown;
  /** Undefined when the object has no pod template the checker can read. */
  readonly template: PodTemplateView | undefined;
  /** A StatefulSet's `spec.serviceName`, the Service that governs its pods' DNS names; undefined for other kinds. */
  readonly serviceName: unknown;
  /** The spec fields that decide which labels the controller adds to the pods (controller-labels.ts). */
  readonly controller: ControllerSettingsView;
}

/**
 * The spec fields that decide the labels a controller adds to its pods, as written; undefined where the kind has
 * no such field.
 *
 * @internal
 */
export interface ControllerSettingsView {
  /** A StatefulSet's `spec.ordinals.start`: its pods are named `<name>-<ordinal>` from this ordinal up. */
  readonly ordinalsStart: unknown;
  /** A Job's `spec.manualSelector` (a CronJob's job template's): when true, the API server adds no Job labels. */
  readonly manualSelector: unknown;
  /** A Job's `spec.completionMode`: `Indexed` pods carry their completion index. */
  readonly completionMode: unknown;
}

/**
 * An endpoint of an EndpointSlice (`endpoints[*]`).
 *
 * @internal
 */
export interface EndpointView {
  readonly addresses: unknown;
  readonly hostname: unknown;
  readonly nodeName: unknown;
  /** `hints.forZones`, as written. */
  readonly forZones: unknown;
}

/**
 * A port of an EndpointSlice (`ports[*]`), as written: defaulting happens in the rules.
 *
 * @internal
 */
export interface EndpointPortView {
  readonly name: unknown;
  readonly port: unknown;
  readonly protocol: unknown;
  readonly appProtocol: unknown;
}

/**
 * A `discovery.k8s.io/v1` EndpointSlice.
 *
 * @internal
 */
export interface EndpointSliceView extends ObjectViewBase {
  readonly view: 'endpointSlice';
  readonly addressType: unknown;
  /** Undefined when `endpoints` is not a list (reported by the decoder). */
  readonly endpoints: ReadonlyArray<EndpointView | undefined> | undefined;
  /** Undefined when `ports` is not a list (reported by the decoder). */
  readonly ports: ReadonlyArray<EndpointPortView | undefined> | undefined;
}

/**
 * Any view the checker reads.
 *
 * @internal
 */
export type ObjectView = ServiceView | WorkloadView | EndpointSliceView | OtherView;

/**
 * Renders a value the way the API server quotes it in `Invalid value: …`.
 *
 * @internal
 */
export function show(value: unknown): string {
  if (value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  try {
    // YAML and JSON parsers can hand us big integers and other values JSON has no form for
    return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A value as text inside a message: strings as they are, anything else as `show` renders it.
 *
 * @internal
 */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : show(value);
}

/**
 * `field.Invalid`: `Invalid value: <value>: <detail>`.
 *
 * @internal
 */
export function invalid(value: unknown, detail: string): string {
  return `Invalid value: ${show(value)}: ${detail}`;
}

/**
 * `field.NotSupported`: `Unsupported value: <value>: supported values: …`.
 *
 * @internal
 */
export function notSupported(value: unknown, supported: readonly string[]): string {
  return `Unsupported value: ${show(value)}: supported values: ${supported.map(s => `"${s}"`).join(', ')}`;
}

/**
 * `field.Duplicate`.
 *
 * @internal
 */
export function duplicate(value: unknown, detail?: string): string {
  return `Duplicate value: ${show(value)}` + (detail ? `: ${detail}` : '');
}

/**
 * `field.Required`.
 *
 * @internal
 */
export function required(detail?: string): string {
  return 'Required value' + (detail ? `: ${detail}` : '');
}

/**
 * `field.Forbidden`.
 *
 * @internal
 */
export function forbidden(detail: string): string {
  return `Forbidden: ${detail}`;
}
