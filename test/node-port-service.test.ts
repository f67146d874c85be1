import { Backend, ContainerPort, Deployment, Identity, NodePortService, TrafficPolicy, AppValidation } from '../src';
import { find, newChart, synth, validationErrors } from './util';

function admin(chart: any) {
  const port = ContainerPort.tcp(8081, { name: 'admin' });
  const d = new Deployment(chart, 'Admin', { identity: Identity.of('admin'), containers: [{ image: 'registry.example.com/admin:1', ports: [port] }] });
  return { d, port };
}

describe('NodePortService', () => {
  test('renders nodePort and externalTrafficPolicy', () => {
    const { chart } = newChart();
    const { d, port } = admin(chart);
    new NodePortService(chart, 'AdminUI', {
      backend: Backend.fromWorkload(d),
      ports: [{ port: 80, targetPort: port, nodePort: 30081 }],
      externalTrafficPolicy: TrafficPolicy.LOCAL,
    });
    const svc = find(synth(chart), 'Service');
    expect(svc.metadata.name).toBe('admin-ui');
    expect(svc.spec).toEqual({
      type: 'NodePort',
      selector: Identity.of('admin').labels,
      ports: [{ name: 'admin', port: 80, targetPort: 'admin', protocol: 'TCP', nodePort: 30081 }],
      externalTrafficPolicy: 'Local',
    });
  });

  test('nodePort may be left to the cluster', () => {
    const { chart } = newChart();
    const { d } = admin(chart);
    d.exposeViaNodePort();
    const svc = find(synth(chart), 'Service');
    expect(svc.metadata.name).toBe('admin');
    expect(svc.spec.ports).toEqual([{ name: 'admin', port: 8081, targetPort: 'admin', protocol: 'TCP' }]);
  });

  test.each([30000, 32767])('accepts nodePort %d', nodePort => {
    const { chart } = newChart();
    const { d, port } = admin(chart);
    new NodePortService(chart, 'AdminUI', { backend: Backend.fromWorkload(d), ports: [{ port: 80, targetPort: port, nodePort }] });
    expect(validationErrors(chart)).toEqual([]);
  });

  test.each([29999, 32768, 80])('fails when nodePort %d is outside 30000-32767', nodePort => {
    const { chart } = newChart();
    const { d, port } = admin(chart);
    new NodePortService(chart, 'AdminUI', { backend: Backend.fromWorkload(d), ports: [{ port: 80, targetPort: port, nodePort }] });
    expect(validationErrors(chart)).toEqual([
      `[test/AdminUI] spec.ports[0].nodePort: Invalid value: ${nodePort}: provided port is not in the valid range. The range of valid ports is 30000-32767 [service-node-port]`,
    ]);
  });

  test('the node-port range is configurable for clusters that change it', () => {
    const { app, chart } = newChart();
    AppValidation.configure(app, { nodePortRange: { min: 20000, max: 22767 }, printWarnings: false });
    const { d, port } = admin(chart);
    new NodePortService(chart, 'Ok', { backend: Backend.fromWorkload(d), ports: [{ port: 80, targetPort: port, nodePort: 20000 }] });
    new NodePortService(chart, 'Bad', { backend: Backend.fromWorkload(d), ports: [{ port: 80, targetPort: port, nodePort: 30000 }] });
    expect(validationErrors(chart)).toEqual([
      '[test/Bad] spec.ports[0].nodePort: Invalid value: 30000: provided port is not in the valid range. The range of valid ports is 20000-22767 [service-node-port]',
    ]);
  });

  test('fails when two ports share a nodePort and protocol', () => {
    const { chart } = newChart();
    const { d, port } = admin(chart);
    new NodePortService(chart, 'AdminUI', {
      backend: Backend.fromWorkload(d),
      ports: [{ port: 80, targetPort: port, nodePort: 30080, name: 'a' }, { port: 81, targetPort: port, nodePort: 30080, name: 'b' }],
    });
    expect(validationErrors(chart)).toEqual([
      '[test/AdminUI] spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated (to port 80 of this Service); give this port its own nodePort [service-node-port]',
      '[test/AdminUI] spec.ports[1].nodePort: Duplicate value: 30080: another port of this Service already uses nodePort 30080/TCP [service-node-port]',
    ]);
  });

  test('fails when a bad range is configured', () => {
    const { app } = newChart();
    expect(() => AppValidation.configure(app, { nodePortRange: { min: 32767, max: 30000 } }))
      .toThrow('nodePortRange must be whole numbers with 1 <= min <= max <= 65535, got 32767-30000');
  });
});
