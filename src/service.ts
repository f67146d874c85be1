import { ApiObject, ApiObjectMetadata, ApiObjectMetadataDefinition, Lazy } from 'cdk8s';
import { Protocol, ServiceType } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { AppValidation, isUnpatched, ReferenceProblem } from './app-validation';
import { Backend } from './backend';
import { EXTERNAL_BACKEND_ANNOTATION } from './check/service-rules';
import { IpFamily, IpFamilyPolicy } from './ip-family';
import { nameFromId } from './names';
import { NodePortServicePortOptions } from './service-port';
import { SessionAffinity } from './session-affinity';
import { TrafficPolicy } from './traffic-policy';

/**
 * Options every Service has.
 */
export interface ServiceOptions {
  /**
   * Metadata: name, namespace, labels and annotations (cloud load-balancer annotations go here).
   *
   * @default - the name is derived from the construct id (`AdminUI` → `admin-ui`); no namespace, labels or
   * annotations
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * Options every Service with a cluster IP has: ClusterIP, NodePort and LoadBalancer Services.
 */
export interface CommonServiceOptions extends ServiceOptions {
  /**
   * Whether a client's connections stick to one pod.
   *
   * @default - SessionAffinity.none(), the Kubernetes default
   */
  readonly sessionAffinity?: SessionAffinity;

  /**
   * How traffic from inside the cluster is routed: to any ready pod (`CLUSTER`) or only to pods on the client's
   * node (`LOCAL`).
   *
   * @default - TrafficPolicy.CLUSTER, the Kubernetes default
   */
  readonly internalTrafficPolicy?: TrafficPolicy;

  /**
   * Whether endpoints include pods that are not ready.
   *
   * @default false
   */
  readonly publishNotReadyAddresses?: boolean;

  /**
   * The IP families of the cluster IPs, in order.
   *
   * @default - chosen by the cluster from `ipFamilyPolicy`
   */
  readonly ipFamilies?: IpFamily[];

  /**
   * How many IP families the Service gets cluster IPs from.
   *
   * @default - chosen by the cluster: SingleStack, unless two ipFamilies or clusterIPs ask for both families
   */
  readonly ipFamilyPolicy?: IpFamilyPolicy;

  /**
   * A specific cluster IP, from the cluster's service CIDR. For a headless Service use `HeadlessService`.
   *
   * @default - allocated by the cluster
   */
  readonly clusterIP?: string;

  /**
   * Specific cluster IPs, one per IP family; the first must equal `clusterIP` when both are given.
   *
   * @default - allocated by the cluster
   */
  readonly clusterIPs?: string[];

  /**
   * IP addresses for which nodes also accept traffic for this Service. Synth warns: anyone who can write a Service
   * can intercept traffic this way (CVE-2020-8554), and many clusters deny it by admission policy.
   *
   * @default - none
   */
  readonly externalIPs?: string[];
}

/**
 * A Kubernetes Service: a stable name and virtual IP in front of a changing set of pods.
 *
 * This is the common base of `ClusterIPService`, `HeadlessService`, `NodePortService`, `LoadBalancerService` and
 * `ExternalNameService`; each carries only the fields that apply to its type. It is not meant to be extended
 * outside this library.
 */
export abstract class Service extends Construct {
  /**
   * The Service object (construct id `Resource`).
   */
  public readonly apiObject: ApiObject;

  /**
   * The Service type.
   */
  public readonly serviceType: ServiceType;

  /**
   * The pods the Service sends traffic to.
   *
   * @default - none: an ExternalName Service selects no pods
   */
  public readonly backend?: Backend;

  private readonly ports: NodePortServicePortOptions[] = [];
  private portsDeclared = false;

  protected constructor(scope: Construct, id: string, serviceType: ServiceType, options: ServiceOptions, backend?: Backend) {
    super(scope, id);
    this.serviceType = serviceType;
    this.backend = backend;
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...options.metadata, name: options.metadata?.name ?? nameFromId(id) },
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    if (backend?.external) {
      this.apiObject.metadata.addAnnotation(EXTERNAL_BACKEND_ANNOTATION, 'external');
    }
    AppValidation._register(this, this.apiObject, { view: () => this.checkedView(), references: () => this.references() });
  }

  /**
   * The Service's `metadata.name`: the DNS name clients use within the namespace.
   */
  public get name(): string {
    return this.apiObject.name;
  }

  /**
   * The Service's metadata.
   */
  public get metadata(): ApiObjectMetadataDefinition {
    return this.apiObject.metadata;
  }

  /**
   * The ports added so far (a copy).
   */
  public get servicePorts(): NodePortServicePortOptions[] {
    return [...this.ports];
  }

  /**
   * Adds a port; the typed `addPort` of each Service type calls this.
   *
   * @internal
   */
  protected _addPort(port: NodePortServicePortOptions): void {
    this.ports.push(port);
    this.portsDeclared = true;
  }

