import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AllowTraffic, AppValidation, Backend, ClusterIPService, ContainerPort, DefaultDenyPolicy, Deployment, ExternalNameService, Identity,
  ManifestChecker, NetworkPeer, PortName, StatefulSet,
} from '../src';
import { find, newChart, synth, validationErrors } from './util';

/** A frontend calling an image processor on Service port 80, which targets the container port `http` 8080. */
function shop(namespace?: string) {
  const { chart } = newChart({ namespace });
  const http = ContainerPort.tcp(8080, { name: 'http' });
  const processor = new Deployment(chart, 'ImageProcessor', { identity: Identity.of('image-processor'), containers: [{ image: 'registry.example.com/ip:1', ports: [http] }] });
  const frontend = new Deployment(chart, 'Frontend', { identity: Identity.of('frontend'), containers: [{ image: 'registry.example.com/fe:1' }] });
  const service = new ClusterIPService(chart, 'ImageProcessorService', { metadata: { name: 'image-processor' }, backend: Backend.fromWorkload(processor), ports: [{ port: 80, targetPort: http }] });
  return { chart, processor, frontend, service };
}

describe('AllowTraffic: NetworkPolicies from connections', () => {
  test('the policy allows the container port the Service port targets, by name, on the Service\'s pods, from the peer\'s identity', () => {
    const { chart, frontend, service } = shop('shop');
    service.allowFrom(NetworkPeer.workload(frontend), { egress: true });
    const manifests = synth(chart);
    const ingress = find(manifests, 'NetworkPolicy', 'image-processor-from-frontend');
    expect(ingress).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'image-processor-from-frontend', namespace: 'shop' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'image-processor', 'app.kubernetes.io/instance': 'image-processor' } },
        policyTypes: ['Ingress'],
        ingress: [{
          from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'frontend', 'app.kubernetes.io/instance': 'frontend' } } }],
          // the container port http (8080), never the Service port 80
          ports: [{ port: 'http', protocol: 'TCP' }],
        }],
      },
    });
    // the client side: egress from the frontend's pods to the processor's pods, on the same pod port
    expect(find(manifests, 'NetworkPolicy', 'frontend-to-image-processor').spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'frontend', 'app.kubernetes.io/instance': 'frontend' } },
      policyTypes: ['Egress'],
      egress: [{
        to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'image-processor', 'app.kubernetes.io/instance': 'image-processor' } } }],
        ports: [{ port: 'http', protocol: 'TCP' }],
      }],
    });
    expect(new ManifestChecker().check(manifests).filter(f => f.severity === 'error')).toEqual([]);
  });

  test('an unnamed target renders its number; no target renders the Service port (the default targetPort); UDP and SCTP are kept', () => {
    const { chart } = newChart();
    const dns = ContainerPort.udp(5353);
    const sctp = ContainerPort.sctp(9899, { name: 'data' });
    const resolver = new Deployment(chart, 'Resolver', { identity: Identity.of('resolver'), containers: [{ image: 'registry.example.com/dns:1', ports: [dns, sctp, ContainerPort.tcp(53)] }] });
    const client = new Deployment(chart, 'Client', { identity: Identity.of('client'), containers: [{ image: 'registry.example.com/c:1' }] });
    const svc = new ClusterIPService(chart, 'Dns', {
      backend: Backend.fromWorkload(resolver),
      ports: [{ name: 'dns-udp', port: 53, targetPort: dns }, { name: 'data', port: 9899, targetPort: sctp }, { name: 'dns-tcp', port: 53 }],
    });
    svc.allowFrom(NetworkPeer.workload(client));
    expect(synth(chart).filter(m => m.kind === 'NetworkPolicy').map(m => m.metadata.name)).toEqual(['dns-from-client']); // no egress policy unless asked
    const policy = find(synth(chart), 'NetworkPolicy', 'dns-from-client');
    expect(policy.spec.ingress[0].ports).toEqual([
      { port: 5353, protocol: 'UDP' },
      { port: 'data', protocol: 'SCTP' },
      { port: 53, protocol: 'TCP' },
    ]);
  });

  test('a PortName target stays a name, so v1 and v2 declaring it at different numbers are both allowed', () => {
    const { chart } = newChart();
    const resize = PortName.tcp('resize');
    const api = Identity.of('resizer');
    const v1 = new Deployment(chart, 'V1', { identity: api.withLabels({ version: 'v1' }), containers: [{ image: 'r:1', ports: [resize.port(8080)] }] });
    const v2 = new Deployment(chart, 'V2', { identity: api.withLabels({ version: 'v2' }), containers: [{ image: 'r:2', ports: [resize.port(9090)] }] });
    const svc = new ClusterIPService(chart, 'Resizer', { backend: Backend.fromWorkloads([v1, v2]), ports: [{ port: 80, targetPort: resize }] });
    svc.allowFrom(NetworkPeer.namespace('web'));
    const policy = find(synth(chart), 'NetworkPolicy', 'resizer-from-ns-web');
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'resizer', 'app.kubernetes.io/instance': 'resizer' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'web' } } }], ports: [{ port: 'resize', protocol: 'TCP' }] }],
    });
  });

  test('only the ports asked for; a CIDR peer; a peer in another namespace is selected with its namespace', () => {
    const { chart } = newChart({ namespace: 'shop' });
    const http = ContainerPort.tcp(8080, { name: 'http' });
    const admin = ContainerPort.tcp(9000, { name: 'admin' });
    const app = new Deployment(chart, 'App', { identity: Identity.of('app'), containers: [{ image: 'a:1', ports: [http, admin] }] });
    const svc = new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(app), ports: [{ port: 80, targetPort: http }, { port: 9000, targetPort: admin }] });
    const monitoring = new kplus.Deployment(chart, 'Scraper', { metadata: { namespace: 'monitoring' }, containers: [{ image: 'scraper:1' }] });
    svc.allowFrom(NetworkPeer.ipBlock('10.0.0.0/8', { except: ['10.1.0.0/16'] }), { ports: [svc.findPort('http')] });
    svc.allowFrom(NetworkPeer.workload(monitoring), { ports: [svc.findPort('admin')], egress: true });
    const manifests = synth(chart);
    expect(find(manifests, 'NetworkPolicy', 'svc-from-cidr-10.0.0.0-8-except-10.1.0.0-16').spec.ingress).toEqual([
      { from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 'http', protocol: 'TCP' }] },
    ]);
    // a peer in another namespace is named with it: two workloads of one name in two namespaces stay apart
    const fromScraper = find(manifests, 'NetworkPolicy', `svc-from-${monitoring.name}.monitoring`);
    expect(fromScraper.spec.ingress[0].from).toEqual([{
      podSelector: { matchLabels: monitoring.matchLabels },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
    }]);
    expect(fromScraper.spec.ingress[0].ports).toEqual([{ port: 'admin', protocol: 'TCP' }]);
    // the scraper's egress policy lives in its namespace and reaches the app's namespace
    const egress = find(manifests, 'NetworkPolicy', `${monitoring.name}-to-svc`);
    expect(egress.metadata.namespace).toBe('monitoring');
    expect(egress.spec.egress[0].to[0].namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'shop' } });
    // no egress policy for a CIDR peer
    expect(manifests.filter(m => m.kind === 'NetworkPolicy').map(m => m.metadata.name).sort()).toEqual(
      [`${monitoring.name}-to-svc`, `svc-from-${monitoring.name}.monitoring`, 'svc-from-cidr-10.0.0.0-8-except-10.1.0.0-16'].sort());
  });

  test('peers that differ only in namespace or in except are different peers', () => {
    const { chart, service } = shop('shop');
    const inA = new kplus.Deployment(chart, 'A', { metadata: { name: 'api', namespace: 'a' }, containers: [{ image: 'a:1' }] });
    const inB = new kplus.Deployment(chart, 'B', { metadata: { name: 'api', namespace: 'b' }, containers: [{ image: 'b:1' }] });
    service.allowFrom(NetworkPeer.workload(inA));
    service.allowFrom(NetworkPeer.workload(inB));
    service.allowFrom(NetworkPeer.ipBlock('10.0.0.0/8'));
    service.allowFrom(NetworkPeer.ipBlock('10.0.0.0/8', { except: ['10.1.0.0/16'] }));
    expect(synth(chart).filter(m => m.kind === 'NetworkPolicy').map(m => m.metadata.name).sort()).toEqual([
      'image-processor-from-api.a', 'image-processor-from-api.b', 'image-processor-from-cidr-10.0.0.0-8', 'image-processor-from-cidr-10.0.0.0-8-except-10.1.0.0-16',
    ]);
  });

  test('a workload peer is selected by its whole selector: expressions too; one that selects by nothing fails synth', () => {
    const { chart, service } = shop();
    const tiered = new kplus.Deployment(chart, 'Tiered', { select: false, containers: [{ image: 't:1' }], podMetadata: { labels: { tier: 'fe' } } });
    tiered.select(kplus.LabelSelector.of({ expressions: [kplus.LabelExpression.in('tier', ['fe'])] }));
    service.allowFrom(NetworkPeer.workload(tiered), { egress: true });
    const manifests = synth(chart);
    const expected = { matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] };
    expect(find(manifests, 'NetworkPolicy', `image-processor-from-${tiered.name}`).spec.ingress[0].from).toEqual([{ podSelector: expected }]);
    expect(find(manifests, 'NetworkPolicy', `${tiered.name}-to-image-processor`).spec.podSelector).toEqual(expected);

    const { chart: other, service: svc } = shop();
    const bare = new kplus.Deployment(other, 'Bare', { select: false, containers: [{ image: 'b:1' }] });
    svc.allowFrom(NetworkPeer.workload(bare));
    expect(validationErrors(other)).toContainEqual(expect.stringContaining(
      'from: the workload test/Bare selects no labels, so the policy would allow every pod of its namespace; give it an identity, or allow NetworkPeer.namespace()'));
  });

  test('renaming the constructs changes nothing: peers and pods are selected by identity', () => {
    const render = (prefix: string) => {
      const { chart } = newChart();
      const http = ContainerPort.tcp(8080, { name: 'http' });
      const be = new Deployment(chart, `${prefix}Backend`, { identity: Identity.of('api'), containers: [{ image: 'a:1', ports: [http] }] });
      const fe = new Deployment(chart, `${prefix}Frontend`, { identity: Identity.of('web'), containers: [{ image: 'w:1' }] });
      const svc = new ClusterIPService(chart, `${prefix}Api`, { metadata: { name: 'api' }, backend: Backend.fromWorkload(be), ports: [{ port: 80, targetPort: http }] });
      svc.allowFrom(NetworkPeer.workload(fe), { egress: false });
      return find(synth(chart), 'NetworkPolicy').spec;
    };
    expect(render('Renamed')).toEqual(render(''));
  });

  test('a headless Service governing a StatefulSet allows traffic to the StatefulSet\'s pods', () => {
    const { chart } = newChart();
    const pg = ContainerPort.tcp(5432, { name: 'postgres' });
    const db = new StatefulSet(chart, 'Orders', { identity: Identity.of('orders-postgres'), containers: [{ image: 'postgres:16', ports: [pg] }] });
    const app = new Deployment(chart, 'App', { identity: Identity.of('orders'), containers: [{ image: 'o:1' }] });
    db.headlessService.allowFrom(NetworkPeer.workload(app), { egress: false });
    const policy = find(synth(chart), 'NetworkPolicy');
    expect(policy.spec.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'orders-postgres', 'app.kubernetes.io/instance': 'orders-postgres' } });
    expect(policy.spec.ingress[0].ports).toEqual([{ port: 'postgres', protocol: 'TCP' }]);
  });

  test('fails when the Service has no pods, a port is not the Service\'s, traffic from the peer is already allowed, or egress has no pods', () => {
    const { chart, frontend, service, processor } = shop();
    const manual = new ClusterIPService(chart, 'Legacy', { backend: Backend.manualEndpoints(), ports: [{ port: 80 }] });
    expect(() => new AllowTraffic(chart, 'A', { service: manual, from: NetworkPeer.workload(frontend) })).toThrow(
      '[test/A] service: Invalid value: "test/Legacy": a Service without a selector has no pods for a NetworkPolicy to select; allow egress to its endpoints\' addresses from the clients (NetworkPeer.ipBlock)');
    const external = new ExternalNameService(chart, 'Ext', { externalName: 'db.example.com' });
    expect(() => new AllowTraffic(chart, 'B', { service: external, from: NetworkPeer.workload(frontend) })).toThrow('an ExternalName Service has no pods for a NetworkPolicy to select');
    const other = new ClusterIPService(chart, 'Other', { backend: Backend.fromWorkload(processor), ports: [{ port: 81 }] });
    expect(() => service.allowFrom(NetworkPeer.workload(frontend), { ports: [other.servicePorts[0]] })).toThrow('ports[0]: Invalid value: "81/TCP": not a port of test/ImageProcessorService');
    expect(() => service.allowFrom(NetworkPeer.workload(frontend), { ports: [] })).toThrow(
      'ports: Invalid value: []: a rule without ports allows every port; pass at least one port, or leave ports unset for all of the Service\'s ports');
    service.allowFrom(NetworkPeer.workload(frontend));
    expect(() => service.allowFrom(NetworkPeer.workload(frontend))).toThrow(
      '[test/ImageProcessorService] allowFrom() peer: Invalid value: "workload /frontend": traffic from this peer is already allowed; allow every port in one call (options.ports)');
    expect(() => service.allowFrom(NetworkPeer.namespace('ops'), { egress: true })).toThrow('the peer (namespace ops) is not a workload of this app');
  });

  test('a hand-written policy on the Service port instead of the container port is reported at synth, with the port to allow', () => {
    const { chart, service } = shop('shop');
    new ApiObject(chart, 'Hand', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'hand' },
      spec: { podSelector: { matchLabels: service.backend!._selector() }, ingress: [{ ports: [{ port: 80 }, { port: 'htttp' }] }] },
    });
    // a named port no selected pod declares allows nothing: an error
    expect(validationErrors(chart)).toEqual([expect.stringMatching(/^\[test\/Hand\] spec\.ingress\[0\]\.ports\[1\]\.port: .*htttp.* \[network-policy-port-name\]$/)]);
    // a number no container declares may still be listened on: a warning, which names the mistake
    const warning = AppValidation.findings(chart.node.root as any).find(f => f.rule === 'network-policy-port-number');
    expect(warning?.message).toBe('80 is the port of Service "image-processor", whose pods listen on 8080 (targetPort http); a NetworkPolicy allows pod ports, so allow 8080');
  });

  test('peers are checked as they are made', () => {
    expect(() => NetworkPeer.ipBlock('10.0.0.0/33')).toThrow('NetworkPeer.ipBlock() cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value');
    expect(() => NetworkPeer.ipBlock('10.0.0.0/8', { except: ['nope'] })).toThrow('except[0]: Invalid value: "nope"');
    expect(() => NetworkPeer.namespace('Ops')).toThrow('NetworkPeer.namespace() name: Invalid value: "Ops"');
  });
});

