import { Duration } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { invalidValue } from './errors';

/**
 * Options of `SessionAffinity.clientIP`.
 */
export interface ClientIPAffinityOptions {
  /**
   * How long a client IP sticks to the same pod after its last request: whole seconds, from 1 second to 1 day.
   *
   * @default - 3 hours (10800 seconds), the Kubernetes default
   */
  readonly timeout?: Duration;
}

/**
 * Whether a Service sends a client's connections to the same pod.
 */
export class SessionAffinity {
  /**
   * No affinity: every connection may go to any ready pod (the Kubernetes default).
   */
  public static none(): SessionAffinity {
    return new SessionAffinity('None', undefined);
  }

  /**
   * Connections from one client IP go to the same pod until `timeout` passes without one.
   */
  public static clientIP(options: ClientIPAffinityOptions = {}): SessionAffinity {
    const seconds = options.timeout?.toSeconds({ integral: false });
    if (seconds !== undefined && (!Number.isInteger(seconds) || seconds < 1 || seconds > 86400)) {
      throw invalidValue('SessionAffinity.clientIP()', 'timeout', seconds, 'must be a whole number of seconds from 1 to 86400 (1 day), as the API server requires', 'use Duration.seconds(n) or Duration.hours(n) within that range');
    }
    return new SessionAffinity('ClientIP', seconds);
  }

  /**
   * The `sessionAffinity` value: `None` or `ClientIP`.
   */
  public readonly type: string;

  /**
   * The ClientIP timeout in seconds.
   *
   * @default - the cluster default (10800) for ClientIP; none for None
   */
  public readonly timeoutSeconds?: number;

  private constructor(type: string, timeoutSeconds: number | undefined) {
    this.type = type;
    this.timeoutSeconds = timeoutSeconds;
  }

  /**
   * The spec fields.
   *
   * @internal
   */
  public _toSpec(): k8s.ServiceSpec {
    if (this.type !== 'ClientIP' || this.timeoutSeconds === undefined) {
      return { sessionAffinity: this.type };
    }
    return {
      sessionAffinity: this.type,
      sessionAffinityConfig: { clientIp: { timeoutSeconds: this.timeoutSeconds } },
    };
  }
}
