import { ServiceType, k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Backend } from './backend';
import { IpFamily, IpFamilyPolicy } from './ip-family';
import { SelectorService } from './selector-service';
import { ServiceOptions, nonEmpty } from './service';
import { ServicePort, ServicePortOptions } from './service-port';

/**
 * Options of a headless Service, without its backend.
 */
export interface HeadlessServiceOptions extends ServiceOptions {
  /**
   * The Service's ports, published as DNS SRV records and EndpointSlice ports. A headless Service may have none:
   * pass an empty list.
   *
   * @default - one port per container port of the backend workloads
   */
  readonly ports?: ServicePortOptions[];

  /**
   * Whether DNS includes pods that are not ready, as StatefulSet peers discovering each other usually need.
   *
   * @default false
   */
  readonly publishNotReadyAddresses?: boolean;

  /**
   * The IP families of the DNS records.
   *
   * @default - chosen by the cluster from `ipFamilyPolicy`
   */
  readonly ipFamilies?: IpFamily[];

  /**
   * How many IP families the DNS records come from.
   *
   * @default - chosen by the cluster: SingleStack, unless two ipFamilies ask for both families
   */
  readonly ipFamilyPolicy?: IpFamilyPolicy;
}

/**
 * Props of a `HeadlessService`.
 */
export interface HeadlessServiceProps extends HeadlessServiceOptions {
  /**
   * The pods whose addresses the Service's DNS name resolves to.
   */
  readonly backend: Backend;
}

/**
 * A headless Service (`clusterIP: None`): no virtual IP and no proxying; its DNS name resolves to the addresses of
 * the ready pods, and gives each pod of a StatefulSet a stable name.
 *
 * It has no session affinity, traffic policies or external IPs: kube-proxy does not handle headless Services, so
 * those fields would do nothing.
 */
export class HeadlessService extends SelectorService {
  private readonly options: HeadlessServiceOptions;

  constructor(scope: Construct, id: string, props: HeadlessServiceProps) {
    super(scope, id, ServiceType.CLUSTER_IP, props, props.backend, { clusterIP: 'None' });
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
    return {
      clusterIp: 'None',
      publishNotReadyAddresses: this.options.publishNotReadyAddresses,
      ipFamilies: nonEmpty(this.options.ipFamilies),
      ipFamilyPolicy: this.options.ipFamilyPolicy,
    };
  }
}
