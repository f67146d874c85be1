import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AppValidation, Backend, ClusterIPService, ContainerPort, Deployment, ExternalNameService, Identity, ManifestChecker, NodePortService,
  RuleScope,
} from '../src';
import { newChart, validationErrors } from './util';

describe('AppValidation', () => {
  test('cdk8s synth fails with every problem at once, each with path, field, value and rule', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'prod');
    const http = ContainerPort.tcp(8080, { name: 'http' });
    const d = new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: 'registry.example.com/web:1', ports: [http] }] });
    new NodePortService(chart, 'Admin', { backend: Backend.fromWorkload(d), ports: [{ port: 80, targetPort: http, nodePort: 8080 }] });
    new ExternalNameService(chart, 'Db', { externalName: 'Not A Host' });
    expect(() => app.synth()).toThrow([
      'Validation failed with the following errors:',
      '  [prod/Admin] spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767 [service-node-port]',
      '  [prod/Db] spec.externalName: Invalid value: "Not A Host": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\') [service-external-name]',
    ].join('\n'));
  });

  test('objects of other libraries are checked too, and reported on their own construct', () => {
    const { chart } = newChart();
    const w = new kplus.Deployment(chart, 'Legacy', {
      containers: [{ image: 'registry.example.com/legacy:1', ports: [{ number: 8080, name: 'way-too-long-port-name' }] }],
    });
    new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(w), ports: [{ port: 80, targetPort: ContainerPort.tcp(8080) }] });
    expect(validationErrors(chart)).toEqual([
      '[test/Legacy] spec.template.spec.containers[0].ports[0].name: Invalid value: "way-too-long-port-name": must be no more than 15 characters [container-port-name]',
    ]);
  });

  test('duplicate object names are reported with the fix', () => {
    const { app } = newChart();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    for (const chart of [a, b]) {
      new ExternalNameService(chart, 'Db', { externalName: 'db.example.com' });
    }
    expect(validationErrors(app)).toEqual([
      '[b/Db] metadata.name: Duplicate value: "db": an earlier Service is also named "db" in namespace "default"; give one of them another metadata.name [object-duplicate]',
    ]);
  });

  test('skipRules silences a rule', () => {
    const { app, chart } = newChart();
    AppValidation.configure(app, { skipRules: ['service-node-port'], printWarnings: false });
    const d = new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: 'registry.example.com/web:1', portNumber: 80 }] });
    new NodePortService(chart, 'Admin', { backend: Backend.fromWorkload(d), ports: [{ port: 80, nodePort: 80 }] });
    expect(validationErrors(chart)).toEqual([]);
  });

  test('construct-level findings are findings too: listed by findings(), and skipped by skipRules', () => {
    const { app, chart } = newChart({ namespace: 'shop' });
    const other = new Chart(app, 'other', { namespace: 'billing' });
    const d = new Deployment(other, 'Billing', { identity: Identity.of('billing'), containers: [{ image: 'registry.example.com/b:1', portNumber: 80 }] });
    new ClusterIPService(chart, 'Billing', { backend: Backend.fromWorkload(d), ports: [{ port: 80 }] });
    expect(AppValidation.findings(app)).toContainEqual(expect.objectContaining({
      severity: 'error', rule: 'service-backend', path: 'test/Billing', kind: 'Service', name: 'billing', namespace: 'shop', field: 'spec.selector',
    }));
    AppValidation.configure(app, { skipRules: ['service-backend', 'service-selects-nothing'], printWarnings: false });
    expect(AppValidation.findings(app).filter(f => f.severity === 'error')).toEqual([]);
    expect(validationErrors(app)).toEqual([]);
  });

  test('fails when skipRules names an unknown rule', () => {
    expect(() => AppValidation.configure(new App(), { skipRules: ['no-such-rule'] })).toThrow(/^unknown rule 'no-such-rule' in skipRules; known rules are object-decode, object-unknown-field, object-api-version, object-name, /);
  });

  test('validation reflects changes made after a first synth', () => {
    const { chart } = newChart();
    const d = new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: 'registry.example.com/web:1', portNumber: 80 }] });
    const svc = new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(d), ports: [{ port: 80 }] });
    expect(validationErrors(chart)).toEqual([]);
    svc.addPort({ port: 70000, name: 'bad' });
    expect(validationErrors(chart)).toContainEqual(expect.stringContaining('spec.ports[1].port: Invalid value: 70000'));
  });
});

