import { Protocol } from 'cdk8s-plus-27';
import { isValidPortName, isValidPortNum } from './check';
import { Problems } from './errors';
import { ITargetPort, PortTarget } from './target-port';

/**
 * Options of a container port.
 */
export interface ContainerPortOptions {
  /**
   * The port's name, an IANA_SVC_NAME (at most 15 lowercase letters, digits and single hyphens, with at least one
   * letter). A Service port that targets a named container port renders `targetPort: <name>`, so the container can
   * change its port number without breaking the Service.
   *
   * @default - unnamed: Services target it by number
   */
  readonly name?: string;

  /**
   * The port to expose on the node's IP.
   *
   * @default - none
   */
  readonly hostPort?: number;

  /**
   * The node IP to bind `hostPort` to.
   *
   * @default - all node IPs
   */
  readonly hostIp?: string;
}

/**
 * A port a container listens on, declared once and referenced by object from Services.
 *
 * A `ContainerPort` has the shape of cdk8s-plus-27's `ContainerPort`, so it goes straight into a container's
 * `ports`; a Service port then targets it with `targetPort: port`.
 *
 * @example
 *
 * const http = ContainerPort.tcp(8080, { name: 'http' });
 * const deployment = new Deployment(chart, 'Web', {
 *   identity: Identity.of('web'),
 *   containers: [{ image: 'nginx', ports: [http] }],
 * });
 * new ClusterIPService(chart, 'WebService', {
 *   backend: Backend.fromWorkload(deployment),
 *   ports: [{ port: 80, targetPort: http }],
 * });
 */
export class ContainerPort implements ITargetPort {
  /**
   * A TCP port.
   *
   * @param number the port number, 1-65535
   */
  public static tcp(number: number, options: ContainerPortOptions = {}): ContainerPort {
    return new ContainerPort(number, Protocol.TCP, options);
  }

  /**
   * A UDP port.
   *
   * @param number the port number, 1-65535
   */
  public static udp(number: number, options: ContainerPortOptions = {}): ContainerPort {
    return new ContainerPort(number, Protocol.UDP, options);
  }

  /**
   * An SCTP port.
   *
   * @param number the port number, 1-65535
   */
  public static sctp(number: number, options: ContainerPortOptions = {}): ContainerPort {
    return new ContainerPort(number, Protocol.SCTP, options);
  }

  /**
   * The port number.
   */
  public readonly number: number;

  /**
   * The protocol.
   */
  public readonly protocol: Protocol;

  /**
   * The port's name.
   *
   * @default - unnamed
   */
  public readonly name?: string;

  /**
   * The port exposed on the node's IP.
   *
   * @default - none
   */
  public readonly hostPort?: number;

  /**
   * The node IP that `hostPort` binds to.
   *
   * @default - all node IPs
   */
  public readonly hostIp?: string;

  private constructor(number: number, protocol: Protocol, options: ContainerPortOptions) {
    const problems = new Problems(`ContainerPort.${protocol.toLowerCase()}()`);
    const numberProblems = isValidPortNum(number);
    if (numberProblems.length > 0) problems.invalid('number', number, numberProblems.join('; '));
    if (options.name !== undefined) {
      const nameProblems = isValidPortName(options.name);
      if (nameProblems.length > 0) {
        problems.invalid('name', options.name, `${nameProblems.join('; ')} (a container port name is an IANA_SVC_NAME)`, "use a short name such as 'http' or 'metrics'");
      }
    }
    if (options.hostPort !== undefined) {
      const hostProblems = isValidPortNum(options.hostPort);
      if (hostProblems.length > 0) problems.invalid('hostPort', options.hostPort, hostProblems.join('; '));
    }
    problems.throwIfAny();
    this.number = number;
    this.protocol = protocol;
    this.name = options.name;
    this.hostPort = options.hostPort;
    this.hostIp = options.hostIp;
  }

  /**
   * Targets this port by its name when it has one, else by its number.
   */
  public toPortTarget(): PortTarget {
    return { name: this.name, number: this.number, protocol: this.protocol };
  }

  /**
   * `name/number/protocol`, for messages.
   */
  public toString(): string {
    return `${this.name ? this.name + ' ' : ''}${this.number}/${this.protocol}`;
  }
}
