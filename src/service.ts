import { ApiObjectMetadata } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Protocol, ServiceType, k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { AppValidation } from './app-validation';
import { Backend } from './backend';
import { EXTERNAL_BACKEND_ANNOTATION, EXTERNAL_BACKEND_VALUE, ServiceReferences, ServiceView, TargetPortReference } from './check/contract';
import { DnsNameOptions, UrlOptions, envPrefix, serviceDnsName } from './discovery';
import { AddressType, Endpoint } from './endpoint';
import { EndpointSlice } from './endpoint-slice';
import { Problems } from './errors';
import { IpFamily, IpFamilyPolicy } from './ip-family';
import { nameFromId } from './names';
import { NodePortServicePortOptions, ServicePort, ServicePortOptions } from './service-port';
import { SessionAffinity } from './session-affinity';
import { ITargetPort, PortTarget } from './target-port';
import { TrafficPolicy } from './traffic-policy';
import { isUnpatched, metadataView, serviceSpecView } from './views';

/**
 * Options of `Service.addEndpoints`.
 */
export interface AddEndpointsOptions {
  /**
   * The most endpoints one EndpointSlice holds; more are split over several slices.
   *
   * @default 100, as the cluster's EndpointSlice controller writes them (the API server takes at most 1000)
   */
  readonly maxEndpointsPerSlice?: number;
}

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

  private readonly declaredPorts: ServicePort[] = [];
  private portsDeclared = false;
  /** The ports handed out for discovery (`addressEnvValue`, `urlEnvValue`): synth checks they are still ports of the Service. */
  private readonly discoveryPorts: ServicePort[] = [];
  private readonly endpointSlices: EndpointSlice[] = [];

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
   * The Service's ports: those added, or else those derived from the backend (one per container port name, and one
   * per unnamed container port number).
   */
  public get servicePorts(): ServicePort[] {
    return this.portsDeclared ? [...this.declaredPorts] : this.derivedPorts();
  }

  /**
   * The ports as cdk8s-plus-27 describes them (numeric target ports where the target has a number), for cdk8s-plus
   * APIs such as `IngressBackend.fromService`.
   */
  public get ports(): kplus.ServicePort[] {
    return this.servicePorts.map(p => ({
      name: p.name,
      port: p.port,
      protocol: p.protocol,
      nodePort: p.nodePort,
      targetPort: p.targetPort ? p.targetPort.toPortTarget().number : p.port,
    }));
  }

  /**
   * The first port's number.
   */
  public get port(): number {
    return this.portFor(undefined, 'port').port;
  }

  /**
   * The port of this name.
   *
   * @param name a Service port name
   */
  public findPort(name: string): ServicePort {
    const ports = this.servicePorts;
    const found = ports.find(p => p.name === name);
    if (found) return found;
    return new Problems(`[${this.node.path}] findPort()`).invalid('name', name, `the Service has no port of this name; its ports are ${ports.map(String).join(', ') || 'none'}`,
      'use one of those names').fail();
  }

  /**
   * The Service's DNS name in the cluster: `<name>.<namespace>.svc.<cluster domain>`. A Service without a namespace
   * lands in the namespace the app deploys to (`AppValidation.configure`'s `defaultNamespace`, `default` unless
   * set). For an ExternalName Service the name resolves to its `externalName`.
   */
  public dnsName(options: DnsNameOptions = {}): string {
    return serviceDnsName(this.name, this.metadata.namespace ?? AppValidation._defaultNamespace(this), options);
  }

  /**
   * `host:port` for one of this Service's ports.
   *
   * @param port a port of this Service
   * @default - the first port
   */
  public address(port?: ServicePort, options: DnsNameOptions = {}): string {
    return `${this.dnsName(options)}:${this.portFor(port, 'address()').port}`;
  }

  /**
   * A URL for one of this Service's ports: `<scheme>://<dns name>:<port><path>`.
   *
   * @param port a port of this Service
   * @default - the first port, scheme http, no path
   */
  public url(port?: ServicePort, options: UrlOptions = {}): string {
    const path = options.path ?? '';
    return `${options.scheme ?? 'http'}://${this.dnsName(options)}:${this.portFor(port, 'url()').port}${path}`;
  }

  /**
   * The Service's `host:port` as a container environment value, so a client reaches it by name while its pods come
   * and go. Synth checks that the port is still one of the Service's ports.
   *
   * @param port a port of this Service
   * @default - the first port
   */
  public addressEnvValue(port?: ServicePort, options: DnsNameOptions = {}): kplus.EnvValue {
    const found = this.portFor(port, 'addressEnvValue()');
    this.discoveryPorts.push(found);
    return kplus.EnvValue.fromValue(this.address(found, options));
  }

  /**
   * The Service's URL as a container environment value. Synth checks that the port is still one of the Service's
   * ports.
   *
   * @param port a port of this Service
   * @default - the first port, scheme http
   */
  public urlEnvValue(port?: ServicePort, options: UrlOptions = {}): kplus.EnvValue {
    const found = this.portFor(port, 'urlEnvValue()');
    this.discoveryPorts.push(found);
    return kplus.EnvValue.fromValue(this.url(found, options));
  }

  /**
   * The environment variable the kubelet sets to this Service's cluster IP in pods of its namespace created after
   * it, such as `IMAGE_PROCESSOR_SERVICE_HOST`.
   */
  public get hostEnvName(): string {
    return `${envPrefix(this.name)}_SERVICE_HOST`;
  }

  /**
   * The environment variable the kubelet sets to this Service's first port, such as `IMAGE_PROCESSOR_SERVICE_PORT`.
   */
  public get portEnvName(): string {
    return `${envPrefix(this.name)}_SERVICE_PORT`;
  }

  /**
   * The environment variable the kubelet sets to a named port, such as `IMAGE_PROCESSOR_SERVICE_PORT_HTTP`.
   *
   * @param port a named port of this Service
   */
  public namedPortEnvName(port: ServicePort): string {
    const name = this.portFor(port, 'namedPortEnvName()').name;
    if (name) return `${this.portEnvName}_${envPrefix(name)}`;
    return new Problems(`[${this.node.path}] namedPortEnvName()`).invalid('port', String(port), 'the port has no name, so the kubelet sets no variable for it',
      `use ${this.portEnvName} for the first port, or name the port`).fail();
  }

  /**
   * Writes endpoints for this Service, which must have no selector (`Backend.manualEndpoints()`): as many
   * EndpointSlices as it takes, one address type per slice and at most `maxEndpointsPerSlice` endpoints each, named
   * `<service>-<address type>-<n>` and created as children of the Service. Each slice has one port per Service port,
   * with its name, its protocol and its target number.
   *
   * @returns the slices written by this call
   */
  public addEndpoints(endpoints: Endpoint[], options: AddEndpointsOptions = {}): EndpointSlice[] {
    const where = () => `[${this.node.path}] addEndpoints()`;
    const max = options.maxEndpointsPerSlice ?? 100;
    if (!Number.isInteger(max) || max < 1 || max > 1000) {
      new Problems(where).invalid('maxEndpointsPerSlice', max, 'must be a whole number from 1 to 1000 (the API server takes at most 1000 endpoints per slice)',
        'leave it out for 100, as the cluster\'s own controller writes them').fail();
    }
    if (!this.backend?.manual) {
      new Problems(where).forbidden('endpoints', 'this Service has a selector, so the cluster writes its endpoints itself',
        'give the Service Backend.manualEndpoints() to write its endpoints by hand').fail();
    }
    const written: EndpointSlice[] = [];
    for (const type of [AddressType.IPV4, AddressType.IPV6, AddressType.FQDN]) {
      const ofType = endpoints.filter(e => e.addressType === type);
      for (let i = 0; i < ofType.length; i += max) {
        const n = this.endpointSlices.filter(s => s.addressType === type).length + 1;
        const name = `${this.name}-${type.toLowerCase()}-${n}`;
        const slice = new EndpointSlice(this, `EndpointSlice-${type.toLowerCase()}-${n}`, { service: this, endpoints: ofType.slice(i, i + max), name });
        this.endpointSlices.push(slice);
        written.push(slice);
      }
    }
    return written;
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
    if (selector instanceof kplus.AbstractPod && this.backend?._bind(selector)) return;
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
    const ports = this.servicePorts;
    return {
      type: this.type,
      selector: selector && Object.keys(selector).length > 0 ? selector : undefined,
      ports: ports.length > 0 ? ports.map(renderPort) : undefined,
      ...this._typeSpec(),
    };
  }

  /**
   * Adds a port; the typed `addPort` of each Service type calls this.
   *
   * @internal
   */
  protected _addPort(port: NodePortServicePortOptions): ServicePort {
    checkPort(() => `[${this.node.path}] addPort()`, 'port', port, this.backend);
    const added = ServicePort._of(this, port);
    this.declaredPorts.push(added);
    this.portsDeclared = true;
    return added;
  }

  /**
   * Records that the ports were given (perhaps as an empty list), so none are derived from the backend.
   *
   * @internal
   */
  protected _declarePorts(ports: NodePortServicePortOptions[] | undefined): void {
    if (ports === undefined) return;
    ports.forEach((port, i) => checkPort(() => `[${this.node.path}]`, `ports[${i}]`, port, this.backend));
    this.portsDeclared = true;
    this.declaredPorts.push(...ports.map(p => ServicePort._of(this, p)));
  }

  /**
   * The spec fields of the Service's type, beyond type, selector and ports.
   *
   * @internal
   */
  protected abstract _typeSpec(): k8s.ServiceSpec;

  /**
   * A port of this Service, or its first port; fails at once for a port of another Service.
   */
  private portFor(port: ServicePort | undefined, method: string): ServicePort {
    if (port && port.service !== this) {
      new Problems(`[${this.node.path}] ${method}`).invalid('port', String(port), `is a port of Service ${port.service.node.path}, not of this one`,
        'pass a port of this Service (findPort(name), or what addPort returned)').fail();
    }
    const found = port ?? this.servicePorts[0];
    if (found) return found;
    return new Problems(`[${this.node.path}] ${method}`).required('port', 'the Service has no port',
      this.type === ServiceType.EXTERNAL_NAME ? 'an ExternalName Service has no ports: use dnsName() and the port the external service listens on' : 'add one with addPort()').fail();
  }

  /**
   * The Service as the checker reads it, from the L1 spec its rendering uses. Undefined when JSON patches could
   * change the output: then the checker decodes the rendering.
   */
  private checkedView(): ServiceView | undefined {
    if (!isUnpatched(this.apiObject)) return undefined;
    return { view: 'service', apiVersion: 'v1', kind: 'Service', metadata: metadataView(this.metadata), spec: serviceSpecView(this._toKube()), references: undefined };
  }

  /**
   * The backend workloads, what each declared port targets, and the ports handed out for discovery.
   */
  private references(): ServiceReferences {
    const targets: Array<TargetPortReference | undefined> = this.portsDeclared
      ? this.declaredPorts.map(p => {
        const target = p.targetPort?.toPortTarget();
        return target ? { name: target.name, number: target.number, protocol: target.protocol } : undefined;
      })
      : [];
    const discovery = this.discoveryPorts.map(p => ({ name: p.name, number: p.port, protocol: p.protocol }));
    const refs = this.backend?._references(targets) ?? { workloads: [], targetPorts: [] };
    return { ...refs, discoveryPorts: discovery };
  }

  /**
   * One port per container port of the backend workloads: per name for named ports (a name that several workloads
   * declare, perhaps at different numbers, once, at the first one's number) and per number for the others.
   */
  private derivedPorts(): ServicePort[] {
    const derived = new Map<string, ServicePort>();
    for (const w of this.backend?.workloads ?? []) {
      for (const c of w.containers) {
        for (const p of c.ports) {
          const protocol = p.protocol ?? Protocol.TCP;
          const key = p.name ? `name/${p.name}/${protocol}` : `number/${p.number}/${protocol}`;
          if (derived.has(key)) continue;
          // by name when the port has one (each backend maps it to its own number), else by number
          const target: PortTarget = { name: p.name, number: p.number, protocol };
          const targetPort: ITargetPort = { toPortTarget: () => target };
          derived.set(key, ServicePort._of(this, { name: p.name, port: p.number, targetPort, protocol }));
        }
      }
    }
    return [...derived.values()];
  }
}

