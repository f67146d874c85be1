import { ServiceType, k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Backend } from './backend';
import { NodePortServiceOptions } from './node-port-service';
import { VirtualIPService } from './selector-service';
import { commonSpec, nonEmpty } from './service';
import { NodePortServicePortOptions, ServicePort } from './service-port';

/**
 * Options of a LoadBalancer Service, without its backend.
 */
export interface LoadBalancerServiceOptions extends NodePortServiceOptions {
  /**
   * The load-balancer implementation to use, a qualified name such as `service.k8s.aws/nlb`.
   *
   * @default - the cluster's default implementation
   */
  readonly loadBalancerClass?: string;

  /**
   * The client CIDRs allowed to reach the load balancer, such as `['203.0.113.0/24']`. Without them synth warns
   * that the Service is open to every address; pass `['0.0.0.0/0', '::/0']` to say it is public on purpose.
   *
   * @default - open to every address (a synth warning)
   */
  readonly loadBalancerSourceRanges?: string[];

  /**
   * Whether node ports are allocated; turn off for load balancers that route to pods directly.
   *
   * @default - true, the Kubernetes default
   */
  readonly allocateLoadBalancerNodePorts?: boolean;

  /**
   * The node port for the load balancer's health checks; only with `externalTrafficPolicy: LOCAL`.
   *
   * @default - allocated by the cluster when `externalTrafficPolicy` is LOCAL
   */
  readonly healthCheckNodePort?: number;
}

/**
 * Props of a `LoadBalancerService`.
 */
export interface LoadBalancerServiceProps extends LoadBalancerServiceOptions {
  /**
   * The pods the Service sends traffic to.
   */
  readonly backend: Backend;
}

/**
 * A LoadBalancer Service: a NodePort Service fronted by an external load balancer that the cloud provider (or a
 * load-balancer implementation such as MetalLB) provisions.
 */
export class LoadBalancerService extends VirtualIPService {
  private readonly options: LoadBalancerServiceOptions;

  constructor(scope: Construct, id: string, props: LoadBalancerServiceProps) {
    super(scope, id, ServiceType.LOAD_BALANCER, props, props.backend, { clusterIP: props.clusterIP });
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

  /** @internal */
  protected _typeSpec(): k8s.ServiceSpec {
    const o = this.options;
    return {
      ...commonSpec(o),
      externalTrafficPolicy: o.externalTrafficPolicy,
      loadBalancerClass: o.loadBalancerClass,
      loadBalancerSourceRanges: nonEmpty(o.loadBalancerSourceRanges),
      allocateLoadBalancerNodePorts: o.allocateLoadBalancerNodePorts,
      healthCheckNodePort: o.healthCheckNodePort,
    };
  }
}
