import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AppValidation, Backend, ClusterIPService, ContainerPort, Deployment, ExternalNameService, HeadlessService, Identity, LoadBalancerService,
  NodePortService,
} from '../src';
import { find, newChart, synth, validationErrors } from './util';

/** A web Deployment with container ports http 8080 and metrics 9090, behind a Service with both. */
function web() {
  const { chart } = newChart({ namespace: 'shop' });
  const http = ContainerPort.tcp(8080, { name: 'http' });
  const metrics = ContainerPort.tcp(9090);
  const d = new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: 'registry.example.com/web:1', ports: [http, metrics] }] });
  const svc = new ClusterIPService(chart, 'WebService', {
    metadata: { name: 'web' },
    backend: Backend.fromWorkload(d),
    ports: [{ port: 80, targetPort: http }, { name: 'metrics', port: 9090, targetPort: metrics }],
  });
  return { chart, d, svc, http };
}

describe('Ingress backends from our Services and port objects', () => {
  test('a backend by port name, on a multi-port Service, in a cdk8s-plus-27 Ingress', () => {
    const { chart, svc } = web();
    const ingress = new kplus.Ingress(chart, 'Ingress', { metadata: { name: 'web' }, className: 'nginx' });
    ingress.addHostRule('shop.example.com', '/', svc.ingressBackend(svc.findPort('http')), kplus.HttpIngressPathType.PREFIX);
    const manifests = synth(chart);
    expect(find(manifests, 'Ingress').spec).toEqual({
      ingressClassName: 'nginx',
      rules: [{
        host: 'shop.example.com',
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] },
      }],
    });
  });

  test('a backend by number when the port has no name; the only port may be left out', () => {
    const { chart } = newChart();
    const d = new Deployment(chart, 'Api', { identity: Identity.of('api'), containers: [{ image: 'a:1', ports: [ContainerPort.tcp(8080)] }] });
    const svc = new NodePortService(chart, 'ApiService', { metadata: { name: 'api' }, backend: Backend.fromWorkload(d), ports: [{ port: 80, targetPort: ContainerPort.tcp(8080) }] });
    const ingress = new kplus.Ingress(chart, 'Ingress', { metadata: { name: 'api' } });
    ingress.addDefaultBackend(svc.ingressBackend());
    expect(find(synth(chart), 'Ingress').spec).toEqual({ defaultBackend: { service: { name: 'api', port: { number: 80 } } } });
  });

  test('cdk8s-plus-27\'s own IngressBackend.fromService takes our Services too', () => {
    const { chart, svc } = web();
    const ingress = new kplus.Ingress(chart, 'Ingress', { metadata: { name: 'web' } });
    ingress.addRule('/', kplus.IngressBackend.fromService(svc, { port: 80 }));
    expect(find(synth(chart), 'Ingress').spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'web', port: { number: 80 } } });
  });

  test('fails when the port is not TCP', () => {
    const { chart } = newChart();
    const dns = ContainerPort.udp(53, { name: 'dns' });
    const d = new Deployment(chart, 'Dns', { identity: Identity.of('dns'), containers: [{ image: 'd:1', ports: [dns] }] });
    const svc = new ClusterIPService(chart, 'DnsService', { backend: Backend.fromWorkload(d), ports: [{ port: 53, targetPort: dns }] });
    expect(() => svc.ingressBackend()).toThrow('[test/DnsService] ingressBackend() port: Invalid value: "dns 53/UDP": an Ingress routes HTTP, over TCP, and this port is UDP; pass a TCP port of the Service');
  });

  test('fails when a multi-port Service is given no port, or a port of another Service', () => {
    const { chart, svc, d } = web();
    expect(() => svc.ingressBackend()).toThrow(
      '[test/WebService] ingressBackend() port: Required value: the Service has 2 ports (http 80/TCP, metrics 9090/TCP); pass one of them, such as service.findPort(\'http\')');
    const other = new LoadBalancerService(chart, 'Other', { backend: Backend.fromWorkload(d), ports: [{ name: 'https', port: 443, targetPort: ContainerPort.tcp(8080, { name: 'http' }) }] });
    expect(() => svc.ingressBackend(other.findPort('https'))).toThrow(
      '[test/WebService] ingressBackend() port: Invalid value: "https 443/TCP": not a port of this Service (test/Other owns it); its ports are http 80/TCP, metrics 9090/TCP');
  });
});

describe('Ingress backends at synth: the checker holds them to the Services of the app', () => {
  /** A raw Ingress in the chart, with these backends under `/a`, `/b`, … */
  function rawIngress(chart: any, backends: object[]): ApiObject {
    const paths = backends.map((backend, i) => ({ path: `/${String.fromCharCode(97 + i)}`, pathType: 'Prefix', backend }));
    return new ApiObject(chart, 'Raw', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'raw' }, spec: { rules: [{ http: { paths } }] } });
  }

  test('fails when a backend names a Service missing from the Ingress\'s namespace, or a port the Service does not have', () => {
    const { chart } = web();
    rawIngress(chart, [
      { service: { name: 'web', port: { name: 'htttp' } } },
      { service: { name: 'web', port: { number: 8080 } } },
      { service: { name: 'wbe', port: { number: 80 } } },
      { service: { name: 'web', port: { name: 'http' } } },
    ]);
    const errors = validationErrors(chart);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^\[test\/Raw\] spec\.rules\[0\]\.http\.paths\[0\]\.backend\.service\.port\.name: .*htttp.* \[ingress-backend-port\]$/);
    // 8080 is the container port behind Service port 80: the message says so
    expect(errors[1]).toMatch(/^\[test\/Raw\] spec\.rules\[0\]\.http\.paths\[1\]\.backend\.service\.port\.number: .*8080 is the container port behind its port 80 \(http\).* \[ingress-backend-port\]$/);
    expect(errors[2]).toMatch(/^\[test\/Raw\] spec\.rules\[0\]\.http\.paths\[2\]\.backend\.service\.name: .*wbe.* \[ingress-backend-service\]$/);
  });

  test('an ExternalName or headless Service as a backend: a warning with the reason', () => {
    const { chart, d } = web();
    new ExternalNameService(chart, 'Db', { metadata: { name: 'db' }, externalName: 'db.example.com' });
    const headless = new HeadlessService(chart, 'Peers', { metadata: { name: 'peers' }, backend: Backend.fromWorkload(d), ports: [{ port: 8080, targetPort: ContainerPort.tcp(8080, { name: 'http' }) }] });
    const ingress = new kplus.Ingress(chart, 'Ingress', { metadata: { name: 'web' } });
    ingress.addRule('/peers', kplus.IngressBackend.fromService(headless));
    rawIngress(chart, [{ service: { name: 'db', port: { number: 5432 } } }]);
    expect(validationErrors(chart)).toEqual([]);
    const warnings = AppValidation.findings(chart.node.root as any).filter(f => f.rule === 'ingress-backend-service-type');
    expect(warnings.map(f => `${f.path} ${f.field}`)).toEqual([
      'test/Ingress spec.rules[0].http.paths[0].backend.service.name',
      'test/Raw spec.rules[0].http.paths[0].backend.service.name',
    ]);
    expect(warnings[0].message).toContain('headless');
    expect(warnings[1].message).toContain('ExternalName');
  });
});
