import { Chart, Testing } from 'cdk8s';
import { AppValidation, Backend, ClusterIPService, ContainerPort, Deployment, ExternalNameService, Identity } from '../src';
import { find, newChart, synth } from './util';

const IMAGE = 'registry.example.com/app:1';

function backend(chart: Chart) {
  const http = ContainerPort.tcp(8080, { name: 'http' });
  const d = new Deployment(chart, 'ImageProcessor', { identity: Identity.of('image-processor'), containers: [{ image: IMAGE, ports: [http] }] });
  const svc = new ClusterIPService(chart, 'ImageProcessorService', { metadata: { name: 'image-processor' }, backend: Backend.fromWorkload(d), ports: [{ port: 80, targetPort: http }] });
  return { svc, http: svc.findPort('http') };
}

describe('discovery by name', () => {
  test('a Service\'s DNS name, with its namespace, without one, and with another cluster domain', () => {
    const { chart } = newChart({ namespace: 'images' });
    const { svc } = backend(chart);
    expect(svc.dnsName()).toBe('image-processor.images.svc.cluster.local');
    expect(svc.dnsName({ clusterDomain: 'corp.internal' })).toBe('image-processor.images.svc.corp.internal');

    const app = Testing.app();
    const plain = backend(new Chart(app, 'plain')).svc;
    expect(plain.dnsName()).toBe('image-processor.default.svc.cluster.local');
    AppValidation.configure(app, { defaultNamespace: 'shop', printWarnings: false });
    expect(plain.dnsName()).toBe('image-processor.shop.svc.cluster.local');
  });

  test('host:port and URLs on one of the Service\'s ports, and the variables Kubernetes injects', () => {
    const { chart } = newChart({ namespace: 'images' });
    const { svc, http } = backend(chart);
    expect(svc.address()).toBe('image-processor.images.svc.cluster.local:80');
    expect(svc.url(http, { path: '/resize' })).toBe('http://image-processor.images.svc.cluster.local:80/resize');
    expect(svc.url(http, { scheme: 'https' })).toBe('https://image-processor.images.svc.cluster.local:80');
    expect([svc.hostEnvName, svc.portEnvName, svc.namedPortEnvName(http)]).toEqual([
      'IMAGE_PROCESSOR_SERVICE_HOST', 'IMAGE_PROCESSOR_SERVICE_PORT', 'IMAGE_PROCESSOR_SERVICE_PORT_HTTP',
    ]);
  });

  test('a container reaches a Service through an environment value built from the Service and its port', () => {
    const { chart } = newChart({ namespace: 'images' });
    const { svc, http } = backend(chart);
    new Deployment(chart, 'Frontend', {
      identity: Identity.of('frontend'),
      containers: [{ image: IMAGE, envVariables: { IMAGE_PROCESSOR_URL: svc.urlEnvValue(http), IMAGE_PROCESSOR_ADDRESS: svc.addressEnvValue() } }],
    });
    const env = find(synth(chart), 'Deployment', 'frontend').spec.template.spec.containers[0].env;
    expect(env).toEqual([
      { name: 'IMAGE_PROCESSOR_URL', value: 'http://image-processor.images.svc.cluster.local:80' },
      { name: 'IMAGE_PROCESSOR_ADDRESS', value: 'image-processor.images.svc.cluster.local:80' },
    ]);
  });

  test('fails at once for a port of another Service, and for a port or name a Service does not have', () => {
    const { chart } = newChart();
    const { svc } = backend(chart);
    const other = new ClusterIPService(chart, 'Other', { backend: Backend.externalPods({ app: 'other' }), ports: [{ port: 9000, name: 'grpc', targetPort: ContainerPort.tcp(9000) }] });
    expect(() => svc.urlEnvValue(other.findPort('grpc'))).toThrow(
      '[test/ImageProcessorService] urlEnvValue() port: Invalid value: "grpc 9000/TCP": is a port of Service test/Other, not of this one; pass a port of this Service (findPort(name), or what addPort returned)');
    expect(() => svc.findPort('grpc')).toThrow('[test/ImageProcessorService] findPort() name: Invalid value: "grpc": the Service has no port of this name; its ports are http 80/TCP');
    const db = new ExternalNameService(chart, 'Db', { externalName: 'db.example.com' });
    expect(db.dnsName()).toBe('db.default.svc.cluster.local');
    expect(() => db.address()).toThrow('[test/Db] address() port: Required value: the Service has no port; an ExternalName Service has no ports: use dnsName() and the port the external service listens on');
    const unnamed = new ClusterIPService(chart, 'Unnamed', { backend: Backend.externalPods({ app: 'u' }), ports: [{ port: 80 }] });
    expect(() => unnamed.namedPortEnvName(unnamed.servicePorts[0])).toThrow('the port has no name, so the kubelet sets no variable for it; use UNNAMED_SERVICE_PORT for the first port');
  });
});
