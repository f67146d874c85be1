import { ServiceType, k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Backend } from './backend';
import { VirtualIPService } from './selector-service';
import { CommonServiceOptions, commonSpec } from './service';
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
export class ClusterIPService extends VirtualIPService {
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

  /** @internal */
  protected _typeSpec(): k8s.ServiceSpec {
    return commonSpec(this.options);
  }
}
