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
 * The label the API server gives every namespace (Kubernetes 1.22 and later), its own name: a namespace selector
 * that names one namespace.
 *
 * @internal
 */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

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
  /**
   * What an RBAC object says about creating pods: a Role or ClusterRole that lets its subjects create or change pods,
   * or a binding that grants a role to ServiceAccounts. Undefined for other objects.
   */
  readonly podAccess: PodAccessView | undefined;
}

/**
 * The part of an RBAC object that tells whether a workload of the input may create or relabel pods at run time (an
 * operator's manager, a storage system's DaemonSet): pods the checker cannot see.
 *
 * @internal
 */
export interface PodAccessView {
  /** A Role or ClusterRole: whether a rule grants create, patch, update or * on core pods. */
  readonly writesPods: boolean;
  /** A RoleBinding or ClusterRoleBinding: the role it grants, when a ServiceAccount is among its subjects. */
  readonly grants: { readonly kind: unknown; readonly name: unknown } | undefined;
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
  /** Added in Kubernetes 1.30: unknown to a 1.27 API server. */
  readonly trafficDistribution: unknown;
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
  readonly image: unknown;
  readonly ports: ReadonlyArray<ContainerPortView | undefined>;
  readonly volumeMounts: ReadonlyArray<VolumeMountView | undefined>;
  /** Which of `lifecycle`, `livenessProbe`, `readinessProbe` and `startupProbe` are set (not null): init containers may have none. */
  readonly lifecycleAndProbes: readonly string[];
  /** An init container's `restartPolicy`: `Always` makes it a sidecar (Kubernetes 1.29 on; unknown to 1.27). */
  readonly restartPolicy: unknown;
}

/**
 * A volume mount of a container (`volumeMounts[*]`).
 *
 * @internal
 */
export interface VolumeMountView {
  readonly name: unknown;
  readonly mountPath: unknown;
}

/**
 * A volume of a pod spec (`volumes[*]`).
 *
 * @internal
 */
export interface VolumeView {
  readonly name: unknown;
  /** The fields set besides `name` (not null), such as `configMap`: the volume sources, one of which a volume has. */
  readonly sources: readonly string[];
}

/**
 * What the rules read of a pod spec.
 *
 * @internal
 */
export interface PodSpecView {
  readonly hostNetwork: unknown;
  readonly restartPolicy: unknown;
  readonly dnsPolicy: unknown;
  /** `dnsConfig` with the nameservers as written; undefined when there is no `dnsConfig` object. */
  readonly dnsConfig: { readonly nameservers: unknown } | undefined;
  readonly volumes: ReadonlyArray<VolumeView | undefined>;
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
  /**
   * A StatefulSet's `spec.volumeClaimTemplates[*].metadata.name`: its controller gives each pod a volume of each name,
   * which the containers may mount. Empty for other kinds.
   */
  readonly volumeClaimNames: readonly unknown[];
  /** The spec fields that decide which labels the controller adds to the pods (controller-labels.ts). */
  readonly controller: ControllerSettingsView;
  /** The spec fields outside the pod template that the API server validates (workload-spec-rules.ts). */
  readonly spec: WorkloadSpecView;
}

/**
 * The spec fields of a workload outside its pod template and selector, as written (before defaulting); undefined
 * where the kind has no such field. Nested fields (`strategy`, `updateStrategy`, …) are the raw values: the rules walk
 * them, skipping values of the wrong JSON type, which the API server refuses when it decodes the object. A
 * StatefulSet's `ordinals.start`, and a Job's `manualSelector` and `completionMode`, are read from `controller`.
 *
 * @internal
 */
export interface WorkloadSpecView {
  /** `spec.replicas` of a Deployment, StatefulSet or ReplicaSet. */
  readonly replicas: unknown;
  /** `spec.minReadySeconds` of a Deployment, StatefulSet, DaemonSet or ReplicaSet. */
  readonly minReadySeconds: unknown;
  /** `spec.revisionHistoryLimit` of a Deployment or DaemonSet. */
  readonly revisionHistoryLimit: unknown;
  /** A Deployment's `spec.progressDeadlineSeconds`. */
  readonly progressDeadlineSeconds: unknown;
  /** A Deployment's `spec.strategy` (`type`, `rollingUpdate.maxSurge`, `rollingUpdate.maxUnavailable`). */
  readonly strategy: unknown;
  /** A StatefulSet's or DaemonSet's `spec.updateStrategy` (`type`, `rollingUpdate.*`). */
  readonly updateStrategy: unknown;
  /** A StatefulSet's `spec.podManagementPolicy`. */
  readonly podManagementPolicy: unknown;
  /** A StatefulSet's `spec.persistentVolumeClaimRetentionPolicy` (`whenDeleted`, `whenScaled`). */
  readonly persistentVolumeClaimRetentionPolicy: unknown;
  /** A Job's `spec`, or a CronJob's `spec.jobTemplate.spec`; undefined for other kinds. */
  readonly job: JobSpecView | undefined;
  /** A CronJob's own `spec` fields; undefined for other kinds. */
  readonly cronJob: CronJobSpecView | undefined;
}

