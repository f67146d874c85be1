import { ApiObjectMetadata } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Protocol, ServiceType, k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { AppValidation } from './app-validation';
import { Backend } from './backend';
import { ContainerPortReference, EXTERNAL_BACKEND_ANNOTATION, EXTERNAL_BACKEND_VALUE, ServiceReferences, ServiceView } from './check/contract';
import { Problems } from './errors';
import { IpFamily, IpFamilyPolicy } from './ip-family';
import { nameFromId } from './names';
import { NodePortServicePortOptions, ServicePortOptions } from './service-port';
import { SessionAffinity } from './session-affinity';
import { TrafficPolicy } from './traffic-policy';
import { containerPortReference, isUnpatched, metadataView, serviceSpecView } from './views';

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
 * `ExternalNameService`; each carries only the fields that apply to its type. It is a cdk8s-plus-27 `Service`, so
 * it goes wherever cdk8s-plus expects one, but its selector comes from its backend and its ports from `addPort`:
 * the inherited `select()`, `selectLabel()` and `bind()` fail and say what to use instead. It is not meant to be
 * extended outside this library.
 */
export abstract class Service extends kplus.Service {
  /**
   * The pods the Service sends traffic to.
   *
   * @default - none: an ExternalName Service selects no pods
   */
  public readonly backend?: Backend;

  private readonly declaredPorts: NodePortServicePortOptions[] = [];
  private portsDeclared = false;

  protected constructor(
    scope: Construct, id: string, type: ServiceType, options: ServiceOptions, backend?: Backend, typeProps: kplus.ServiceProps = {},
  ) {
    super(scope, id, {
      ...typeProps,
      type,
      metadata: { ...options.metadata, name: options.metadata?.name ?? nameFromId(id) },
    });
    this.backend = backend;
    if (backend?.external) {
      this.metadata.addAnnotation(EXTERNAL_BACKEND_ANNOTATION, EXTERNAL_BACKEND_VALUE);
    }
    AppValidation._register(this, this.apiObject, { view: () => this.checkedView(), references: () => this.references() });
  }

  /**
   * The ports added so far (a copy).
   */
  public get servicePorts(): NodePortServicePortOptions[] {
    return [...this.declaredPorts];
  }

  /**
   * The ports as cdk8s-plus-27 describes them (numeric target ports), for cdk8s-plus APIs such as
   * `IngressBackend.fromService`: the ports added, or those derived from the backend.
   */
  public get ports(): kplus.ServicePort[] {
    return (this.renderPorts() ?? []).map((p, i) => ({
      name: p.name,
      port: p.port,
      protocol: p.protocol as Protocol | undefined,
      nodePort: p.nodePort,
      targetPort: this.portsDeclared ? this.declaredPorts[i].targetPort?.number ?? p.port : p.port,
    }));
  }

  /**
   * The first port's number.
   */
  public get port(): number {
    const first = this.ports[0];
    if (!first) {
      new Problems(`[${this.node.path}]`).required('port', 'the Service has no port', 'add one with addPort(), or give the backend a container port').fail();
    }
    return first.port;
  }

  /**
   * Not supported: a port targets a container port object, never a number typed twice. Fails with the method to
   * use instead.
   */
  public bind(port: number, _options: kplus.ServiceBindOptions = {}): void {
    new Problems(`[${this.node.path}]`).forbidden(`bind(${port})`, 'this Service targets container ports by object',
      'use addPort({ port, targetPort: containerPort }) on a ClusterIP, headless, NodePort or LoadBalancer Service').fail();
  }

  /**
   * Not supported beyond the backend's own workloads: the selector comes from the backend. Selecting a workload the
   * backend already holds (as a cdk8s-plus StatefulSet does with its governing Service) changes nothing.
   */
  public select(selector: kplus.IPodSelector): void {
    if (this.backend?.workloads.some(w => w === (selector as unknown))) return;
    new Problems(`[${this.node.path}]`).forbidden('select()', 'the selector comes from the backend, so it cannot drift from the pod labels',
      'pass the workload as the backend: Backend.fromWorkload(workload)').fail();
  }

  /**
   * Not supported: the selector comes from the backend. Fails with the way to select by labels instead.
   */
  public selectLabel(key: string, value: string): void {
    new Problems(`[${this.node.path}]`).forbidden(`selectLabel(${key}, ${value})`, 'the selector comes from the backend, so it cannot drift from the pod labels',
      'pass the workload as the backend (Backend.fromWorkload), or Backend.externalPods(labels) for pods defined elsewhere').fail();
  }

