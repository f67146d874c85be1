import { Backend, ContainerPort, DaemonSet, Identity, NodePortService } from '../src';
import { find, newChart, synth, views } from './util';

describe('DaemonSet', () => {
  test('selects its pods by its identity, keeps other labels out of the selector, and is a Service backend', () => {
    const { chart } = newChart({ namespace: 'monitoring' });
    const metrics = ContainerPort.tcp(9100, { name: 'metrics' });
    const agent = new DaemonSet(chart, 'NodeExporter', {
      identity: Identity.of('node-exporter'),
      labels: { version: '1.8.2' },
      containers: [{ image: 'quay.io/prometheus/node-exporter:v1.8.2', ports: [metrics] }],
    });
    agent.exposeViaHeadlessService();
    new NodePortService(chart, 'Scrape', { backend: Backend.fromWorkload(agent), ports: [{ port: 9100, targetPort: metrics, nodePort: 30910 }] });
    const manifests = synth(chart);
    const ds = find(manifests, 'DaemonSet');
    expect(ds.metadata.name).toBe('node-exporter');
    expect(ds.spec.selector).toEqual({ matchLabels: Identity.of('node-exporter').labels });
    expect(ds.spec.template.metadata.labels).toEqual({ ...Identity.of('node-exporter').labels, version: '1.8.2' });
    expect(find(manifests, 'Service', 'node-exporter-headless').spec.selector).toEqual(Identity.of('node-exporter').labels);
    expect(find(manifests, 'Service', 'scrape').spec.ports).toEqual([{ name: 'metrics', port: 9100, targetPort: 'metrics', protocol: 'TCP', nodePort: 30910 }]);
    expect(agent.toPodSelectorConfig().labelSelector._toKube().matchLabels).toEqual(Identity.of('node-exporter').labels);
    const { own, rendered } = views(agent);
    expect(own).toEqual(rendered);
  });

  test('fails at once without an identity, or with a label that contradicts it', () => {
    const { chart } = newChart();
    // @ts-expect-error the identity is required
    expect(() => new DaemonSet(chart, 'A', { containers: [{ image: 'registry.example.com/a:1' }] })).toThrow('[test/A] identity: Required value');
    expect(() => new DaemonSet(chart, 'B', { identity: Identity.of('b'), podMetadata: { labels: { 'app.kubernetes.io/name': 'c' } }, containers: [{ image: 'registry.example.com/b:1' }] }))
      .toThrow("[test/B] podMetadata.labels[app.kubernetes.io/name]: Invalid value: \"c\": conflicts with the identity label 'app.kubernetes.io/name: b'");
  });
});
