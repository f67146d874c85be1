import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ContainerPort, Deployment, Identity } from '../src';
import { find, newChart, synth, validationErrors } from './util';
import { slimManifest } from '../src/check/pod-template';

const IMAGE = 'registry.example.com/web:1.0.0';

describe('Deployment', () => {
  test('selector, pod labels and object labels come from the identity; other labels never enter the selector', () => {
    const { chart } = newChart();
    new Deployment(chart, 'Web', {
      identity: Identity.of('web'),
      labels: { 'app.kubernetes.io/version': '1.0.0', 'tier': 'frontend' },
      replicas: 3,
      containers: [{ image: IMAGE }],
    });
    const d = find(synth(chart), 'Deployment');
    const identity = { 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/instance': 'web' };
    const all = { ...identity, 'app.kubernetes.io/version': '1.0.0', 'tier': 'frontend' };
    expect(d.metadata.name).toBe('web');
    expect(d.metadata.labels).toEqual(all);
    expect(d.spec.selector).toEqual({ matchLabels: identity });
    expect(d.spec.template.metadata.labels).toEqual(all);
    expect(d.spec.replicas).toBe(3);
  });

  test('pods carry no label derived from the construct path', () => {
    const { chart } = newChart();
    new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: IMAGE }] });
    const d = find(synth(chart), 'Deployment');
    expect(Object.keys(d.spec.template.metadata.labels)).not.toContain(kplus.Pod.ADDRESS_LABEL);
  });

  test('renaming or moving the construct leaves selector and pod labels byte-identical', () => {
    const render = (build: (chart: any) => void) => {
      const { chart } = newChart();
      build(chart);
      const d = find(synth(chart), 'Deployment');
      return JSON.stringify([d.spec.selector, d.spec.template.metadata.labels]);
    };
    const props = { identity: Identity.of('web'), metadata: { name: 'web' }, containers: [{ image: IMAGE }] };
    const a = render(chart => new Deployment(chart, 'Web', props));
    const b = render(chart => new Deployment(chart, 'RenamedWeb', props));
    const c = render(chart => new Deployment(new kplus.Namespace(chart, 'Wrapper'), 'Moved', props));
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  test('podMetadata labels and annotations go on the pods only', () => {
    const { chart } = newChart();
    new Deployment(chart, 'Web', {
      identity: Identity.of('web'),
      podMetadata: { labels: { sidecar: 'injected' }, annotations: { 'prometheus.io/scrape': 'true' } },
      containers: [{ image: IMAGE }],
    });
    const d = find(synth(chart), 'Deployment');
    expect(d.spec.template.metadata.labels.sidecar).toBe('injected');
    expect(d.spec.template.metadata.annotations).toEqual({ 'prometheus.io/scrape': 'true' });
    expect(d.metadata.labels.sidecar).toBeUndefined();
    expect(d.spec.selector.matchLabels.sidecar).toBeUndefined();
  });

  test('keeps the cdk8s-plus container API: ports, env, probes, resources', () => {
    const { chart } = newChart();
    const http = ContainerPort.tcp(8080, { name: 'http' });
    const d = new Deployment(chart, 'Web', {
      identity: Identity.of('web'),
      containers: [{
        image: IMAGE,
        ports: [http],
        envVariables: { MODE: kplus.EnvValue.fromValue('prod') },
        readiness: kplus.Probe.fromHttpGet('/healthz', { port: http.number }),
        resources: { cpu: { request: kplus.Cpu.millis(100) } },
      }],
    });
    d.addContainer({ name: 'sidecar', image: 'registry.example.com/sidecar:1', portNumber: 9000 });
    const container = find(synth(chart), 'Deployment').spec.template.spec.containers[0];
    expect(container.ports).toEqual([{ containerPort: 8080, name: 'http', protocol: 'TCP' }]);
    expect(container.env).toEqual([{ name: 'MODE', value: 'prod' }]);
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/healthz', port: 8080 });
    expect(container.resources.requests.cpu).toBe('100m');
    expect(d.containers).toHaveLength(2);
  });

  test('isolate creates a deny-all NetworkPolicy that selects the identity', () => {
    const { chart } = newChart();
    new Deployment(chart, 'Web', { identity: Identity.of('web'), isolate: true, containers: [{ image: IMAGE }] });
    const policy = find(synth(chart), 'NetworkPolicy');
    expect(policy.spec.podSelector).toEqual({ matchLabels: Identity.of('web').labels });
  });

  test('cdk8s-plus Services and NetworkPolicies select it by identity', () => {
    const { chart } = newChart();
    const d = new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: IMAGE, portNumber: 80 }] });
    d.exposeViaService();
    const svc = find(synth(chart), 'Service');
    expect(svc.spec.selector).toEqual(Identity.of('web').labels);
  });

  test('a namespace is carried to the object', () => {
    const { chart } = newChart({ namespace: 'shop' });
    new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: IMAGE }] });
    expect(find(synth(chart), 'Deployment').metadata.namespace).toBe('shop');
  });

  test('fails when labels contradict the identity', () => {
    const { chart } = newChart();
    expect(() => new Deployment(chart, 'Web', {
      identity: Identity.of('web'),
      labels: { 'app.kubernetes.io/name': 'other' },
      containers: [{ image: IMAGE }],
    })).toThrow("Web: label 'app.kubernetes.io/name: other' conflicts with the identity label 'app.kubernetes.io/name: web'");
  });

  test('fails when select is given: the identity is the selector', () => {
    const { chart } = newChart();
    expect(() => new Deployment(chart, 'Web', { identity: Identity.of('web'), select: true, containers: [{ image: IMAGE }] }))
      .toThrow("Web: 'select: true' is not supported");
  });

  test('fails at synth when an identity label value is invalid, with path, field and rule', () => {
    const { chart } = newChart();
    new Deployment(chart, 'Web', { identity: Identity.fromLabels({ app: 'my app' }), containers: [{ image: IMAGE }] });
    const errors = validationErrors(chart);
    expect(errors).toContainEqual(expect.stringMatching(/^\[test\/Web\] spec\.selector\.matchLabels: Invalid value: "my app": a valid label must be an empty string .* \[workload-selector\]$/));
    expect(errors).toContainEqual(expect.stringMatching(/^\[test\/Web\] metadata\.labels: Invalid value: "my app": .* \[object-labels\]$/));
  });

  describe('the view the checker reads equals what the Deployment renders', () => {
    const strip = (x: any) => JSON.parse(JSON.stringify(x));
    const rendered = (d: Deployment) => strip(slimManifest('Deployment', ApiObject.of(d).toJson()));
    const view = (d: Deployment) => (d as any).checkedView();

    test('with ports, init containers, host ports, selector expressions and later changes', () => {
      const { chart } = newChart({ namespace: 'shop' });
      const d = new Deployment(chart, 'Web', {
        identity: Identity.of('web'),
        labels: { tier: 'front' },
        podMetadata: { annotations: { a: 'b' } },
        containers: [{ image: IMAGE, ports: [ContainerPort.tcp(8080, { name: 'http', hostPort: 80, hostIp: '10.0.0.1' }), { number: 9000 }] }],
        initContainers: [{ image: IMAGE, ports: [ContainerPort.udp(53, { name: 'dns' })] }],
      });
      d.select(kplus.LabelSelector.of({ expressions: [kplus.LabelExpression.exists('tier')] }));
      d.podMetadata.addLabel('tier', 'front');
      d.addContainer({ name: 'sidecar', image: IMAGE, portNumber: 9100 });
      expect(strip(view(d))).toEqual(rendered(d));
    });

    test('is not used once a JSON patch may change the output', () => {
      const { chart } = newChart();
      const d = new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: IMAGE }] });
      expect(view(d)).toBeDefined();
      ApiObject.of(d).addJsonPatch(JsonPatch.add('/spec/template/metadata/labels/app', 'other'));
      expect(view(d)).toBeUndefined();
      // and the checker then sees the patched labels: the selector no longer matches them
      expect(validationErrors(chart)).toEqual([]);
      ApiObject.of(d).addJsonPatch(JsonPatch.replace('/spec/template/metadata/labels/app.kubernetes.io~1name', 'other'));
      expect(validationErrors(chart)).toContainEqual(expect.stringContaining('`selector` does not match template `labels` [workload-selector]'));
    });
  });
});
