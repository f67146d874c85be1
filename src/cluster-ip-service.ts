import * as kplus from 'cdk8s-plus-27';
import { ServiceType, k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { AllowTraffic, AllowTrafficOptions } from './allow-traffic';
import { Backend } from './backend';
import { ingressBackendOf } from './ingress-backend';
import { NetworkPeer } from './network-peer';
import { CommonServiceOptions, Service, commonSpec } from './service';
import { ServicePort, ServicePortOptions } from './service-port';

/**
 * Options of a ClusterIP Service, without its backend.
 */
export interface ClusterIPServiceOptions extends CommonServiceOptions {
  /**
   * The Service's ports. Add more with `addPort`.
   *
   * @default - one port per container port of the backend workloads (port = container port number, targeting it
   * by name when it has one)
   */
  readonly ports?: ServicePortOptions[];
}

/**
 * Props of a `ClusterIPService`.
 */
export interface ClusterIPServiceProps extends ClusterIPServiceOptions {
  /**
   * The pods the Service sends traffic to.
   */
  readonly backend: Backend;
}

/**
 * A ClusterIP Service: a virtual IP and DNS name reachable from inside the cluster (the Kubernetes default type).
 *
 * It has no `nodePort` and no load-balancer fields: those belong to `NodePortService` and `LoadBalancerService`,
 * and do not compile here.
 */
export class ClusterIPService extends Service {
  private readonly options: ClusterIPServiceOptions;

  constructor(scope: Construct, id: string, props: ClusterIPServiceProps) {
    super(scope, id, ServiceType.CLUSTER_IP, props, props.backend, { clusterIP: props.clusterIP });
    this.options = props;
    this._declarePorts(props.ports);
  }

  /**
   * Adds a port.
   *
   * @returns the port, to hand to \`address\`, \`url\` or \`urlEnvValue\`
   */
  public addPort(port: ServicePortOptions): ServicePort {
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
    return commonSpec(this.options);
  }
}
