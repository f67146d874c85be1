import * as kplus from 'cdk8s-plus-27';
import { Backend, ClusterIPService, ContainerPort, Deployment, Identity, PortName } from '../src';
import { find, newChart, synth, validationErrors } from './util';

const api = Identity.of('resizer');

/** v1 listens on http 8080, v2 moved it to 9090: a rollout, with pods of both versions behind one Service. */
function rollout(v2Ports: ContainerPort[] = [PortName.tcp('http').port(9090)]) {
  const { chart } = newChart();
  const http = PortName.tcp('http');
  const v1 = new Deployment(chart, 'ResizerV1', { identity: api.withLabels({ version: 'v1' }), containers: [{ image: 'registry.example.com/resizer:1', ports: [http.port(8080)] }] });
  const v2 = new Deployment(chart, 'ResizerV2', { identity: api.withLabels({ version: 'v2' }), containers: [{ image: 'registry.example.com/resizer:2', ports: v2Ports }] });
  return { chart, http, v1, v2 };
}

describe('PortName: named ports across versions', () => {
  test('a Service targets the name both versions declare at different numbers, and renders targetPort: http', () => {
    const { chart, http, v1, v2 } = rollout();
    new ClusterIPService(chart, 'Resizer', { backend: Backend.fromWorkloads([v1, v2]), ports: [{ port: 80, targetPort: http }] });
    const manifests = synth(chart);
    expect(find(manifests, 'Service').spec).toEqual({
      type: 'ClusterIP',
      selector: api.labels,
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    });
    expect(find(manifests, 'Deployment', 'resizer-v1').spec.template.spec.containers[0].ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    expect(find(manifests, 'Deployment', 'resizer-v2').spec.template.spec.containers[0].ports).toEqual([{ name: 'http', containerPort: 9090, protocol: 'TCP' }]);
  });

  test('targeting one version\'s named ContainerPort works too: it renders the name', () => {
    const { chart, v1, v2 } = rollout();
    const httpV1 = v1.containers[0].ports[0] as ContainerPort;
    new ClusterIPService(chart, 'Resizer', { backend: Backend.fromWorkloads([v1, v2]), ports: [{ port: 80, targetPort: httpV1 }] });
    expect(find(synth(chart), 'Service').spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
  });

  test('without ports, one Service port per name, not one per workload', () => {
    const { chart, v1, v2 } = rollout();
    new ClusterIPService(chart, 'Resizer', { backend: Backend.fromWorkloads([v1, v2]) });
    expect(find(synth(chart), 'Service').spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
  });

  test('fails with one finding when a backend does not declare the name', () => {
    const { chart, http, v1, v2 } = rollout([ContainerPort.tcp(9090, { name: 'web' })]);
    new ClusterIPService(chart, 'Resizer', { backend: Backend.fromWorkloads([v1, v2]), ports: [{ port: 80, targetPort: http }] });
    expect(validationErrors(chart)).toEqual([
      '[test/Resizer] spec.ports[0].targetPort: targetPort http (TCP) names no container port of the backend test/ResizerV2, which declares web 9090/TCP; declare a port named http in its container, or target one it declares [service-port-backend]',
    ]);
  });

  test('fails with one finding when a backend declares the name with another protocol', () => {
    const { chart, http, v1, v2 } = rollout([PortName.udp('http').port(9090)]);
    new ClusterIPService(chart, 'Resizer', { backend: Backend.fromWorkloads([v1, v2]), ports: [{ port: 80, targetPort: http }] });
    expect(validationErrors(chart)).toEqual([
      "[test/Resizer] spec.ports[0].targetPort: targetPort http is a UDP port of the backend test/ResizerV2, not TCP; target PortName.udp('http'), or declare it over TCP [service-port-backend]",
    ]);
  });

  test('fails when a numeric targetPort is used over backends that declare the name at different numbers: target the name', () => {
    const { chart, v1, v2 } = rollout();
    new ClusterIPService(chart, 'Resizer', { backend: Backend.fromWorkloads([v1, v2]), ports: [{ port: 80, targetPort: ContainerPort.tcp(8080) }] });
    expect(validationErrors(chart)).toEqual([
      "[test/Resizer] spec.ports[0].targetPort: targetPort 8080/TCP is not a container port of the backend test/ResizerV2, which declares http 9090/TCP; the backends declare it as http at different numbers: target the name, PortName.tcp('http') [service-port-backend]",
    ]);
  });

  test('a cdk8s-plus-27 workload\'s port of that name is a backend port like any other', () => {
    const { chart } = newChart();
    const http = PortName.tcp('http');
    const w = new kplus.Deployment(chart, 'Plain', { containers: [{ image: 'registry.example.com/plain:1', ports: [{ number: 8000, name: 'http' }] }] });
    new ClusterIPService(chart, 'PlainService', { backend: Backend.fromWorkload(w), ports: [{ port: 80, targetPort: http }] });
    expect(find(synth(chart), 'Service').spec.ports[0].targetPort).toBe('http');
  });

  test('fails at once on a name that is not an IANA_SVC_NAME', () => {
    expect(() => PortName.tcp('HTTP')).toThrow('PortName.tcp() name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
    expect(PortName.sctp('data').port(9899).toString()).toBe('data 9899/SCTP');
    expect(PortName.udp('dns').toString()).toBe('dns/UDP');
  });
});
