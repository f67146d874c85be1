import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildExampleApp } from '../examples/app';
import { AppValidation } from '../src';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'cdk8s-services');
const FIXTURES = path.join('test', 'cli-fixtures');

/** Runs the real command, as `npx cdk8s-services` would (it needs the compiled lib/, built before the tests). */
function run(args: string[], input?: string) {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli.js'))) throw new Error('lib/cli.js is missing: compile first (npx projen compile)');
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = (name: string) => path.join(FIXTURES, name);

describe('cdk8s-services check', () => {
  test('clean input: exit 0 and a summary line', () => {
    const r = run(['check', fixture('clean.yaml')]);
    expect(r).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 2 objects from 1 file\n', stderr: '' });
  });

  test('each kind of finding: one line each with file:document, object, field, message and rule; exit 1', () => {
    const r = run(['check', fixture('broken.yaml')]);
    expect(r.status).toBe(1);
    const f = fixture('broken.yaml');
    expect(r.stdout.split('\n')).toEqual([
      `${f}:0 Deployment/api spec.template.metadata.labels: Invalid value: {"app":"api-v2"}: \`selector\` does not match template \`labels\` [workload-selector]`,
      `${f}:0 Deployment/api spec.template.spec.containers[0].ports[0].name: Invalid value: "http-endpoint-long": must be no more than 15 characters [container-port-name]`,
      `${f}:1 Service/api spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767 [service-node-port]`,
      `${f}:1 Service/api spec.selector: selector {"app":"api"} matches no pod template in namespace "default"; fix the selector or the workload labels, or mark the Service with the annotation cdk8s-services.io/backend: external if its pods are defined elsewhere [service-selects-nothing]`,
      `${f}:2 Service/public spec.loadBalancerSourceRanges: warning: a LoadBalancer Service without loadBalancerSourceRanges accepts traffic from any address; list the client CIDRs, or state 0.0.0.0/0 explicitly if the Service is public [service-open-load-balancer]`,
      `${f}:2 Service/public spec.ports[0].targetPort: warning: targetPort 8443/TCP is not declared as a containerPort by Deployment "api", which this Service selects; declare the port (and name it, to target it by name) [service-target-port-number]`,
      '4 errors, 2 warnings in 3 objects from 1 file',
      '',
    ]);
    expect(r.stderr).toBe('');
  });

  test('warnings never change the exit code', () => {
    const r = run(['check', '--skip', 'workload-selector,container-port-name,service-node-port,service-selects-nothing', fixture('broken.yaml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^0 errors, 2 warnings in 3 objects from 1 file$/m);
  });

  test('--output json: an array of findings with file, document, severity, rule, kind, namespace, name, field, message', () => {
    const r = run(['check', '--output', 'json', fixture('broken.yaml')]);
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout);
    expect(findings).toHaveLength(6);
    expect(findings[2]).toEqual({
      file: fixture('broken.yaml'),
      document: 1,
      severity: 'error',
      rule: 'service-node-port',
      kind: 'Service',
      namespace: '',
      name: 'api',
      field: 'spec.ports[0].nodePort',
      message: 'Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    });
    expect(findings.filter((f: any) => f.severity === 'warning').map((f: any) => f.rule)).toEqual(['service-open-load-balancer', 'service-target-port-number']);
  });

  test('--no-linkage: per-object rules only', () => {
    const r = run(['check', '--no-linkage', '--output=json', fixture('broken.yaml')]);
    const rules = JSON.parse(r.stdout).map((f: any) => f.rule);
    expect(rules).toEqual(['workload-selector', 'container-port-name', 'service-node-port', 'service-open-load-balancer']);
  });

  test('--node-port-range: the cluster setting', () => {
    const r = run(['check', '--node-port-range', '1-1000', '--output', 'json', fixture('broken.yaml')]);
    expect(JSON.parse(r.stdout).map((f: any) => f.rule)).not.toContain('service-node-port');
  });

  test('--service-cidr: requested cluster IPs must lie in the cluster\'s service CIDR', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    cdk8s-services.io/backend: external\n' +
      'spec:\n  clusterIP: 10.0.0.10\n  selector: {app: web}\n  ports: [{port: 80}]\n';
    expect(run(['check', '--service-cidr', '10.0.0.0/24', '-'], svc).status).toBe(0);
    const r = run(['check', '--service-cidr', '10.96.0.0/12', '-'], svc);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('<stdin>:0 Service/web spec.clusterIPs: Invalid value: ["10.0.0.10"]: failed to allocate IP 10.0.0.10: the provided IP (10.0.0.10) is not in the valid range. The range of valid IPs is 10.96.0.0/12 [service-cluster-ip]');
  });

  test('- reads standard input', () => {
    const r = run(['check', '-'], fs.readFileSync(path.join(ROOT, fixture('clean.yaml')), 'utf8'));
    expect(r).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 2 objects from 1 file\n', stderr: '' });
    const bad = run(['check', '-'], 'apiVersion: v1\nkind: Service\nmetadata:\n  name: Web\nspec:\n  ports: [{port: 80}]\n');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^<stdin>:0 Service\/Web metadata\.name: Invalid value: "Web": a DNS-1035 label/m);
  });

  test('a Helm-style file mixing kinds the checker does not know: those are passed over', () => {
    const r = run(['check', fixture('helm-mixed.yaml')]);
    expect(r).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 5 objects from 1 file\n', stderr: '' });
  });

  test('a directory: every .yaml/.yml file below it, in order; wiring is checked across files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-services-cli-'));
    const [deployment, service] = fs.readFileSync(path.join(ROOT, fixture('clean.yaml')), 'utf8').split('---\n');
    fs.mkdirSync(path.join(dir, 'apps'));
    fs.writeFileSync(path.join(dir, 'apps', 'b-deployment.yml'), deployment);
    fs.writeFileSync(path.join(dir, 'a-service.yaml'), service);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not yaml: [');
    const r = run(['check', dir]);
    expect(r).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 2 objects from 2 files\n', stderr: '' });
  });

  test('the example app output is clean', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-services-example-'));
    try {
      const app = buildExampleApp(outdir);
      AppValidation.configure(app, { printWarnings: false });
      app.synth();
      expect(fs.readdirSync(outdir)).toHaveLength(4);
      expect(run(['check', outdir])).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 26 objects from 4 files\n', stderr: '' });
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('YAML is read as kubectl reads it (YAML 1.1): yes/no/on/off are booleans, not label strings', () => {
    const yaml = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {enabled: yes}\n  annotations: {cdk8s-services.io/backend: external}\n' +
      'spec:\n  selector: {app: web, canary: off}\n  ports: [{port: 80}]\n';
    const r = run(['check', '-'], yaml);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('<stdin>:0 Service/web metadata.labels: Invalid value: true: the value of \'enabled\' must be a string; quote numbers and booleans in YAML [object-labels]');
    expect(r.stdout).toContain('<stdin>:0 Service/web spec.selector: Invalid value: false: the value of \'canary\' must be a string; quote numbers and booleans in YAML [service-selector]');
  });

  test('-n/--namespace: where objects without a namespace land', () => {
    const [deployment, service] = fs.readFileSync(path.join(ROOT, fixture('clean.yaml')), 'utf8').split('---\n');
    const loose = service.replace('  namespace: shop\n', '');
    expect(run(['check', '-'], `${deployment}---\n${loose}`).status).toBe(1);
    expect(run(['check', '-n', 'shop', '-'], `${deployment}---\n${loose}`).status).toBe(0);
  });

  test.each([
    [['check', 'no-such-file.yaml'], 'cdk8s-services: no-such-file.yaml: cannot read: no such file or directory\n'],
    [['check', fixture('invalid-yaml.yml.txt')], 'cdk8s-services: test/cli-fixtures/invalid-yaml.yml.txt:0: not valid YAML (line 5, column 1): Flow sequence in block collection must be sufficiently indented and end with a ]\n'],
    [['check'], /^cdk8s-services: no input: name files, directories, or - for standard input\n\nusage: /],
    [['lint', 'x.yaml'], /^cdk8s-services: unknown command 'lint'/],
    [['check', '--output', 'xml', 'x.yaml'], /^cdk8s-services: --output takes text or json, got 'xml'/],
    [['check', '--node-port-range', '30000', 'x.yaml'], /^cdk8s-services: --node-port-range takes MIN-MAX/],
    [['check', '--skip', 'no-such-rule', fixture('clean.yaml')], /^cdk8s-services: unknown rule 'no-such-rule' in skipRules/],
    [['check', '--frobnicate', 'x.yaml'], /^cdk8s-services: unknown option '--frobnicate'/],
    [['check', '-'], 'cdk8s-services: <stdin>:0: not a Kubernetes object: every document needs a mapping with apiVersion and kind\n', 'This file is prose.\n'],
    [['check', '-'], 'cdk8s-services: <stdin>:1: not a Kubernetes object: every document needs a mapping with apiVersion and kind\n', 'apiVersion: v1\nkind: ConfigMap\n---\n- a\n- b\n'],
    [['check', '-'], 'cdk8s-services: <stdin>:0: not a Kubernetes object: every document needs a mapping with apiVersion and kind\n', 'apiVersion: v1\nKind: Service\n'],
    [['check', '--service-cidr', '10.0.0.0', fixture('clean.yaml')], /^cdk8s-services: serviceCIDRs must be CIDRs such as 10.96.0.0\/12, got '10.0.0.0'/],
  ])('unreadable input or bad usage %j: exit 2 with a clear message, no stack trace', (...row: unknown[]) => {
    const [args, message, input] = row as [string[], string | RegExp, string | undefined];
    const r = run(args, input);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    if (typeof message === 'string') expect(r.stderr).toBe(message); else expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  test('--help and --list-rules', () => {
    expect(run(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('usage: cdk8s-services check [options] FILE|DIR|- ...') });
    const rules = run(['check', '--list-rules']);
    expect(rules.status).toBe(0);
    expect(rules.stdout).toMatch(/^service-node-port +error +nodePort only on NodePort/m);
  });
});
