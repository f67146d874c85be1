import { Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from './check/contract';
import { AddressType, Endpoint } from './endpoint';
import { Problems } from './errors';
import type { Service } from './service';

/**
 * The `endpointslice.kubernetes.io/managed-by` value of the EndpointSlices this library writes (the cluster's
 * controller manages slices marked `endpointslice-controller.k8s.io`, and leaves others alone).
 */
export const ENDPOINT_SLICE_MANAGER = 'cdk8s-services';

/**
 * Props of an `EndpointSlice`.
 */
export interface EndpointSliceProps {
  /**
   * The Service the endpoints serve: a Service without a selector (`Backend.manualEndpoints()`).
   */
  readonly service: Service;

  /**
   * The endpoints, all of one address type, at most 1000 (the API server's limit).
   */
  readonly endpoints: Endpoint[];

  /**
   * The slice's name.
   *
   * @default - `<service>-<address type>-1`
   */
  readonly name?: string;
}

/**
 * A `discovery.k8s.io/v1` EndpointSlice written by hand for a Service without a selector: labelled with the
 * Service's name (`kubernetes.io/service-name`) and as managed by this library, in the Service's namespace, with one
 * port per Service port (same name and protocol, the target number). Usually created by `Service.addEndpoints`,
 * which splits endpoints over as many slices as needed.
 */
export class EndpointSlice extends Construct {
  /**
   * The Service the slice serves.
   */
  public readonly service: Service;

  /**
   * The address type of every endpoint of the slice.
   */
  public readonly addressType: AddressType;

  /**
   * The slice's name.
   */
  public readonly name: string;

  constructor(scope: Construct, id: string, props: EndpointSliceProps) {
    super(scope, id);
    const problems = new Problems(() => `[${this.node.path}]`);
    const types = [...new Set(props.endpoints.map(e => e.addressType))];
    if (types.length === 0) {
      problems.required('endpoints', 'an EndpointSlice lists at least one endpoint', 'pass the endpoints, such as [Endpoint.ipv4(\'10.0.0.7\')]');
    } else if (types.length > 1) {
      problems.invalid('endpoints', types, 'an EndpointSlice holds endpoints of one address type', 'use one slice per type, as Service.addEndpoints does');
    }
    if (props.endpoints.length > 1000) {
      problems.invalid('endpoints', props.endpoints.length, 'an EndpointSlice holds at most 1000 endpoints', 'split them over several slices, as Service.addEndpoints does');
    }
    if (props.service.backend?.manual !== true) {
      problems.invalid('service', props.service.node.path, 'the Service has a selector, so the cluster writes its endpoints itself',
        'give the Service Backend.manualEndpoints() to write its endpoints by hand');
    }
    problems.throwIfAny();
    this.service = props.service;
    this.addressType = types[0];
    this.name = props.name ?? `${props.service.name}-${this.addressType.toLowerCase()}-1`;
    new k8s.KubeEndpointSlice(this, 'Resource', {
      metadata: {
        name: this.name,
        namespace: props.service.metadata.namespace,
        labels: { [SERVICE_NAME_LABEL]: props.service.name, [MANAGED_BY_LABEL]: ENDPOINT_SLICE_MANAGER },
      },
      addressType: this.addressType,
      endpoints: props.endpoints.map(e => e._toKube()),
      // the Service's ports when the app is synthesized, so ports added later are included
      ports: Lazy.any({ produce: () => this.ports() }),
    });
  }

  /**
   * One slice port per Service port: same name and protocol, the number the endpoints listen on.
   */
  private ports(): k8s.EndpointPort[] | undefined {
    const ports = this.service.servicePorts.map(p => ({
      name: p.name,
      port: p.targetPort?.toPortTarget().number ?? p.port,
      protocol: p.protocol,
      appProtocol: p.appProtocol,
    }));
    return ports.length > 0 ? ports : undefined;
  }
}