/**
 * The fields of a Job spec (a Job's `spec`, a CronJob's `spec.jobTemplate.spec`) that `validateJobSpec` reads, as
 * written.
 *
 * @internal
 */
export interface JobSpecView {
  readonly parallelism: unknown;
  readonly completions: unknown;
  readonly activeDeadlineSeconds: unknown;
  readonly backoffLimit: unknown;
  readonly ttlSecondsAfterFinished: unknown;
  readonly selector: unknown;
  /** `podFailurePolicy` (`rules[*].action`, `onExitCodes`, `onPodConditions`). */
  readonly podFailurePolicy: unknown;
}

/**
 * The fields of a CronJob's `spec` that `validateCronJobSpec` reads besides its job template, as written.
 *
 * @internal
 */
export interface CronJobSpecView {
  readonly schedule: unknown;
  readonly timeZone: unknown;
  readonly startingDeadlineSeconds: unknown;
  readonly concurrencyPolicy: unknown;
  readonly successfulJobsHistoryLimit: unknown;
  readonly failedJobsHistoryLimit: unknown;
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
 * A reference to an object of the same namespace by apiVersion, kind and name, as written: a
 * HorizontalPodAutoscaler's `spec.scaleTargetRef` (a `CrossVersionObjectReference`).
 *
 * @internal
 */
export interface ScaleTargetRefView {
  readonly apiVersion: unknown;
  readonly kind: unknown;
  readonly name: unknown;
}

/**
 * An `autoscaling` HorizontalPodAutoscaler (v1 or v2): the checker reads only what it scales.
 *
 * @internal
 */
export interface AutoscalerView extends ObjectViewBase {
  readonly view: 'autoscaler';
  /** `spec.scaleTargetRef`; undefined when it is not an object. */
  readonly scaleTargetRef: ScaleTargetRefView | undefined;
}

/**
 * A `policy` PodDisruptionBudget: the checker reads only which pods it selects.
 *
 * @internal
 */
export interface DisruptionBudgetView extends ObjectViewBase {
  readonly view: 'disruptionBudget';
  /** `spec.selector` as written: a LabelSelector (in policy/v1 an empty one selects every pod of the namespace). */
  readonly selector: unknown;
  /** `spec.minAvailable` as written: a number or a percentage. */
  readonly minAvailable: unknown;
  /** `spec.maxUnavailable` as written: a number or a percentage. */
  readonly maxUnavailable: unknown;
}

/**
 * An endpoint of a ServiceMonitor (`spec.endpoints[*]`) or PodMonitor (`spec.podMetricsEndpoints[*]`), as written.
 *
 * @internal
 */
export interface MonitorEndpointView {
  /** A ServiceMonitor's: the name of a Service port; a PodMonitor's: the name of a container port. */
  readonly port: unknown;
  /** A PodMonitor's container port number (newer Prometheus Operator releases); undefined for a ServiceMonitor. */
  readonly portNumber: unknown;
  /** A container port of the pods, by name or number (deprecated for a PodMonitor). */
  readonly targetPort: unknown;
}

/**
 * A Prometheus Operator (`monitoring.coreos.com`) ServiceMonitor or PodMonitor: what it selects and which ports it
 * scrapes.
 *
 * @internal
 */
export interface MonitorView extends ObjectViewBase {
  readonly view: 'monitor';
  readonly kind: 'ServiceMonitor' | 'PodMonitor';
  /** `spec.selector` as written: a LabelSelector over Services (ServiceMonitor) or pods (PodMonitor). */
  readonly selector: unknown;
  /** `spec.namespaceSelector` as written: `any` or `matchNames`; absent selects the monitor's own namespace. */
  readonly namespaceSelector: unknown;
  /** The field of the endpoint list: `spec.endpoints` or `spec.podMetricsEndpoints`. */
  readonly endpointsField: string;
  /** The endpoints; an entry that is not an object is undefined. */
  readonly endpoints: ReadonlyArray<MonitorEndpointView | undefined>;
}

/**
 * A backend a Gateway API route forwards to (`backendRefs[*]`, or a `requestMirror` filter's `backendRef`), as
 * written: `group` "" and `kind` Service are the defaults.
 *
 * @internal
 */
export interface BackendRefView {
  /** The field path of the reference, such as `spec.rules[0].backendRefs[1]`. */
  readonly path: string;
  readonly group: unknown;
  readonly kind: unknown;
  readonly name: unknown;
  readonly namespace: unknown;
  readonly port: unknown;
}

/**
 * The Gateway API route kinds whose backends the checker reads.
 *
 * @internal
 */
export type RouteKind = 'HTTPRoute' | 'GRPCRoute' | 'TCPRoute' | 'UDPRoute' | 'TLSRoute';

/**
 * A `gateway.networking.k8s.io` route: the backends of its rules.
 *
 * @internal
 */
export interface RouteView extends ObjectViewBase {
  readonly view: 'route';
  readonly kind: RouteKind;
  readonly backendRefs: readonly BackendRefView[];
}

/**
 * A `gateway.networking.k8s.io` ReferenceGrant: which objects of other namespaces may refer to objects of its own.
 *
 * @internal
 */
export interface ReferenceGrantView extends ObjectViewBase {
  readonly view: 'referenceGrant';
  /** `spec.from` as written: a list of `{group, kind, namespace}`. */
  readonly from: unknown;
  /** `spec.to` as written: a list of `{group, kind, name}`. */
  readonly to: unknown;
}

/**
 * The port of an Ingress's Service backend (`service.port`, a `ServiceBackendPort`), as written: a Service port by
 * `name` or by `number` (0 or absent means unset), never both.
 *
 * @internal
 */
export interface ServiceBackendPortView {
  readonly name: unknown;
  readonly number: unknown;
}

/**
 * An Ingress backend that is a Service of the Ingress's namespace (`backend.service`), as written.
 *
 * @internal
 */
export interface IngressServiceBackendView {
  readonly name: unknown;
  /** `service.port`; undefined when absent or not an object. */
  readonly port: ServiceBackendPortView | undefined;
}

/**
 * An Ingress backend that is another object of the Ingress's namespace (`backend.resource`, a
 * `TypedLocalObjectReference`), such as a storage bucket of the ingress controller's own API group.
 *
 * @internal
 */
export interface IngressResourceBackendView {
  readonly apiGroup: unknown;
  readonly kind: unknown;
  readonly name: unknown;
}

/**
 * An Ingress backend (`spec.defaultBackend`, or the `backend` of an HTTP path): a Service or a resource, exactly one.
 *
 * @internal
 */
export interface IngressBackendView {
  /** The field path of the backend, such as `spec.defaultBackend` or `spec.rules[0].http.paths[1].backend`. */
  readonly path: string;
  /** `service`; undefined when absent (null) or not an object (reported by the decoder). */
  readonly service: IngressServiceBackendView | undefined;
  /** `resource`; undefined when absent (null) or not an object (reported by the decoder). */
  readonly resource: IngressResourceBackendView | undefined;
}

/**
 * A path of an Ingress rule (`http.paths[*]`), as written: `pathType` has no default in networking.k8s.io/v1.
 *
 * @internal
 */
export interface IngressPathView {
  readonly path: unknown;
  readonly pathType: unknown;
  /** Undefined when `backend` is not an object (reported by the decoder); an absent backend reads as empty. */
  readonly backend: IngressBackendView | undefined;
}

/**
 * A rule of an Ingress (`spec.rules[*]`): a host and its HTTP paths.
 *
 * @internal
 */
export interface IngressRuleView {
  /** Empty or absent for every host; a DNS name, or a wildcard such as `*.example.com`. */
  readonly host: unknown;
  /**
   * `http.paths`; undefined when the rule has no `http` (a host-only rule is valid), or when `http` or `paths` is
   * not what it should be (reported by the decoder). An `http` without paths reads as an empty list.
   */
  readonly paths: ReadonlyArray<IngressPathView | undefined> | undefined;
}

/**
 * A TLS entry of an Ingress (`spec.tls[*]`), as written.
 *
 * @internal
 */
export interface IngressTLSView {
  readonly hosts: unknown;
  readonly secretName: unknown;
}

/**
 * The `spec` of a networking.k8s.io/v1 Ingress, as written.
 *
 * @internal
 */
export interface IngressSpecView {
  readonly ingressClassName: unknown;
  /** Undefined when absent (null) or not an object (reported by the decoder). */
  readonly defaultBackend: IngressBackendView | undefined;
  /** Undefined when `rules` is not a list (reported by the decoder); absent reads as empty. */
  readonly rules: ReadonlyArray<IngressRuleView | undefined> | undefined;
  /** Undefined when `tls` is not a list (reported by the decoder); absent reads as empty. */
  readonly tls: ReadonlyArray<IngressTLSView | undefined> | undefined;
}

/**
 * A networking.k8s.io/v1 Ingress: HTTP routes from hosts and paths to Services of its namespace.
 *
 * @internal
 */
export interface IngressView extends ObjectViewBase {
  readonly view: 'ingress';
  /**
   * The value of the `kubernetes.io/ingress.class` annotation, the class before `spec.ingressClassName`; undefined
   * when the annotation is not set.
   */
  readonly classAnnotation: unknown;
  /** Undefined when `spec` is not an object (reported by the decoder). */
  readonly spec: IngressSpecView | undefined;
}

/**
 * A port of a NetworkPolicy rule (`ports[*]`), as written: the protocol defaults to TCP in the rules. `port` is a
 * *pod* (container) port, by number or by container port name, never a Service port.
 *
 * @internal
 */
export interface NetworkPolicyPortView {
  readonly protocol: unknown;
  readonly port: unknown;
  /** With a numeric `port`: the last port of the range `port`..`endPort`. */
  readonly endPort: unknown;
}

/**
 * The `ipBlock` of a NetworkPolicy peer, as written.
 *
 * @internal
 */
export interface IPBlockView {
  readonly cidr: unknown;
  readonly except: unknown;
}

/**
 * A peer of a NetworkPolicy rule (`from[*]` of an ingress rule, `to[*]` of an egress rule): pods (by `podSelector`,
 * in the policy's namespace or in the namespaces `namespaceSelector` selects), or an IP block.
 *
 * @internal
 */
export interface NetworkPolicyPeerView {
  /** A LabelSelector as written; undefined or null when absent. */
  readonly podSelector: unknown;
  /** A LabelSelector as written; undefined or null when absent. */
  readonly namespaceSelector: unknown;
  /** Undefined when absent (null); a peer whose ipBlock is not an object is undefined (reported by the decoder). */
  readonly ipBlock: IPBlockView | undefined;
}

/**
 * An ingress rule (`spec.ingress[*]`: `from` and `ports`) or an egress rule (`spec.egress[*]`: `to` and `ports`) of a
 * NetworkPolicy. An empty or absent list allows every peer, or every port.
 *
 * @internal
 */
export interface NetworkPolicyRuleView {
  /** Undefined when `ports` is not a list (reported by the decoder). */
  readonly ports: ReadonlyArray<NetworkPolicyPortView | undefined> | undefined;
  /** `from` of an ingress rule, `to` of an egress rule; undefined when it is not a list (reported by the decoder). */
  readonly peers: ReadonlyArray<NetworkPolicyPeerView | undefined> | undefined;
}

/**
 * The `spec` of a networking.k8s.io/v1 NetworkPolicy, as written: defaulting (`policyTypes`, port protocols) happens
 * in the rules.
 *
 * @internal
 */
export interface NetworkPolicySpecView {
  /** A LabelSelector as written: the pods of the policy's namespace it applies to (absent or `{}`: all of them). */
  readonly podSelector: unknown;
  readonly policyTypes: unknown;
  /** Undefined when `ingress` is not a list (reported by the decoder); absent reads as empty. */
  readonly ingress: ReadonlyArray<NetworkPolicyRuleView | undefined> | undefined;
  /** Undefined when `egress` is not a list (reported by the decoder); absent reads as empty. */
  readonly egress: ReadonlyArray<NetworkPolicyRuleView | undefined> | undefined;
}

/**
 * A networking.k8s.io/v1 NetworkPolicy: which traffic the pods it selects accept and send.
 *
 * @internal
 */
export interface NetworkPolicyView extends ObjectViewBase {
  readonly view: 'networkPolicy';
  /** Undefined when `spec` is not an object (reported by the decoder). */
  readonly spec: NetworkPolicySpecView | undefined;
}

/**
 * Any view the checker reads.
 *
 * @internal
 */
export type ObjectView =
  | ServiceView | WorkloadView | EndpointSliceView | AutoscalerView | DisruptionBudgetView | MonitorView | RouteView | ReferenceGrantView
  | IngressView | NetworkPolicyView | OtherView;

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
 * `field.NotFound`.
 *
 * @internal
 */
export function notFound(value: unknown, detail?: string): string {
  return `Not found: ${show(value)}` + (detail ? `: ${detail}` : '');
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
