import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ClusterIPService, ContainerPort, Deployment, Identity, LoadBalancerService, NodePortService, Service } from '../src';
import { find, newChart, synth, validationErrors, views } from './util';

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
    })).toThrow("[test/Web] labels[app.kubernetes.io/name]: Invalid value: \"other\": conflicts with the identity label 'app.kubernetes.io/name: web', which the selector matches; drop it from labels, or change the identity");
  });

  test('fails when select is given: the identity is the selector', () => {
    const { chart } = newChart();
    expect(() => new Deployment(chart, 'Web', { identity: Identity.of('web'), select: true, containers: [{ image: IMAGE }] }))
      .toThrow('[test/Web] select: Forbidden: true is not supported: the selector is the identity {"app.kubernetes.io/name":"web","app.kubernetes.io/instance":"web"}; leave select out, and narrow the identity with Identity.withLabels()');
  });

  test('fails at synth when a label added later is invalid, with path, field and rule', () => {
    const { chart } = newChart();
    const d = new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: IMAGE }] });
    d.metadata.addLabel('tier', 'front end');
    expect(validationErrors(chart)).toEqual([
      expect.stringMatching(/^\[test\/Web\] metadata\.labels: Invalid value: "front end": a valid label must be an empty string .* \[object-labels\]$/),
    ]);
  });

  describe('the view the checker reads equals what the Deployment renders', () => {

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
      const { own, rendered } = views(d);
      expect(own).toEqual(rendered);
      expect(own.template.spec.initContainers[0].ports).toEqual([{ name: 'dns', containerPort: 53, protocol: 'UDP' }]);
    });

    test('is not used once a JSON patch may change the output', () => {
      const { chart } = newChart();
      const d = new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: IMAGE }] });
      expect(views(d).own).toBeDefined();
      ApiObject.of(d).addJsonPatch(JsonPatch.add('/spec/template/metadata/labels/app', 'other'));
      expect(views(d).own).toBeUndefined();
      // and the checker then sees the patched labels: the selector no longer matches them
      expect(validationErrors(chart)).toEqual([]);
      ApiObject.of(d).addJsonPatch(JsonPatch.replace('/spec/template/metadata/labels/app.kubernetes.io~1name', 'other'));
      expect(validationErrors(chart)).toContainEqual(expect.stringContaining('`selector` does not match template `labels` [workload-selector]'));
    });
  });

  describe('the exposeVia methods inherited from cdk8s-plus-27', () => {
    const build = () => {
      const { chart } = newChart();
      const http = ContainerPort.tcp(8080, { name: 'http' });
      const d = new Deployment(chart, 'Web', {
        identity: Identity.of('web'),
        containers: [{ image: IMAGE, ports: [http, ContainerPort.udp(5353, { name: 'dns' })] }],
      });
      return { chart, d };
    };

    test('exposeViaService() gives this library\'s Service: identity selector, named targetPort, stable name', () => {
      const { chart, d } = build();
      const svc = d.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
      expect(svc).toBeInstanceOf(ClusterIPService);
      expect(svc).toBeInstanceOf(Service);
      const out = find(synth(chart), 'Service');
      expect(out.metadata).toEqual({ name: 'web' });
      expect(out.spec).toEqual({
        type: 'ClusterIP',
        selector: Identity.of('web').labels,
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      });
    });

    test('exposeViaService() without ports exposes every container port by name; serviceType picks the Service class', () => {
      const { chart, d } = build();
      const svc = d.exposeViaService({ serviceType: kplus.ServiceType.NODE_PORT, name: 'web-nodes' });
      expect(svc).toBeInstanceOf(NodePortService);
      const out = find(synth(chart), 'Service', 'web-nodes');
      expect(out.spec.ports).toEqual([
        { name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' },
        { name: 'dns', port: 5353, targetPort: 'dns', protocol: 'UDP' },
      ]);
      expect(d.exposeViaService({ serviceType: kplus.ServiceType.LOAD_BALANCER, name: 'web-lb' })).toBeInstanceOf(LoadBalancerService);
    });

    test('fails when a numeric targetPort is not a port a container declares, or for an ExternalName Service', () => {
      const { d } = build();
      expect(() => d.exposeViaService({ ports: [{ port: 80, targetPort: 9999 }] })).toThrow(
        "[test/Web] exposeViaService() ports[0].targetPort: Invalid value: 9999: no container of this Deployment declares port 9999/TCP; declare it in the container's ports, then target that ContainerPort with exposeViaClusterIP({ ports: [{ port, targetPort }] })");
      expect(() => d.exposeViaService({ ports: [{ port: 53, targetPort: 5353 }] })).toThrow('no container of this Deployment declares port 5353/TCP');
      expect(() => d.exposeViaService({ serviceType: kplus.ServiceType.EXTERNAL_NAME })).toThrow(
        '[test/Web] exposeViaService() serviceType: Forbidden: ExternalName selects no pods; use new ExternalNameService(scope, id, { externalName }) for a DNS alias');
    });

    test('exposeViaIngress() routes a cdk8s-plus Ingress to this library\'s Service', () => {
      const { chart, d } = build();
      d.exposeViaIngress('/api', { ports: [{ port: 80, targetPort: 8080 }] });
      const manifests = synth(chart);
      expect(find(manifests, 'Service').spec.selector).toEqual(Identity.of('web').labels);
      expect(find(manifests, 'Ingress').spec.rules[0].http.paths[0]).toEqual({
        path: '/api', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } },
      });
    });

    test('the cdk8s-plus selector and port methods of a Service fail and say what to use instead', () => {
      const { chart, d } = build();
      const svc = d.exposeViaClusterIP();
      expect(() => svc.bind(80)).toThrow('[test/Web/ClusterIPService] bind(80): Forbidden: this Service targets container ports by object; use addPort({ port, targetPort: containerPort })');
      expect(() => svc.selectLabel('app', 'x')).toThrow('[test/Web/ClusterIPService] selectLabel(app, x): Forbidden: the selector comes from the backend');
      expect(() => svc.select(new Deployment(chart, 'Other', { identity: Identity.of('other'), containers: [{ image: IMAGE }] }))).toThrow('select(): Forbidden');
      svc.select(d); // the backend's own workload: nothing changes
      expect(svc.ports).toEqual([
        { name: 'http', port: 8080, targetPort: 8080, protocol: 'TCP', nodePort: undefined },
        { name: 'dns', port: 5353, targetPort: 5353, protocol: 'UDP', nodePort: undefined },
      ]);
      expect(svc.port).toBe(8080);
    });
  });
});
