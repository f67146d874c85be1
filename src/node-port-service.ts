import * as kplus from 'cdk8s-plus-27';
import { ServiceType, k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { AllowTraffic, AllowTrafficOptions } from './allow-traffic';
import { Backend } from './backend';
import { ingressBackendOf } from './ingress-backend';
import { NetworkPeer } from './network-peer';
import { CommonServiceOptions, Service, commonSpec } from './service';
import { NodePortServicePortOptions, ServicePort } from './service-port';
import { TrafficPolicy } from './traffic-policy';

/**
 * Options of a NodePort Service, without its backend.
 */
export interface NodePortServiceOptions extends CommonServiceOptions {
  /**
   * The Service's ports, each also opened on every node (`nodePort`). Add more with `addPort`.
   *
   * @default - one port per container port of the backend workloads, node ports allocated by the cluster
   */
  readonly ports?: NodePortServicePortOptions[];

  /**
   * How traffic from outside the cluster is routed: to any ready pod (`CLUSTER`), or only to pods on the node that
   * received it, keeping the client's source IP (`LOCAL`).
   *
   * @default - TrafficPolicy.CLUSTER, the Kubernetes default
   */
  readonly externalTrafficPolicy?: TrafficPolicy;
}

/**
 * Props of a `NodePortService`.
 */
export interface NodePortServiceProps extends NodePortServiceOptions {
  /**
   * The pods the Service sends traffic to.
   */
  readonly backend: Backend;
}

/**
 * A NodePort Service: a ClusterIP Service that every node also serves on a port from the node-port range.
 */
export class NodePortService extends Service {
  private readonly options: NodePortServiceOptions;

  constructor(scope: Construct, id: string, props: NodePortServiceProps) {
    super(scope, id, ServiceType.NODE_PORT, props, props.backend, { clusterIP: props.clusterIP });
    this.options = props;
    this._declarePorts(props.ports);
  }

  /**
   * Adds a port.
   *
   * @returns the port, to hand to \`address\`, \`url\` or \`urlEnvValue\`
   */
  public addPort(port: NodePortServicePortOptions): ServicePort {
    return this._addPort(port);
  }

  /**
   * Allows traffic from `peer` to this Service's pods, on the container ports the Service's ports target (by name
   * when they target a name, with their protocol): a NetworkPolicy `<service>-from-<peer>` on the pods, and with
   * `egress`, `<peer>-to-<service>` on a workload peer's pods, for namespaces whose egress is denied. See
   * `AllowTraffic`.
   *
   * @param peer where the traffic comes from
   */
  public allowFrom(peer: NetworkPeer, options: AllowTrafficOptions = {}): AllowTraffic {
    return this._allowFrom(peer, options);
  }

  /**
   * The backend of an Ingress path that sends requests to one port of this Service, for cdk8s-plus-27's
   * `Ingress` (`addRule`, `addHostRule`, `addDefaultBackend`): by the port's name when it has one, so the
   * Service can change its number.
   *
   * @param port one of this Service's ports (`findPort`, `servicePorts`); may be omitted when it has exactly one
   */
  public ingressBackend(port?: ServicePort): kplus.IngressBackend {
    return ingressBackendOf(this, port);
  }

  /** @internal */
  protected _typeSpec(): k8s.ServiceSpec {
    return {
      ...commonSpec(this.options),
      externalTrafficPolicy: this.options.externalTrafficPolicy,
    };
  }
}