/**
 * A port's protocol, when given, agrees with what it targets: a local fact, so it fails at once.
 */
function checkPort(where: () => string, field: string, port: ServicePortOptions, backend: Backend | undefined): void {
  if (port.targetPort !== undefined && typeof port.targetPort?.toPortTarget !== 'function') {
    new Problems(where).invalid(`${field}.targetPort`, port.targetPort, 'must be a ContainerPort or a PortName object, never a name or number typed twice',
      'target the ContainerPort a container declares, or PortName.tcp(name)').fail();
  }
  const target = port.targetPort?.toPortTarget();
  if (target && port.protocol && port.protocol !== target.protocol) {
    new Problems(where).invalid(`${field}.protocol`, port.protocol, `differs from the protocol of targetPort ${port.targetPort}`,
      'leave protocol out: it comes from the target').fail();
  }
  if (target && target.number === undefined && backend?.manual) {
    new Problems(where).invalid(`${field}.targetPort`, String(port.targetPort), 'a Service without a selector forwards to the numbers its EndpointSlices list, and no pod maps a name to one',
      'target a number: ContainerPort.tcp(n), or leave targetPort out for the same number as port').fail();
  }
}

function renderPort(p: ServicePort): k8s.ServicePort {
  const target = p.targetPort?.toPortTarget();
  const targetPort = target?.name !== undefined
    ? k8s.IntOrString.fromString(target.name)
    : k8s.IntOrString.fromNumber(target?.number ?? p.port);
  return {
    name: p.name,
    port: p.port,
    targetPort,
    protocol: p.protocol,
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
