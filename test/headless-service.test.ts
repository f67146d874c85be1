import * as kplus from 'cdk8s-plus-27';
import { Backend, ContainerPort, Deployment, HeadlessService, Identity, IpFamily, IpFamilyPolicy } from '../src';
import { find, newChart, synth, validationErrors } from './util';

describe('HeadlessService', () => {
  test('renders clusterIP: None in front of a cdk8s-plus StatefulSet', () => {
    const { chart } = newChart();
    const peer = ContainerPort.tcp(7000, { name: 'peer' });
    const cache = new kplus.StatefulSet(chart, 'Cache', {
      metadata: { name: 'cache' },
      containers: [{ image: 'registry.example.com/cache:7', ports: [peer] }],
    });
    new HeadlessService(chart, 'CachePeers', {
      backend: Backend.fromWorkload(cache),
      ports: [{ port: 7000, targetPort: peer }],
      publishNotReadyAddresses: true,
      ipFamilies: [IpFamily.IPV4],
      ipFamilyPolicy: IpFamilyPolicy.SINGLE_STACK,
    });
    const manifests = synth(chart);
    // cdk8s-plus also creates its own headless Service for a StatefulSet; ours is the one named cache-peers
    const svc = find(manifests, 'Service', 'cache-peers');
    const sts = find(manifests, 'StatefulSet');
    expect(svc.metadata.name).toBe('cache-peers');
    expect(svc.spec).toEqual({
      type: 'ClusterIP',
      clusterIP: 'None',
      selector: sts.spec.selector.matchLabels,
      ports: [{ name: 'peer', port: 7000, targetPort: 'peer', protocol: 'TCP' }],
      publishNotReadyAddresses: true,
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    });
  });

  test('may have no ports: DNS only', () => {
    const { chart } = newChart();
    const d = new Deployment(chart, 'Workers', { identity: Identity.of('workers'), containers: [{ image: 'registry.example.com/w:1' }] });
    new HeadlessService(chart, 'WorkersDns', { backend: Backend.fromWorkload(d) });
    const svc = find(synth(chart), 'Service');
    expect(svc.spec).toEqual({ type: 'ClusterIP', clusterIP: 'None', selector: Identity.of('workers').labels });
  });

  test('exposeViaHeadlessService names it <deployment>-headless', () => {
    const { chart } = newChart();
    const d = new Deployment(chart, 'Workers', { identity: Identity.of('workers'), containers: [{ image: 'registry.example.com/w:1', ports: [ContainerPort.tcp(9000, { name: 'rpc' })] }] });
    const svc = d.exposeViaHeadlessService();
    expect(svc.node.path).toBe('test/Workers/HeadlessService');
    const out = find(synth(chart), 'Service');
    expect(out.metadata.name).toBe('workers-headless');
    expect(out.spec.ports).toEqual([{ name: 'rpc', port: 9000, targetPort: 'rpc', protocol: 'TCP' }]);
  });

  test('fails when the selected pods do not expose the named port', () => {
    const { chart } = newChart();
    const d = new Deployment(chart, 'Workers', { identity: Identity.of('workers'), containers: [{ image: 'registry.example.com/w:1' }] });
    new HeadlessService(chart, 'WorkersDns', { backend: Backend.fromWorkload(d), ports: [{ port: 9000, targetPort: ContainerPort.tcp(9000, { name: 'rpc' }) }] });
    expect(validationErrors(chart)).toEqual([
      '[test/WorkersDns] spec.ports[0].targetPort: targetPort rpc (TCP) names no container port of the backend test/Workers, which declares none; declare a port named rpc in its container, or target one it declares [service-port-backend]',
    ]);
  });

  test('ports: [] means a headless Service without ports, not every container port', () => {
    const { chart } = newChart();
    const d = new Deployment(chart, 'Peers', { identity: Identity.of('peers'), containers: [{ image: 'registry.example.com/p:1', ports: [ContainerPort.tcp(7000, { name: 'peer' })] }] });
    new HeadlessService(chart, 'PeersDns', { backend: Backend.fromWorkload(d), ports: [] });
    expect(find(synth(chart), 'Service').spec).not.toHaveProperty('ports');
  });
});
