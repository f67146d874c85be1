import * as kplus from 'cdk8s-plus-27';
import { ServiceType } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { AllowTraffic, AllowTrafficOptions } from './allow-traffic';
import { Backend } from './backend';
import { Problems } from './errors';
import { ingressBackendOf } from './ingress-backend';
import { NetworkPeer } from './network-peer';
import { Service, ServiceOptions } from './service';
import type { ServicePort } from './service-port';

/**
 * A Service in front of pods (every type but ExternalName): NetworkPolicies can allow traffic to its pods.
 */
export abstract class SelectorService extends Service {
  protected constructor(
    scope: Construct, id: string, type: ServiceType, options: ServiceOptions, backend: Backend, typeProps: kplus.ServiceProps = {},
  ) {
    super(scope, id, type, options, backend, typeProps);
  }

  /**
   * Allows traffic from `peer` to this Service's pods, on the container ports the Service's ports target (by name
   * when they target a name, with their protocol): a NetworkPolicy `<service>-from-<peer>` on the pods, and with
   * `egress`, `<peer>-to-<service>` on a workload peer's pods, for namespaces whose egress is denied. See
   * `AllowTraffic`.
   *
   * @param peer where the traffic comes from
   */
  public allowFrom(peer: NetworkPeer, options: AllowTrafficOptions = {}): AllowTraffic {
    const id = `AllowFrom-${peer._nameIn(this.metadata.namespace)}`;
    if (this.node.tryFindChild(id)) {
      new Problems(`[${this.node.path}] allowFrom()`).invalid('peer', peer._key, 'traffic from this peer is already allowed',
        'allow every port in one call (options.ports)').fail();
    }
    return new AllowTraffic(this, id, { ...options, service: this, from: peer });
  }
}

/**
 * A Service with a virtual IP (ClusterIP, NodePort, LoadBalancer): an ingress controller can send requests to it.
 */
export abstract class VirtualIPService extends SelectorService {
  protected constructor(
    scope: Construct, id: string, type: ServiceType, options: ServiceOptions, backend: Backend, typeProps: kplus.ServiceProps = {},
  ) {
    super(scope, id, type, options, backend, typeProps);
  }

  /**
   * The backend of an Ingress path that sends requests to one port of this Service, for cdk8s-plus-27's
   * `Ingress` (`addRule`, `addHostRule`, `addDefaultBackend`): by the port's name when it has one, so the
   * Service can change its number.
   *
   * @param port one of this Service's ports (`findPort`, `servicePorts`); may be omitted when it has exactly one
   */
  public ingressBackend(port?: ServicePort): kplus.IngressBackend {
    return ingressBackendOf(this, port);
  }
}
