import { k8s } from 'cdk8s-plus-27';
import { fullyQualifiedDomainNameReasons, ipFamilyOf, isDns1123Label, isDns1123Subdomain, nonSpecialIPReasons } from './check';
import { Problems } from './errors';

/**
 * The kind of address an EndpointSlice holds: one kind per slice.
 */
export enum AddressType {
  /** IPv4 addresses. */
  IPV4 = 'IPv4',
  /** IPv6 addresses. */
  IPV6 = 'IPv6',
  /** Fully qualified domain names (deprecated by Kubernetes: the API server warns). */
  FQDN = 'FQDN',
}

/**
 * Options of an endpoint.
 */
export interface EndpointOptions {
  /**
   * Whether the endpoint takes traffic. Clients route only to ready endpoints (unless the Service publishes
   * not-ready addresses).
   *
   * @default - unknown, which Kubernetes treats as ready
   */
  readonly ready?: boolean;

  /**
   * Whether the endpoint is serving, even while terminating.
   *
   * @default - unknown, which Kubernetes treats as the same as ready
   */
  readonly serving?: boolean;

  /**
   * Whether the endpoint is terminating.
   *
   * @default - unknown, which Kubernetes treats as false
   */
  readonly terminating?: boolean;

  /**
   * The endpoint's hostname, a DNS-1123 label: a headless Service gives it a DNS name `<hostname>.<service>...`.
   *
   * @default - none
   */
  readonly hostname?: string;

  /**
   * The node the endpoint runs on.
   *
   * @default - none
   */
  readonly nodeName?: string;

  /**
   * The zone the endpoint runs in.
   *
   * @default - none
   */
  readonly zone?: string;
}

/**
 * One endpoint of a Service without a selector: an address outside the cluster (or anywhere the cluster's own
 * controller does not manage), written to an EndpointSlice.
 *
 * @example
 *
 * Endpoint.ipv4('10.20.0.15');
 * Endpoint.ipv6('2001:db8::15', { ready: true });
 */
export class Endpoint {
  /**
   * An IPv4 address (not unspecified, loopback or link-local, which the API server refuses).
   */
  public static ipv4(address: string, options: EndpointOptions = {}): Endpoint {
    return new Endpoint(AddressType.IPV4, address, options, 'Endpoint.ipv4()');
  }

  /**
   * An IPv6 address (not unspecified, loopback or link-local, which the API server refuses).
   */
  public static ipv6(address: string, options: EndpointOptions = {}): Endpoint {
    return new Endpoint(AddressType.IPV6, address, options, 'Endpoint.ipv6()');
  }

  /**
   * A fully qualified domain name. Kubernetes deprecates FQDN endpoints (the API server warns); an ExternalName
   * Service is the usual way to alias a name.
   */
  public static fqdn(name: string, options: EndpointOptions = {}): Endpoint {
    return new Endpoint(AddressType.FQDN, name, options, 'Endpoint.fqdn()');
  }

  /**
   * The kind of the address.
   */
  public readonly addressType: AddressType;

  /**
   * The address.
   */
  public readonly address: string;

  /**
   * The endpoint's conditions, hostname, node and zone.
   */
  public readonly options: EndpointOptions;

  private constructor(addressType: AddressType, address: string, options: EndpointOptions, where: string) {
    const problems = new Problems(where);
    if (addressType === AddressType.FQDN) {
      for (const reason of fullyQualifiedDomainNameReasons(address)) problems.invalid('address', address, reason, 'use a name such as db.example.com');
    } else if (ipFamilyOf(address) !== addressType) {
      problems.invalid('address', address, `must be a valid ${addressType} address`);
    } else {
      for (const reason of nonSpecialIPReasons(address)) problems.invalid('address', address, reason);
    }
    if (options.hostname !== undefined) {
      for (const reason of isDns1123Label(options.hostname)) problems.invalid('hostname', options.hostname, reason);
    }
    if (options.nodeName !== undefined) {
      for (const reason of isDns1123Subdomain(options.nodeName)) problems.invalid('nodeName', options.nodeName, reason);
    }
    problems.throwIfAny();
    this.addressType = addressType;
    this.address = address;
    this.options = { ...options };
  }

  /**
   * The L1 endpoint.
   *
   * @internal
   */
  public _toKube(): k8s.Endpoint {
    const o = this.options;
    const conditions = o.ready === undefined && o.serving === undefined && o.terminating === undefined
      ? undefined
      : { ready: o.ready, serving: o.serving, terminating: o.terminating };
    return { addresses: [this.address], conditions, hostname: o.hostname, nodeName: o.nodeName, zone: o.zone };
  }
}