describe('DefaultDenyPolicy', () => {
  test('denies ingress and egress in the namespace, and lets pods reach the cluster DNS on UDP and TCP 53', () => {
    const { chart } = newChart();
    new DefaultDenyPolicy(chart, 'Deny', { namespace: 'shop' });
    const manifests = synth(chart);
    expect(find(manifests, 'NetworkPolicy', 'default-deny')).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    expect(find(manifests, 'NetworkPolicy', 'allow-dns').spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
      }],
    });
  });

  test('ingress only: no DNS policy', () => {
    const { chart } = newChart();
    new DefaultDenyPolicy(chart, 'Deny', { egress: false });
    const manifests = synth(chart);
    expect(manifests.map(m => m.metadata.name)).toEqual(['default-deny']);
    expect(manifests[0].spec.policyTypes).toEqual(['Ingress']);
  });

  test('fails when the namespace is not a name, or DNS is asked for without denying egress', () => {
    const { chart } = newChart();
    expect(() => new DefaultDenyPolicy(chart, 'A', { namespace: 'Shop' })).toThrow('[test/A] namespace: Invalid value: "Shop"');
    expect(() => new DefaultDenyPolicy(chart, 'B', { egress: false, allowDns: true })).toThrow('allowDns: Invalid value: true: egress is not denied, so DNS needs no policy');
  });
});
