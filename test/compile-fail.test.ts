// Combinations the Kubernetes API rejects do not compile. Each `@ts-expect-error` below must stay needed: if a
// change made the line compile, ts-jest would fail this file with TS2578 (unused directive).
import { Protocol } from 'cdk8s-plus-27';
import {
  Backend, ClusterIPService, ContainerPort, Deployment, ExternalNameService, HeadlessService, Identity,
  LoadBalancerService, NetworkPeer, NodePortService, SessionAffinity,
} from '../src';
import { newChart, validationErrors } from './util';
import type { PodSpecView, ServicePortView } from '../src/check/contract';
import { RULES, RuleId } from '../src/check/registry';
import { Report } from '../src/check/report';

function setup() {
  const { chart } = newChart();
  const http = ContainerPort.tcp(8080, { name: 'http' });
  const d = new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: 'registry.example.com/web:1', ports: [http] }] });
  return { chart, http, backend: Backend.fromWorkload(d) };
}

describe('compile-time rules', () => {
  test('nodePort does not compile on a ClusterIP Service', () => {
    const { chart, http, backend } = setup();
    // @ts-expect-error nodePort belongs to NodePort and LoadBalancer Services
    new ClusterIPService(chart, 'A', { backend, ports: [{ port: 80, targetPort: http, nodePort: 30080 }] });
    const svc = new ClusterIPService(chart, 'B', { backend });
    // @ts-expect-error addPort of a ClusterIP Service takes no nodePort either
    svc.addPort({ port: 81, nodePort: 30081 });
    // the API server rejects what would have been written, so synth fails too
    expect(validationErrors(chart).filter(e => e.includes('[service-node-port]'))).toHaveLength(2);
  });

  test('loadBalancerSourceRanges and other LoadBalancer fields do not compile on a NodePort Service', () => {
    const { chart, backend } = setup();
    // @ts-expect-error source ranges only apply to LoadBalancer Services
    new NodePortService(chart, 'A', { backend, loadBalancerSourceRanges: ['10.0.0.0/8'] });
    // @ts-expect-error loadBalancerClass only applies to LoadBalancer Services
    new NodePortService(chart, 'B', { backend, loadBalancerClass: 'example.com/lb' });
    // @ts-expect-error healthCheckNodePort only applies to LoadBalancer Services
    new NodePortService(chart, 'C', { backend, healthCheckNodePort: 31000 });
    // ...but they compile on a LoadBalancer Service
    new LoadBalancerService(chart, 'D', { backend, loadBalancerSourceRanges: ['10.0.0.0/8'] });
  });

  test('externalTrafficPolicy does not compile on a ClusterIP or headless Service', () => {
    const { chart, backend } = setup();
    // @ts-expect-error externalTrafficPolicy needs type NodePort or LoadBalancer
    new ClusterIPService(chart, 'A', { backend, externalTrafficPolicy: 'Local' });
    // @ts-expect-error kube-proxy does not handle headless Services: no session affinity
    new HeadlessService(chart, 'B', { backend, sessionAffinity: SessionAffinity.clientIP() });
  });

  test('an Ingress backend does not compile from a headless or ExternalName Service, nor a NetworkPolicy on ExternalName pods', () => {
    const { chart, backend } = setup();
    const headless = new HeadlessService(chart, 'A', { backend });
    const external = new ExternalNameService(chart, 'B', { externalName: 'db.example.com' });
    // type-checked, never run: the methods do not exist on these classes
    const neverCalled = () => {
      // @ts-expect-error a headless Service has no cluster IP: controllers that route to it (GCE, AWS instance targets) cannot
      // reach it; put a ClusterIP Service in front (the checker only warns on other manifests: ingress-nginx routes to endpoints)
      headless.ingressBackend();
      // @ts-expect-error an ExternalName Service has no ports, and most controllers cannot route to it
      external.ingressBackend();
      // @ts-expect-error an ExternalName Service has no pods for a NetworkPolicy to select
      external.allowFrom(NetworkPeer.namespace('web'));
    };
    expect(typeof neverCalled).toBe('function');
    expect('ingressBackend' in headless || 'allowFrom' in external).toBe(false);
    // ...but they compile where they apply
    expect(headless.allowFrom(NetworkPeer.namespace('web'), { egress: false }).ingressPolicy).toBeDefined();
  });

  test('a selector, a backend or ports do not compile on an ExternalName Service', () => {
    const { chart, backend } = setup();
    // @ts-expect-error an ExternalName Service selects no pods
    new ExternalNameService(chart, 'A', { externalName: 'db.example.com', backend });
    // @ts-expect-error an ExternalName Service has no selector
    new ExternalNameService(chart, 'B', { externalName: 'db.example.com', selector: { app: 'db' } });
    // @ts-expect-error an ExternalName Service proxies nothing, so it has no ports
    new ExternalNameService(chart, 'C', { externalName: 'db.example.com', ports: [{ port: 5432 }] });
    const svc = new ExternalNameService(chart, 'D', { externalName: 'db.example.com' });
    // @ts-expect-error and no addPort
    expect(() => svc.addPort({ port: 5432 })).toThrow(TypeError);
  });

  test('a string where a port object is required does not compile', () => {
    const { chart, backend } = setup();
    // @ts-expect-error targetPort is a ContainerPort or a PortName object, never a name typed a second time
    expect(() => new ClusterIPService(chart, 'A', { backend, ports: [{ port: 80, targetPort: 'http' }] }))
      .toThrow('[test/A] ports[0].targetPort: Invalid value: "http": must be a ContainerPort or a PortName object, never a name or number typed twice');
    // @ts-expect-error nor a bare number (from JavaScript, where types do not guard, it fails at once)
    expect(() => new ClusterIPService(chart, 'B', { backend, ports: [{ port: 80, targetPort: 8080 }] })).toThrow('ports[0].targetPort: Invalid value: 8080');
    // @ts-expect-error a Service needs a backend object, not a label map
    new ClusterIPService(chart, 'C', { selector: { app: 'web' } });
    // @ts-expect-error nor labels where a workload is expected
    Backend.fromWorkload({ app: 'web' });
  });

  test('a Deployment needs an identity, and protocols are the Kubernetes literals', () => {
    const { chart } = newChart();
    // @ts-expect-error the identity is required: it is the selector
    expect(() => new Deployment(chart, 'A', { containers: [{ image: 'registry.example.com/a:1' }] }))
      .toThrow("[test/A] identity: Required value: it is what the selector and the Services that select these pods are built from; pass identity: Identity.of('my-app')");
    // @ts-expect-error protocols come from the enum
    const p: Protocol = 'tcp';
    expect(p).toBe('tcp');
  });

  test('an unknown rule id does not compile where a RuleId is expected', () => {
    const known: RuleId = 'service-port-backend';
    // @ts-expect-error a misspelt rule id is not a RuleId
    const misspelt: RuleId = 'service-port-backed';
    const report = new Report(new Set());
    const obj = { index: 0, kind: 'Service', namespace: '', name: 'web' };
    report.add(obj, 'service-port-name', 'spec.ports[0].name', 'Required value');
    // @ts-expect-error reporting takes a RuleId: a rule that does not exist does not compile
    expect(() => report.add(obj, 'service-prot-name', 'spec.ports[0].name', 'Required value')).toThrow(TypeError);
    expect(RULES[known].severity).toBe('error');
    expect(Object.keys(RULES)).not.toContain(misspelt);
    expect(report.findings.map(f => f.rule)).toEqual(['service-port-name']);
  });

  test('a view missing a field a rule reads does not compile', () => {
    // @ts-expect-error hostNetwork is read by the host-port rules, so a pod spec view must fill it (even as undefined)
    const spec: PodSpecView = { containers: [], initContainers: [] };
    // @ts-expect-error a Service port view without nodePort leaves the node-port rules blind
    const port: ServicePortView = { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: undefined };
    const complete: PodSpecView = {
      hostNetwork: undefined, restartPolicy: undefined, dnsPolicy: undefined, dnsConfig: undefined, volumes: [], containers: [], initContainers: [],
    };
    expect([spec, port, complete]).toHaveLength(3);
  });
});
