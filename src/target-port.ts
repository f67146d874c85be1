import { Protocol } from 'cdk8s-plus-27';

/**
 * What a Service port forwards to, as the Service renders it.
 */
export interface PortTarget {
  /**
   * The container port name targeted: the Service renders `targetPort: <name>`.
   *
   * @default - none: the target is a number
   */
  readonly name?: string;

  /**
   * The container port number.
   *
   * @default - none: a port name leaves the number to each backend
   */
  readonly number?: number;

  /**
   * The protocol.
   */
  readonly protocol: Protocol;
}

/**
 * What a Service port can forward to: a `ContainerPort` object a container declares (by its name when it has one,
 * else by number), or a `PortName` that every backend declares, perhaps at different numbers.
 */
export interface ITargetPort {
  /**
   * The name or number, and the protocol, the Service targets.
   */
  toPortTarget(): PortTarget;
}
