import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AppValidation, Backend, ClusterIPService, ContainerPort, HeadlessService, Identity, ManifestChecker, StatefulSet } from '../src';
import { find, newChart, synth, validationErrors, views } from './util';

const IMAGE = 'registry.example.com/postgres:16';
const pg = () => ContainerPort.tcp(5432, { name: 'postgres' });

function db(chart: Chart, id = 'Db', props: Partial<ConstructorParameters<typeof StatefulSet>[2]> = {}) {
  return new StatefulSet(chart, id, { identity: Identity.of('postgres'), replicas: 3, containers: [{ image: IMAGE, ports: [pg()] }], ...props });
}

describe('StatefulSet', () => {
  test('is governed by this library\'s HeadlessService: serviceName is its name, and the app holds no other Service for it', () => {
    const { chart } = newChart({ namespace: 'data' });
    const sts = db(chart, 'Db', { headlessService: { publishNotReadyAddresses: true } });
    expect(sts.headlessService).toBeInstanceOf(HeadlessService);
    const manifests = synth(chart);
    const out = find(manifests, 'StatefulSet');
    const services = manifests.filter(m => m.kind === 'Service');
    expect(services.map(s => s.metadata.name)).toEqual(['db']);
    expect(out.spec.serviceName).toBe('db');
    expect(out.spec.selector).toEqual({ matchLabels: Identity.of('postgres').labels });
    expect(out.spec.template.metadata.labels).toEqual(Identity.of('postgres').labels);
    expect(services[0].spec).toEqual({
      type: 'ClusterIP',
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: Identity.of('postgres').labels,
      ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres', protocol: 'TCP' }],
    });
    expect(new ManifestChecker().check(manifests).filter(f => f.severity === 'error' || f.rule === 'statefulset-service')).toEqual([]);
  });

  test('the views the checker reads of the StatefulSet and its Service equal what they render', () => {
    const { chart } = newChart({ namespace: 'data' });
    const sts = db(chart, 'Db', { labels: { tier: 'data' }, podMetadata: { annotations: { backup: 'daily' } } });
    for (const construct of [sts, sts.headlessService]) {
      const { own, rendered } = views(construct);
      expect(own).toEqual(rendered);
    }
    expect(views(sts).own.serviceName).toBe('db');
  });

  test('each pod has a stable DNS name, from the governing Service', () => {
    const { chart } = newChart({ namespace: 'data' });
    const sts = db(chart);
    expect(sts.podDnsName(0)).toBe('db-0.db.data.svc.cluster.local');
    expect(sts.podDnsName(2, { clusterDomain: 'corp.internal' })).toBe('db-2.db.data.svc.corp.internal');
    expect(sts.headlessService.dnsName()).toBe('db.data.svc.cluster.local');
    expect(() => sts.podDnsName(-1)).toThrow('[test/Db] podDnsName() ordinal: Invalid value: -1: must be a whole number from 0');
  });

  test('the governing Service can be named, and clients get a ClusterIP Service of their own', () => {
    const { chart } = newChart();
    const sts = db(chart, 'Db', { headlessService: { metadata: { name: 'postgres-peers' } } });
    const client = sts.exposeViaClusterIP();
    const manifests = synth(chart);
    expect(find(manifests, 'StatefulSet').spec.serviceName).toBe('postgres-peers');
    expect(client.name).toBe('db-client');
    expect(find(manifests, 'Service', 'db-client').spec.selector).toEqual(Identity.of('postgres').labels);
  });

  test('selectors and pod labels do not change when constructs are renamed', () => {
    const render = (id: string) => {
      const { chart } = newChart();
      db(chart, id, { metadata: { name: 'db' } });
      const m = find(synth(chart), 'StatefulSet');
      return [m.spec.selector, m.spec.template.metadata.labels];
    };
    expect(render('Db')).toEqual(render('PostgresPrimary'));
  });

  test('is a backend everywhere a Deployment is', () => {
    const { chart } = newChart();
    const sts = db(chart);
    new ClusterIPService(chart, 'Reads', { backend: Backend.fromWorkload(sts), ports: [{ port: 5432, targetPort: sts.containers[0].ports[0] as ContainerPort }] });
    expect(find(synth(chart), 'Service', 'reads').spec.selector).toEqual(Identity.of('postgres').labels);
  });

  test('fails at once when a cdk8s-plus Service is passed: the StatefulSet creates its governing Service', () => {
    const { chart } = newChart();
    const service = new kplus.Service(chart, 'Other', { ports: [{ port: 5432 }] });
    expect(() => db(chart, 'Db', { service })).toThrow(
      "[test/Db] service: Forbidden: the StatefulSet creates its governing HeadlessService, which selects its pods by identity; leave service out, and set the Service's options with headlessService");
  });

  test('the governing Service keeps selecting the pods when labels are added to them', () => {
    const app = Testing.app();
    AppValidation.configure(app, { printWarnings: false });
    const chart = new Chart(app, 'test');
    const sts = db(chart);
    sts.podMetadata.addLabel('role', 'primary');
    // the governing Service selects by the identity, which the pods keep: no warning
    expect(AppValidation.findings(app).filter(f => f.rule === 'statefulset-service')).toEqual([]);
    expect(validationErrors(chart)).toEqual([]);
  });
});
