import { ServiceType, k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Backend } from './backend';
import { VirtualIPService } from './selector-service';
import { CommonServiceOptions, commonSpec } from './service';
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
export class NodePortService extends VirtualIPService {
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

  /** @internal */
  protected _typeSpec(): k8s.ServiceSpec {
    return {
      ...commonSpec(this.options),
      externalTrafficPolicy: this.options.externalTrafficPolicy,
    };
  }
}
