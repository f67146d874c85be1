import { Protocol } from 'cdk8s-plus-27';
import { ContainerPort } from './container-port';

/**
 * A port of a Service.
 */
export interface ServicePortOptions {
  /**
   * The port the Service listens on, 1-65535.
   */
  readonly port: number;

  /**
   * The container port the Service forwards to. A named container port renders `targetPort: <name>`, so the
   * backend can change its port number without breaking clients; an unnamed one renders its number.
   *
   * @default - the same number as `port`, as in Kubernetes
   */
  readonly targetPort?: ContainerPort;

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
