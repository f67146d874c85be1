import { ServiceType, k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Service, ServiceOptions } from './service';

/**
 * Props of an `ExternalNameService`.
 */
export interface ExternalNameServiceProps extends ServiceOptions {
  /**
   * The DNS name the Service aliases, a DNS-1123 subdomain such as `db.example.com` (a trailing dot is allowed).
   */
  readonly externalName: string;
}

/**
 * An ExternalName Service: a DNS CNAME inside the cluster for a name outside it, such as a managed database. It
 * selects no pods and proxies nothing, so it has no backend and no ports.
 */
export class ExternalNameService extends Service {
  constructor(scope: Construct, id: string, props: ExternalNameServiceProps) {
    super(scope, id, ServiceType.EXTERNAL_NAME, props, undefined, { externalName: props.externalName });
  }

  /** @internal */
  protected _typeSpec(): k8s.ServiceSpec {
    return { externalName: this.externalName };
  }
}