  /**
   * Records that the ports were given (perhaps as an empty list), so none are derived from the backend.
   *
   * @internal
   */
  protected _declarePorts(ports: NodePortServicePortOptions[] | undefined): void {
    if (ports === undefined) return;
    this.portsDeclared = true;
    for (const port of ports) this.ports.push(port);
  }

  /**
   * The spec fields of the Service's type, beyond type, selector and ports.
   *
   * @internal
   */
  protected abstract _typeSpec(): { [key: string]: any };

  /**
   * The Service as the checker reads it: its metadata and the spec its rendering produces, without resolving and
   * sorting the whole object again. Undefined when JSON patches could change the output.
   */
  private checkedView(): any {
    if (!isUnpatched(this.apiObject)) return undefined;
    return { apiVersion: 'v1', kind: 'Service', metadata: this.metadata.toJson(), spec: this.renderSpec() };
  }

  private renderSpec(): { [key: string]: any } {
    const selector = this.backend?._selector();
    return {
      type: this.serviceType,
      selector: selector && Object.keys(selector).length > 0 ? selector : undefined,
      ports: this.renderPorts(),
      ...this._typeSpec(),
    };
  }

  /**
   * The ports added, or else one per container port of the backend workloads (a port that several workloads
   * declare alike, such as a stable and a canary Deployment, once).
   */
  private renderPorts(): Array<{ [key: string]: any }> | undefined {
    if (this.portsDeclared) return this.ports.length > 0 ? this.ports.map(renderPort) : undefined;
    const derived = new Map<string, { [key: string]: any }>();
    for (const p of (this.backend?.workloads ?? []).flatMap(w => w.containers).flatMap(c => c.ports)) {
      const port = { name: p.name, port: p.number, targetPort: p.name ?? p.number, protocol: p.protocol ?? Protocol.TCP };
      const key = `${port.name ?? ''}/${port.port}/${port.protocol}`;
      if (!derived.has(key)) derived.set(key, port);
    }
    return derived.size > 0 ? [...derived.values()] : undefined;
  }

  /**
   * Problems of the construct references: the backend's, and ports whose target the backend does not declare.
   */
  private references(): ReferenceProblem[] {
    const problems = this.backend?._validate(this.metadata.namespace) ?? [];
    const workloads = this.backend?.external ? [] : this.backend?.workloads ?? [];
    this.ports.forEach((p, i) => {
      const target = p.targetPort;
      if (!target) return;
      if (p.protocol && p.protocol !== target.protocol) {
        problems.push({
          rule: 'service-port-target',
          field: `spec.ports[${i}].protocol`,
          message: `Invalid value: "${p.protocol}": differs from the protocol of targetPort ${target}; leave protocol out, it comes from the container port`,
        });
      }
      for (const w of workloads) {
        const declared = w.containers.flatMap(c => c.ports);
        const same = (d: { number: number; name?: string; protocol?: Protocol }) =>
          d.number === target.number && (d.protocol ?? Protocol.TCP) === target.protocol && (target.name === undefined || d.name === target.name);
        if (!declared.some(same)) {
          problems.push({
            rule: 'service-port-target',
            field: `spec.ports[${i}].targetPort`,
            message: `targetPort ${target} is not a container port of the backend ${w.node.path}, which declares ${declared.length ? declared.map(d => `${d.name ? d.name + ' ' : ''}${d.number}/${d.protocol ?? Protocol.TCP}`).join(', ') : 'none'}; target the ContainerPort object the backend's container declares`,
          });
        }
      }
    });
    return problems;
  }
}

function renderPort(p: NodePortServicePortOptions): { [key: string]: any } {
  const target = p.targetPort;
  return {
    name: p.name ?? target?.name,
    port: p.port,
    targetPort: target ? target.name ?? target.number : p.port,
    protocol: p.protocol ?? target?.protocol ?? Protocol.TCP,
    appProtocol: p.appProtocol,
    nodePort: p.nodePort,
  };
}

/**
 * The spec fields of `CommonServiceOptions`, for the Service types that have them.
 *
 * @internal
 */
export function commonSpec(options: CommonServiceOptions): { [key: string]: any } {
  return {
    ...options.sessionAffinity?._toSpec(),
    internalTrafficPolicy: options.internalTrafficPolicy,
    publishNotReadyAddresses: options.publishNotReadyAddresses,
    ipFamilies: nonEmpty(options.ipFamilies),
    ipFamilyPolicy: options.ipFamilyPolicy,
    clusterIP: options.clusterIP,
    clusterIPs: nonEmpty(options.clusterIPs),
    externalIPs: nonEmpty(options.externalIPs),
  };
}

/**
 * A copy of the list, or undefined when it is empty (no `externalIPs: []` noise in the output).
 *
 * @internal
 */
export function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? [...list] : undefined;
}
