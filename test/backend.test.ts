import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Backend, ClusterIPService, ContainerPort, Deployment, Identity } from '../src';
import { find, newChart, synth, validationErrors } from './util';

const IMAGE = 'registry.example.com/app:1';
const http = () => ContainerPort.tcp(8080, { name: 'http' });

describe('Backend', () => {
  test.each([
    ['Deployment', (c: any) => new kplus.Deployment(c, 'W', { containers: [{ image: IMAGE, ports: [http()] }] })],
    ['StatefulSet', (c: any) => new kplus.StatefulSet(c, 'W', { containers: [{ image: IMAGE, ports: [http()] }] })],
    ['DaemonSet', (c: any) => new kplus.DaemonSet(c, 'W', { containers: [{ image: IMAGE, ports: [http()] }] })],
  ])('selects what a cdk8s-plus-27 %s selects', (kind, build) => {
    const { chart } = newChart();
    const workload = build(chart);
    new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(workload), ports: [{ port: 80, targetPort: http() }] });
    const manifests = synth(chart);
    const svc = find(manifests, 'Service', 'svc');
    expect(svc.spec.selector).toEqual(find(manifests, kind).spec.selector.matchLabels);
    expect(Object.keys(svc.spec.selector).length).toBeGreaterThan(0);
  });

  test('selects a cdk8s-plus-27 Pod by its labels', () => {
    const { chart } = newChart();
    const pod = new kplus.Pod(chart, 'Pod', { metadata: { labels: { role: 'debug' } }, containers: [{ image: IMAGE, ports: [http()] }] });
    new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(pod), ports: [{ port: 80, targetPort: http() }] });
    const manifests = synth(chart);
    expect(find(manifests, 'Service').spec.selector).toEqual(find(manifests, 'Pod').metadata.labels);
  });

  test('labels a workload selects later (select()) still reach the Service', () => {
    const { chart } = newChart();
    const w = new kplus.Deployment(chart, 'W', { select: false, containers: [{ image: IMAGE, ports: [http()] }] });
    new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(w), ports: [{ port: 80, targetPort: http() }] });
    w.select(kplus.LabelSelector.of({ labels: { app: 'late' } }));
    w.podMetadata.addLabel('app', 'late');
    expect(find(synth(chart), 'Service').spec.selector).toEqual({ app: 'late' });
  });

  test('several workloads sharing an identity: the Service selects the identity, each Deployment its own track', () => {
    const { chart } = newChart();
    const api = Identity.of('api');
    const stable = new Deployment(chart, 'Stable', { identity: api.withLabels({ track: 'stable' }), containers: [{ image: IMAGE, ports: [http()] }] });
    const canary = new Deployment(chart, 'Canary', { identity: api.withLabels({ track: 'canary' }), containers: [{ image: IMAGE, ports: [http()] }] });
    new ClusterIPService(chart, 'Api', { backend: Backend.fromWorkloads([stable, canary]), ports: [{ port: 80, targetPort: http() }] });
    const manifests = synth(chart);
    expect(find(manifests, 'Service').spec.selector).toEqual(api.labels);
    expect(find(manifests, 'Deployment', 'stable').spec.selector.matchLabels).toEqual({ ...api.labels, track: 'stable' });
    expect(find(manifests, 'Deployment', 'canary').spec.selector.matchLabels).toEqual({ ...api.labels, track: 'canary' });
  });

  test('without ports, a port that both workloads declare is exposed once', () => {
    const { chart } = newChart();
    const api = Identity.of('api');
    const stable = new Deployment(chart, 'Stable', { identity: api.withLabels({ track: 'stable' }), containers: [{ image: IMAGE, ports: [http()] }] });
    const canary = new Deployment(chart, 'Canary', { identity: api.withLabels({ track: 'canary' }), containers: [{ image: IMAGE, ports: [http()] }] });
    new ClusterIPService(chart, 'Api', { backend: Backend.fromWorkloads([stable, canary]) });
    expect(find(synth(chart), 'Service').spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
  });

  test('fails when the labels the workloads share also select a workload that was not named', () => {
    const { chart } = newChart();
    const api = Identity.of('api');
    const stable = new Deployment(chart, 'Stable', { identity: api.withLabels({ track: 'stable' }), containers: [{ image: IMAGE, ports: [http()] }] });
    const canary = new Deployment(chart, 'Canary', { identity: api.withLabels({ track: 'canary' }), containers: [{ image: IMAGE, ports: [http()] }] });
    new Deployment(chart, 'Shadow', { identity: api.withLabels({ track: 'shadow' }), containers: [{ image: IMAGE, ports: [http()] }] });
    new ClusterIPService(chart, 'Api', { backend: Backend.fromWorkloads([stable, canary]), ports: [{ port: 80, targetPort: http() }] });
    expect(validationErrors(chart)).toEqual([
      '[test/Api] spec.selector: the labels {"app.kubernetes.io/name":"api","app.kubernetes.io/instance":"api"} that the backends share also select the pods of test/Shadow, which is not a backend; add it to Backend.fromWorkloads, or give it another identity [service-backend]',
    ]);
  });

  test('externalPods selects by labels and marks the Service, so no in-app pods are required', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Legacy', { backend: Backend.externalPods({ app: 'legacy' }), ports: [{ port: 80, targetPort: ContainerPort.tcp(8080) }] });
    const svc = find(synth(chart), 'Service');
    expect(svc.spec.selector).toEqual({ app: 'legacy' });
    expect(svc.metadata.annotations).toEqual({ 'cdk8s-services.io/backend': 'external' });
  });

  test('fails at once when externalPods has no label, or a label that is not one', () => {
    expect(() => Backend.externalPods({})).toThrow(
      "Backend.externalPods() labels: Required value: an empty selector would leave the Service without endpoints; name the labels of the pods to select, such as { app: 'legacy' }");
    expect(() => Backend.externalPods({ app: 'legacy app' })).toThrow(/^Backend\.externalPods\(\) labels\[app\]: Invalid value: "legacy app": a valid label must be/);
  });

  test('fails at once when fromWorkloads gets no workload', () => {
    expect(() => Backend.fromWorkloads([])).toThrow(
      'Backend.fromWorkloads() workloads: Required value: a Service needs at least one backend workload to select pods from; pass the workloads, or use Backend.externalPods(labels) for pods defined outside this app');
  });

  test('fails when the backend is in another namespace', () => {
    const { app, chart } = newChart({ namespace: 'shop' });
    const other = new Chart(app, 'other', { namespace: 'billing' });
    const d = new Deployment(other, 'Billing', { identity: Identity.of('billing'), containers: [{ image: IMAGE, ports: [http()] }] });
    new ClusterIPService(chart, 'Billing', { backend: Backend.fromWorkload(d), ports: [{ port: 80, targetPort: http() }] });
    const errors = validationErrors(chart);
    expect(errors).toContain("[test/Billing] spec.selector: backend other/Billing is in namespace 'billing' but the Service is in 'shop'; a Service only selects pods in its own namespace: put both in one namespace [service-backend]");
  });

  test('fails when workloads share no selector label', () => {
    const { chart } = newChart();
    const a = new Deployment(chart, 'A', { identity: Identity.of('a'), containers: [{ image: IMAGE, ports: [http()] }] });
    const b = new Deployment(chart, 'B', { identity: Identity.of('b'), containers: [{ image: IMAGE, ports: [http()] }] });
    new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkloads([a, b]), ports: [{ port: 80, targetPort: http() }] });
    expect(validationErrors(chart)).toContain(
      '[test/Svc] spec.selector: Invalid value: {}: the backends test/A, test/B share no selector label, so the Service would select nothing; give them one identity (Identity.of(...), narrowed per workload with withLabels) [service-backend]');
  });

  test('fails when the workload selects with matchExpressions, instead of dropping them', () => {
    const { chart } = newChart();
    const w = new kplus.Deployment(chart, 'W', { containers: [{ image: IMAGE, ports: [http()] }] });
    w.select(kplus.LabelSelector.of({ expressions: [kplus.LabelExpression.in('tier', ['web'])] }));
    new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(w), ports: [{ port: 80, targetPort: http() }] });
    expect(validationErrors(chart)).toContainEqual(expect.stringContaining(
      '[test/Svc] spec.selector: backend test/W selects its pods with matchExpressions, which a Service selector (a plain label map) cannot express'));
  });
});
