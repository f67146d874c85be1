import { Protocol } from 'cdk8s-plus-27';
import { isValidPortName } from './check';
import { ContainerPort, ContainerPortOptions } from './container-port';
import { Problems } from './errors';
import { ITargetPort, PortTarget } from './target-port';

/**
 * Options of `PortName.port`.
 */
export interface PortNameOptions {
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
 * A container port name with its protocol, which backends declare at numbers of their own: the Kubernetes way to
 * let a backend move its port in its next version without breaking clients, even with pods of both versions behind
 * one Service. A Service port that targets a `PortName` renders `targetPort: <name>`, and synth fails when a
 * backend does not declare the name with that protocol.
 *
 * @example
 *
 * const http = PortName.tcp('http');
 * const v1 = new Deployment(chart, 'V1', { identity: api.withLabels({ version: 'v1' }), containers: [{ image: 'app:1', ports: [http.port(8080)] }] });
 * const v2 = new Deployment(chart, 'V2', { identity: api.withLabels({ version: 'v2' }), containers: [{ image: 'app:2', ports: [http.port(9090)] }] });
 * new ClusterIPService(chart, 'Api', { backend: Backend.fromWorkloads([v1, v2]), ports: [{ port: 80, targetPort: http }] });
 */
export class PortName implements ITargetPort {
  /**
   * A TCP port name.
   *
   * @param name an IANA_SVC_NAME: at most 15 lowercase letters, digits and single hyphens, with at least one letter
   */
  public static tcp(name: string): PortName {
    return new PortName(name, Protocol.TCP);
  }

  /**
   * A UDP port name.
   */
  public static udp(name: string): PortName {
    return new PortName(name, Protocol.UDP);
  }

  /**
   * An SCTP port name.
   */
  public static sctp(name: string): PortName {
    return new PortName(name, Protocol.SCTP);
  }

  /**
   * The name.
   */
  public readonly name: string;

  /**
   * The protocol.
   */
  public readonly protocol: Protocol;

  private constructor(name: string, protocol: Protocol) {
    const problems = isValidPortName(name);
    if (problems.length > 0) {
      new Problems(`PortName.${protocol.toLowerCase()}()`).invalid('name', name, `${problems.join('; ')} (a container port name is an IANA_SVC_NAME)`,
        "use a short name such as 'http' or 'metrics'").fail();
    }
    this.name = name;
    this.protocol = protocol;
  }

  /**
   * A container port with this name and protocol, at `number`, for a container's `ports`.
   *
   * @param number the port number in this backend, 1-65535
   */
  public port(number: number, options: PortNameOptions = {}): ContainerPort {
    const declared: ContainerPortOptions = { ...options, name: this.name };
    switch (this.protocol) {
      case Protocol.UDP: return ContainerPort.udp(number, declared);
      case Protocol.SCTP: return ContainerPort.sctp(number, declared);
      default: return ContainerPort.tcp(number, declared);
    }
  }

  /**
   * Targets this name: each backend maps it to a number of its own.
   */
  public toPortTarget(): PortTarget {
    return { name: this.name, protocol: this.protocol };
  }

  /**
   * `name/protocol`, for messages.
   */
  public toString(): string {
    return `${this.name}/${this.protocol}`;
  }
}
