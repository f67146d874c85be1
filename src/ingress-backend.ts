import * as kplus from 'cdk8s-plus-27';
import { Problems } from './errors';
import type { Service } from './service';
import type { ServicePort } from './service-port';

/**
 * The `networking.k8s.io/v1` backend of an Ingress path that sends requests to one port of one of this library's
 * Services: by the port's name when it has one (so the Service can change the number), by number otherwise.
 *
 * cdk8s-plus-27's `IngressBackend.fromService` takes a port number only, and throws for a Service of several ports
 * without one; this renders the same backend with the port object the Service handed out. The result is a
 * cdk8s-plus-27 `IngressBackend`, for its `Ingress` (`addRule`, `addHostRule`, `addDefaultBackend`).
 *
 * @param service the Service requests go to
 * @param port one of the Service's ports; may be omitted when the Service has exactly one
 * @internal
 */
export function ingressBackendOf(service: Service, port: ServicePort | undefined): kplus.IngressBackend {
  const ports = service.servicePorts;
  const where = `[${service.node.path}] ingressBackend()`;
  let chosen = port;
  if (chosen === undefined) {
    if (ports.length !== 1) {
      new Problems(where).required('port', `the Service has ${ports.length === 0 ? 'no ports' : `${ports.length} ports (${ports.join(', ')})`}`,
        'pass one of them, such as service.findPort(\'http\')').fail();
    }
    chosen = ports[0];
  } else if (!ports.includes(chosen)) {
    new Problems(where).invalid('port', chosen.toString(), `not a port of this Service (${chosen.service.node.path} owns it); its ports are ${ports.join(', ') || 'none'}`,
      'pass a port this Service returned from addPort, servicePorts or findPort').fail();
  }
  if (chosen.protocol !== kplus.Protocol.TCP) {
    new Problems(where).invalid('port', chosen.toString(), `an Ingress routes HTTP, over TCP, and this port is ${chosen.protocol}`,
      'pass a TCP port of the Service').fail();
  }
  const backend = {
    service: {
      name: service.name,
      port: chosen.name !== undefined ? { name: chosen.name } : { number: chosen.port },
    },
  };
  // IngressBackend keeps the backend it renders and has no public constructor; its factories build it from this
  // same object (cdk8s-plus-27 lib/ingress.js), so the Ingress renders it as it renders its own
  const IngressBackendClass = kplus.IngressBackend as unknown as new (b: typeof backend) => kplus.IngressBackend;
  return new IngressBackendClass(backend);
}
