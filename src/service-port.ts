import { Protocol } from 'cdk8s-plus-27';
import type { Service } from './service';
import { ITargetPort } from './target-port';

/**
 * A port of a Service.
 */
export interface ServicePortOptions {
  /**
   * The port the Service listens on, 1-65535.
   */
  readonly port: number;

  /**
   * What the Service forwards to: a `ContainerPort` a backend container declares, or a `PortName` every backend
   * declares. A name renders `targetPort: <name>`, so a backend can change its port number without breaking
   * clients (even with pods of two versions behind the Service); an unnamed `ContainerPort` renders its number.
   *
   * @default - the same number as `port`, as in Kubernetes
   */
  readonly targetPort?: ITargetPort;

  /**
   * The port's name, a DNS-1123 label; required when the Service has more than one port.
   *
   * @default - the name of `targetPort`, if it has one; otherwise none
   */
  readonly name?: string;

  /**
   * The protocol. When `targetPort` is given it already carries the protocol, and a different value here fails
   * synth.
   *
   * @default - the protocol of `targetPort`, or TCP
   */
  readonly protocol?: Protocol;

  /**
   * The application protocol, a hint for implementations that offer richer behaviour (an IANA service name such as
   * `http`, `kubernetes.io/h2c`, or a domain-prefixed name).
   *
   * @default - none
   */
  readonly appProtocol?: string;
}

/**
 * A port of a NodePort or LoadBalancer Service.
 */
export interface NodePortServicePortOptions extends ServicePortOptions {
  /**
   * The port opened on every node, within the cluster's node-port range (30000-32767 by default).
   *
   * @default - the cluster allocates a free one
   */
  readonly nodePort?: number;
}

/**
 * A port of a Service, as added: what `addPort` returns and `Service.servicePorts` lists. Hand it to the Service's
 * `address`, `url` or `envValue` to reach the Service on that port.
 */
export class ServicePort {
  /**
   * A port of `service`.
   *
   * @internal
   */
  public static _of(service: Service, options: NodePortServicePortOptions): ServicePort {
    return new ServicePort(service, options);
  }

  /**
   * The Service the port belongs to.
   */
  public readonly service: Service;

  /**
   * The port the Service listens on.
   */
  public readonly port: number;

  /**
   * The port's name.
   *
   * @default - unnamed
   */
  public readonly name?: string;

  /**
   * The protocol.
   */
  public readonly protocol: Protocol;

  /**
   * What the port forwards to.
   *
   * @default - the same number as `port`
   */
  public readonly targetPort?: ITargetPort;

  /**
   * The application protocol.
   *
   * @default - none
   */
  public readonly appProtocol?: string;

  /**
   * The node port, on NodePort and LoadBalancer Services.
   *
   * @default - allocated by the cluster, or none
   */
  public readonly nodePort?: number;

  private constructor(service: Service, options: NodePortServicePortOptions) {
    this.service = service;
    this.port = options.port;
    const target = options.targetPort?.toPortTarget();
    this.name = options.name ?? target?.name;
    this.protocol = options.protocol ?? target?.protocol ?? Protocol.TCP;
    this.targetPort = options.targetPort;
    this.appProtocol = options.appProtocol;
    this.nodePort = options.nodePort;
  }

  /**
   * `name port/protocol`, for messages.
   */
  public toString(): string {
    return `${this.name ? this.name + ' ' : ''}${this.port}/${this.protocol}`;
  }
}