describe('charts synthesized on their own', () => {
  function twoCharts() {
    const app = Testing.app();
    AppValidation.configure(app, { printWarnings: false });
    const good = new Chart(app, 'good');
    const broken = new Chart(app, 'broken');
    const http = ContainerPort.tcp(8080, { name: 'http' });
    const web = new Deployment(good, 'Web', { identity: Identity.of('web'), containers: [{ image: 'registry.example.com/web:1', ports: [http] }] });
    new ClusterIPService(good, 'WebService', { backend: Backend.fromWorkload(web), ports: [{ port: 80, targetPort: http }] });
    const admin = new Deployment(broken, 'Admin', { identity: Identity.of('admin'), containers: [{ image: 'registry.example.com/admin:1', ports: [http] }] });
    new NodePortService(broken, 'AdminService', { backend: Backend.fromWorkload(admin), ports: [{ port: 80, targetPort: http, nodePort: 80 }] });
    // a chart with only cdk8s-plus objects, one of them invalid
    const plain = new Chart(app, 'plain');
    new kplus.Deployment(plain, 'Legacy', { containers: [{ image: 'registry.example.com/legacy:1', ports: [{ number: 70000 }] }] });
    return { app, good, broken, plain };
  }
  const NODE_PORT_ERROR = '[broken/AdminService] spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767 [service-node-port]';
  const PORT_ERROR = '[plain/Legacy] spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive [container-port-number]';

  test('Testing.synth(good) passes though another chart of the app is broken', () => {
    const { good } = twoCharts();
    const manifests = Testing.synth(good);
    expect(manifests.map(m => `${m.kind}/${m.metadata.name}`)).toEqual(['Deployment/web', 'Service/web-service']);
  });

  test('Testing.synth(broken) and app.synth() fail with the broken charts\' findings', () => {
    const { app, broken, plain } = twoCharts();
    expect(() => Testing.synth(broken)).toThrow(`Validation failed with the following errors:\n  ${NODE_PORT_ERROR}`);
    expect(() => Testing.synth(plain)).toThrow(`Validation failed with the following errors:\n  ${PORT_ERROR}`);
    expect(() => app.synth()).toThrow(`Validation failed with the following errors:\n  ${NODE_PORT_ERROR}\n  ${PORT_ERROR}`);
  });

  test('the wiring is still checked across the whole app', () => {
    const app = Testing.app();
    AppValidation.configure(app, { printWarnings: false });
    const workloads = new Chart(app, 'workloads');
    const services = new Chart(app, 'services');
    const http = ContainerPort.tcp(8080, { name: 'http' });
    const web = new Deployment(workloads, 'Web', { identity: Identity.of('web'), containers: [{ image: 'registry.example.com/web:1', ports: [http] }] });
    new ClusterIPService(services, 'Web', { backend: Backend.fromWorkload(web), ports: [{ port: 80, targetPort: http }] });
    expect(Testing.synth(services)).toHaveLength(1);
    web.podMetadata.addLabel('app.kubernetes.io/name', 'changed');
    expect(() => Testing.synth(services)).toThrow('[services/Web] spec.selector: selector {"app.kubernetes.io/name":"web","app.kubernetes.io/instance":"web"} matches no pod template');
  });

  test('warnings go through console.warn, each when its chart is synthesized', () => {
    const app = Testing.app();
    const a = new Chart(app, 'a', { namespace: 'a' });
    const b = new Chart(app, 'b', { namespace: 'b' });
    for (const chart of [a, b]) {
      const d = new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: 'registry.example.com/web:1', portNumber: 80 }] });
      d.exposeViaLoadBalancer();
    }
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      Testing.synth(a);
      expect(spy.mock.calls.map(c => String(c[0]))).toEqual([expect.stringMatching(/^Warning: \[a\/Web\/LoadBalancerService\] spec\.loadBalancerSourceRanges: .* \[service-open-load-balancer\]$/)]);
      Testing.synth(a);
      Testing.synth(b);
      expect(spy.mock.calls.map(c => String(c[0]).slice(0, 40))).toEqual(['Warning: [a/Web/LoadBalancerService] spe', 'Warning: [b/Web/LoadBalancerService] spe']);
    } finally {
      spy.mockRestore();
    }
  });

  test('enabled: false leaves synth unchecked, and findings() still checks on request', () => {
    const { app, broken } = twoCharts();
    AppValidation.configure(app, { enabled: false });
    expect(() => app.synth()).not.toThrow();
    expect(Testing.synth(broken)).toHaveLength(2);
    expect(AppValidation.findings(app).map(f => f.rule)).toEqual(['service-node-port', 'container-port-number']);
  });
});

describe('AppValidation.rules', () => {
  test('lists the manifest rules, then those on construct references', () => {
    const scopes = AppValidation.rules.map(r => r.scope);
    expect(scopes.indexOf(RuleScope.CONSTRUCT)).toBeGreaterThan(scopes.lastIndexOf(RuleScope.MANIFEST));
    expect(AppValidation.rules.filter(r => r.scope === RuleScope.CONSTRUCT).map(r => r.id)).toEqual(['service-backend', 'service-port-backend', 'service-discovery-port']);
  });

  test('skipRules takes construct rules at synth, while ManifestChecker refuses them', () => {
    expect(() => AppValidation.configure(Testing.app(), { skipRules: ['service-port-backend'] })).not.toThrow();
    expect(() => new ManifestChecker({ skipRules: ['service-port-backend'] })).toThrow(/unknown rule 'service-port-backend' in skipRules/);
  });
});