  /**
   * The Service spec, typed with the Kubernetes L1 types (rendered late, so ports added later are included).
   *
   * @internal
   */
  public _toKube(): k8s.ServiceSpec {
    const selector = this.backend?._selector();
    return {
      type: this.type,
      selector: selector && Object.keys(selector).length > 0 ? selector : undefined,
      ports: this.renderPorts(),
      ...this._typeSpec(),
    };
  }

  /**
   * Adds a port; the typed `addPort` of each Service type calls this.
   *
   * @internal
   */
  protected _addPort(port: NodePortServicePortOptions): void {
    checkPort(() => `[${this.node.path}] addPort()`, 'port', port);
    this.declaredPorts.push(port);
    this.portsDeclared = true;
  }

  /**
   * Records that the ports were given (perhaps as an empty list), so none are derived from the backend.
   *
   * @internal
   */
  protected _declarePorts(ports: NodePortServicePortOptions[] | undefined): void {
    if (ports === undefined) return;
    ports.forEach((port, i) => checkPort(() => `[${this.node.path}]`, `ports[${i}]`, port));
    this.portsDeclared = true;
    this.declaredPorts.push(...ports);
  }

  /**
   * The spec fields of the Service's type, beyond type, selector and ports.
   *
   * @internal
   */
  protected abstract _typeSpec(): k8s.ServiceSpec;

  /**
   * The Service as the checker reads it, from the L1 spec its rendering uses. Undefined when JSON patches could
   * change the output: then the checker decodes the rendering.
   */
  private checkedView(): ServiceView | undefined {
    if (!isUnpatched(this.apiObject)) return undefined;
    return { view: 'service', apiVersion: 'v1', kind: 'Service', metadata: metadataView(this.metadata), spec: serviceSpecView(this._toKube()), references: undefined };
  }

  /**
   * The backend workloads, and the container port object each declared port targets.
   */
  private references(): ServiceReferences {
    const targets: Array<ContainerPortReference | undefined> = this.portsDeclared
      ? this.declaredPorts.map(p => (p.targetPort ? containerPortReference(p.targetPort) : undefined))
      : [];
    return this.backend?._references(targets) ?? { workloads: [], targetPorts: [] };
  }

  /**
   * The ports added, or else one per container port of the backend workloads (a port that several workloads
   * declare alike, such as a stable and a canary Deployment, once).
   */
  private renderPorts(): k8s.ServicePort[] | undefined {
    if (this.portsDeclared) return this.declaredPorts.length > 0 ? this.declaredPorts.map(renderPort) : undefined;
    const derived = new Map<string, k8s.ServicePort>();
    for (const p of (this.backend?.workloads ?? []).flatMap(w => w.containers).flatMap(c => c.ports)) {
      const protocol = p.protocol ?? Protocol.TCP;
      const key = `${p.name ?? ''}/${p.number}/${protocol}`;
      if (derived.has(key)) continue;
      derived.set(key, {
        name: p.name,
        port: p.number,
        targetPort: p.name ? k8s.IntOrString.fromString(p.name) : k8s.IntOrString.fromNumber(p.number),
        protocol,
      });
    }
    return derived.size > 0 ? [...derived.values()] : undefined;
  }
}

/**
 * A port's protocol, when given, agrees with the container port it targets: a local fact, so it fails at once.
 */
function checkPort(where: () => string, field: string, port: ServicePortOptions): void {
  const target = port.targetPort;
  if (target && port.protocol && port.protocol !== target.protocol) {
    new Problems(where).invalid(`${field}.protocol`, port.protocol, `differs from the protocol of targetPort ${target}`,
      'leave protocol out: it comes from the container port').fail();
  }
}

function renderPort(p: NodePortServicePortOptions): k8s.ServicePort {
  const target = p.targetPort;
  const targetPort = target?.name !== undefined ? k8s.IntOrString.fromString(target.name) : k8s.IntOrString.fromNumber(target?.number ?? p.port);
  return {
    name: p.name ?? target?.name,
    port: p.port,
    targetPort,
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
export function commonSpec(options: CommonServiceOptions): k8s.ServiceSpec {
  return {
    ...options.sessionAffinity?._toSpec(),
    internalTrafficPolicy: options.internalTrafficPolicy,
    publishNotReadyAddresses: options.publishNotReadyAddresses,
    ipFamilies: nonEmpty(options.ipFamilies),
    ipFamilyPolicy: options.ipFamilyPolicy,
    clusterIp: options.clusterIP,
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
