import { App, Chart, Testing } from 'cdk8s';
import { DataChart, DocsExampleChart, ImageProcessingChart, NetworkChart, buildExampleApp } from '../examples/app';
import { AppValidation, ManifestChecker } from '../src';
import { expectSchemaValid, find, validationErrors } from './util';

function exampleApp(): App {
  const app = buildExampleApp(Testing.app().outdir);
  AppValidation.configure(app, { printWarnings: false });
  return app;
}

function chartOf(app: App, id: string): any[] {
  return Testing.synth(app.node.findChild(id) as Chart);
}

describe('example app', () => {
  const app = exampleApp();

  test('synthesizes with no error and no warning', () => {
    expect(validationErrors(app)).toEqual([]);
    expect(AppValidation.findings(app)).toEqual([]);
  });

  test('every object passes the Kubernetes OpenAPI schema and the checker', () => {
    const all = app.charts.flatMap(c => Testing.synth(c));
    expect(all.length).toBeGreaterThan(15);
    for (const m of all) expectSchemaValid(m);
    expect(new ManifestChecker().check(all)).toEqual([]);
  });

  test('every Service selects pods of the app on ports those pods expose', () => {
    for (const chart of app.charts) {
      const manifests = Testing.synth(chart);
      const templates = manifests.filter(m => m.spec?.template).map(m => m.spec.template);
      for (const svc of manifests.filter(m => m.kind === 'Service' && m.spec.type !== 'ExternalName')) {
        if (!svc.spec.selector) {
          // no selector: its endpoints are EndpointSlices of the app, with one port per Service port
          const slices = manifests.filter(m => m.kind === 'EndpointSlice' && m.metadata.labels['kubernetes.io/service-name'] === svc.metadata.name);
          expect(slices.length).toBeGreaterThan(0);
          for (const slice of slices) expect(slice.ports.map((p: any) => p.name)).toEqual(svc.spec.ports.map((p: any) => p.name));
          continue;
        }
        const selected = templates.filter(t => Object.entries(svc.spec.selector).every(([k, v]) => t.metadata.labels[k] === v));
        expect({ service: svc.metadata.name, selected: selected.length > 0 }).toEqual({ service: svc.metadata.name, selected: true });
        for (const port of svc.spec.ports ?? []) {
          for (const t of selected) {
            const declared = t.spec.containers.flatMap((c: any) => c.ports ?? []);
            const match = typeof port.targetPort === 'string'
              ? declared.find((p: any) => p.name === port.targetPort)
              : declared.find((p: any) => p.containerPort === port.targetPort);
            expect({ service: svc.metadata.name, port: port.targetPort, protocol: match?.protocol })
              .toEqual({ service: svc.metadata.name, port: port.targetPort, protocol: port.protocol });
          }
        }
      }
    }
  });

  test('docs-example: my-service selects app: MyApp, TCP 80 -> 9376', () => {
    const manifests = chartOf(app, 'docs-example');
    expect(find(manifests, 'Service', 'my-service').spec).toEqual({
      type: 'ClusterIP', selector: { app: 'MyApp' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 9376 }],
    });
    expect(find(manifests, 'Deployment').spec.template.spec.containers[0].ports).toEqual([{ containerPort: 9376, protocol: 'TCP' }]);
    expect(manifests).toMatchSnapshot();
  });

  test('image-processing: 3 replicas behind ClusterIP, the frontend finding it by name, a LoadBalancer, a NodePort, a v1 -> v2 rollout', () => {
    const manifests = chartOf(app, 'image-processing');
    const backend = find(manifests, 'Deployment', 'image-processor');
    expect(backend.spec.replicas).toBe(3);
    expect(backend.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'image-processor', 'app.kubernetes.io/instance': 'image-processor' });
    expect(backend.spec.template.metadata.labels['app.kubernetes.io/version']).toBe('2.4.1');
    const images = find(manifests, 'Service', 'image-processor');
    expect(images.spec).toMatchObject({ type: 'ClusterIP', selector: backend.spec.selector.matchLabels, ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] });
    const frontend = find(manifests, 'Service', 'frontend');
    expect(frontend.spec).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerSourceRanges: ['203.0.113.0/24', '198.51.100.0/24'] });
    expect(frontend.metadata.annotations).toEqual({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' });
    const admin = find(manifests, 'Service', 'image-admin');
    expect(admin.spec).toMatchObject({ type: 'NodePort', ports: [{ nodePort: 30081, targetPort: 'admin' }], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 3600 } } });
    expect(find(manifests, 'Deployment', 'frontend').spec.template.spec.containers[0].env).toEqual([
      { name: 'IMAGE_PROCESSOR_URL', value: 'http://image-processor.images.svc.cluster.local:80' },
    ]);
    // the rollout: v2 moved its port, both versions behind one Service that targets the name
    expect(find(manifests, 'Service', 'image-resizer').spec).toEqual({
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': 'image-resizer', 'app.kubernetes.io/instance': 'image-resizer' },
      ports: [{ name: 'resize', port: 80, targetPort: 'resize', protocol: 'TCP' }],
    });
    expect(find(manifests, 'Deployment', 'resizer-v1').spec.template.spec.containers[0].ports).toEqual([{ name: 'resize', containerPort: 8080, protocol: 'TCP' }]);
    expect(find(manifests, 'Deployment', 'resizer-v2').spec.template.spec.containers[0].ports).toEqual([{ name: 'resize', containerPort: 9090, protocol: 'TCP' }]);
    for (const m of manifests) expect(m.metadata.namespace).toBe('images');
    expect(manifests).toMatchSnapshot();
  });

  test('data: a headless Service, a StatefulSet governed by its headless Service, a cdk8s-plus cache, an ExternalName, a Service without a selector', () => {
    const manifests = chartOf(app, 'data');
    expect(find(manifests, 'Service', 'thumbnail-workers').spec).toMatchObject({ clusterIP: 'None', ports: [{ port: 50051, targetPort: 'grpc', appProtocol: 'kubernetes.io/h2c' }] });
    const sts = find(manifests, 'StatefulSet');
    expect(sts.spec.serviceName).toBe('orders-postgres');
    expect(find(manifests, 'Service', 'orders-postgres').spec).toEqual({
      type: 'ClusterIP',
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: sts.spec.selector.matchLabels,
      ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres', protocol: 'TCP' }],
    });
    expect(find(manifests, 'Service', 'orders-postgres-read').spec.selector).toEqual(sts.spec.selector.matchLabels);
    // no Service of cdk8s-plus's own: every Service is one the chart declares
    expect(manifests.filter(m => m.kind === 'Service').map(m => m.metadata.name).sort()).toEqual(
      ['cache', 'legacy-billing', 'orders-db', 'orders-postgres', 'orders-postgres-read', 'thumbnail-workers']);
    expect(find(manifests, 'Deployment', 'cache').spec.template.spec.containers[0].env).toEqual([
      { name: 'PRIMARY_DB', value: 'orders-0.orders-postgres.data.svc.cluster.local' },
    ]);
    const cache = find(manifests, 'Service', 'cache');
    expect(cache.spec.selector).toEqual(find(manifests, 'Deployment', 'cache').spec.selector.matchLabels);
    expect(find(manifests, 'Service', 'legacy-billing').spec).toEqual({ type: 'ClusterIP', ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] });
    expect(find(manifests, 'EndpointSlice', 'legacy-billing-ipv4-1')).toMatchObject({
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.20.0.15'] }, { addresses: ['10.20.0.16'], conditions: { ready: false } }],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    });
    expect(find(manifests, 'Service', 'orders-db').spec).toEqual({ type: 'ExternalName', externalName: 'orders.cluster-abc123.eu-west-1.rds.amazonaws.com' });
    expect(manifests).toMatchSnapshot();
  });

  test('network: a multi-port Service with a UDP port, and stable + canary behind one Service', () => {
    const manifests = chartOf(app, 'network');
    expect(find(manifests, 'Service', 'resolver').spec.ports).toEqual([
      { name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, targetPort: 'dns-tcp', protocol: 'TCP' },
      { name: 'metrics', port: 9153, targetPort: 'metrics', protocol: 'TCP' },
    ]);
    const api = find(manifests, 'Service', 'orders-api');
    expect(api.spec.selector).toEqual({ 'app.kubernetes.io/name': 'orders-api', 'app.kubernetes.io/instance': 'orders-api' });
    expect(find(manifests, 'Deployment', 'orders-api-stable').spec.selector.matchLabels.track).toBe('stable');
    expect(find(manifests, 'Deployment', 'orders-api-canary').spec.selector.matchLabels.track).toBe('canary');
    expect(manifests).toMatchSnapshot();
  });

  test('network: an Ingress backend by port name, a default-deny namespace, the resolver open on the container ports behind UDP and TCP 53', () => {
    const manifests = chartOf(app, 'network');
    expect(find(manifests, 'Ingress', 'api').spec.rules[0].http.paths).toEqual([
      { path: '/orders', pathType: 'Prefix', backend: { service: { name: 'orders-api', port: { name: 'http' } } } },
    ]);
    expect(find(manifests, 'NetworkPolicy', 'default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    const resolver = find(manifests, 'NetworkPolicy', 'resolver-from-ns-images').spec;
    // Service ports 53/UDP and 53/TCP target the container ports dns and dns-tcp (5353): the policy allows those
    expect(resolver.ingress[0].ports).toEqual([{ port: 'dns', protocol: 'UDP' }, { port: 'dns-tcp', protocol: 'TCP' }]);
    expect(resolver.podSelector.matchLabels).toEqual(find(manifests, 'Service', 'resolver').spec.selector);
    expect(find(manifests, 'NetworkPolicy', 'orders-api-from-ns-ingress-nginx').spec.ingress[0]).toEqual({
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
      ports: [{ port: 'http', protocol: 'TCP' }],
    });
  });

  test('image-processing: only the frontend reaches the image processor, on its named container port', () => {
    const manifests = chartOf(app, 'image-processing');
    const policy = find(manifests, 'NetworkPolicy', 'image-processor-from-frontend').spec;
    expect(policy.podSelector.matchLabels).toEqual(find(manifests, 'Service', 'image-processor').spec.selector);
    expect(policy.ingress).toEqual([{
      from: [{ podSelector: { matchLabels: find(manifests, 'Deployment', 'frontend').spec.selector.matchLabels } }],
      ports: [{ port: 'http', protocol: 'TCP' }],
    }]);
    expect(manifests.filter(m => m.kind === 'NetworkPolicy')).toHaveLength(1);
  });

  test('synthesizing twice gives identical bytes', () => {
    const a = exampleApp().synthYaml();
    const b = exampleApp().synthYaml();
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(1000);
  });

  test('renaming or moving the charts leaves every selector byte-identical', () => {
    const selectors = (charts: Chart[]) => charts.flatMap(c => Testing.synth(c))
      .map(m => JSON.stringify([m.kind, m.metadata.name, m.spec?.selector, m.spec?.template?.metadata?.labels, m.spec?.podSelector,
        m.spec?.ingress]));
    const original = selectors(exampleApp().charts);
    const moved = new App({ outdir: Testing.app().outdir });
    const wrapper = new Chart(moved, 'wrapper');
    const charts = [
      new DocsExampleChart(wrapper, 'docs-renamed'),
      new ImageProcessingChart(wrapper, 'images-renamed', { namespace: 'images' }),
      new DataChart(wrapper, 'data-renamed', { namespace: 'data' }),
      new NetworkChart(wrapper, 'network-renamed', { namespace: 'network' }),
    ];
    const renamed = selectors(charts);
    // cdk8s-plus names and selects its own StatefulSet's objects by construct path; everything of ours is stable
    const ours = (rows: string[]) => rows.filter(r => !r.includes('cdk8s.io/metadata.addr') && !/-c8[0-9a-f]{6}/.test(r));
    expect(ours(renamed)).toEqual(ours(original));
    expect(ours(original).length).toBeGreaterThan(15);
  });
});
