import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import '@microsoft/jest-sarif';
import { buildExampleApp } from '../examples/app';
import { AppValidation, ManifestChecker } from '../src';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'cdk8s-services');
const FIXTURES = path.join('test', 'cli-fixtures');

/** Runs the real command, as `npx cdk8s-services` would (it needs the compiled lib/, built before the tests). */
function run(args: string[], input?: string, cwd = ROOT) {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'index.js'))) throw new Error('lib/cli/index.js is missing: compile first (npx projen compile)');
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = (name: string) => path.join(FIXTURES, name);

/** A temporary directory with these files (path → text), removed after `body`. */
function withFiles(files: Record<string, string>, body: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-services-cli-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const [DEPLOYMENT, SERVICE] = fs.readFileSync(path.join(ROOT, FIXTURES, 'clean.yaml'), 'utf8').split('---\n');
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n';

describe('cdk8s-services check: findings', () => {
  test('clean input: exit 0 and a summary line', () => {
    const r = run(['check', fixture('clean.yaml')]);
    expect(r).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 2 objects from 1 file\n', stderr: '' });
  });

  test('each kind of finding: one line each with file:line:column, object, field, message and rule; exit 1', () => {
    const r = run(['check', fixture('broken.yaml')]);
    expect(r.status).toBe(1);
    const f = fixture('broken.yaml');
    expect(r.stdout.split('\n')).toEqual([
      `${f}:11:7 Deployment/api spec.template.metadata.labels: Invalid value: {"app":"api-v2"}: \`selector\` does not match template \`labels\` [workload-selector]`,
      `${f}:18:15 Deployment/api spec.template.spec.containers[0].ports[0].name: Invalid value: "http-endpoint-long": must be no more than 15 characters [container-port-name]`,
      `${f}:32:7 Service/api spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767 [service-node-port]`,
      `${f}:27:3 Service/api spec.selector: selector {"app":"api"} matches no pod template in namespace "default"; fix the selector or the workload labels, or mark the Service with the annotation cdk8s-services.io/backend: external if its pods are defined elsewhere [service-selects-nothing]`,
      // a field the object does not write is located at its nearest enclosing field (spec)
      `${f}:38:1 Service/public spec.loadBalancerSourceRanges: warning: a LoadBalancer Service without loadBalancerSourceRanges accepts traffic from any address; list the client CIDRs, or state 0.0.0.0/0 explicitly if the Service is public [service-open-load-balancer]`,
      `${f}:44:7 Service/public spec.ports[0].targetPort: warning: targetPort 8443/TCP is not declared as a containerPort by Deployment "api", which this Service selects; declare the port (and name it, to target it by name) [service-target-port-number]`,
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

  test('--output json: an array of findings with file, line, column, document, severity, rule, kind, namespace, name, field, message', () => {
    const r = run(['check', '--output', 'json', fixture('broken.yaml')]);
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout);
    expect(findings).toHaveLength(6);
    expect(findings[2]).toEqual({
      file: fixture('broken.yaml'),
      line: 32,
      column: 7,
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
    expect(r.stdout).toContain('<stdin>:8:3 Service/web spec.clusterIPs: Invalid value: ["10.0.0.10"]: failed to allocate IP 10.0.0.10: the provided IP (10.0.0.10) is not in the valid range. The range of valid IPs is 10.96.0.0/12 [service-cluster-ip]');
  });

  test('decode errors: a string where an integer belongs is one error at its line, worded as the API server words it; --unknown-fields', () => {
    const deployment = DEPLOYMENT.replace(/replicas: \d+/, 'replicas: "2"');
    expect(deployment).toContain('replicas: "2"');
    const r = run(['check', '-'], deployment + '---\n' + SERVICE);
    expect(r.status).toBe(1);
    const line = deployment.split('\n').findIndex(l => l.includes('replicas')) + 1;
    expect(r.stdout).toContain(`<stdin>:${line}:3 Deployment/shop/web spec.replicas: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`);
    expect(r.stdout).toMatch(/^1 error, 0 warnings in 2 objects from 1 file$/m);
    // a field the 1.27 schema does not have: an error by default, a warning or nothing on request
    const unknown = SERVICE.replace('spec:\n', 'spec:\n  trafficPolicy: Local\n');
    expect(unknown).toContain('trafficPolicy');
    const strict = run(['check', '-'], DEPLOYMENT + '---\n' + unknown);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('unknown field "spec.trafficPolicy" [object-unknown-field]');
    const warn = run(['check', '--unknown-fields', 'warning', '-'], DEPLOYMENT + '---\n' + unknown);
    expect(warn.status).toBe(0);
    expect(warn.stdout).toMatch(/^0 errors, 1 warning in 2 objects from 1 file$/m);
    expect(run(['check', '--unknown-fields=ignore', '-'], DEPLOYMENT + '---\n' + unknown)).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings in 2 objects from 1 file\n' });
    expect(run(['check', '--unknown-fields', 'lenient', '-'], unknown).status).toBe(2);
  });

  test('--kubernetes-version: spec.trafficDistribution is unknown to 1.27 and a supported value from 1.31', () => {
    const svc = SERVICE.replace('spec:\n', 'spec:\n  trafficDistribution: PreferClose\n');
    const old = run(['check', '-'], DEPLOYMENT + '---\n' + svc);
    expect(old.status).toBe(1);
    expect(old.stdout).toContain('Kubernetes 1.27 has no such field (it came in 1.30); remove it, or set the target Kubernetes version [object-unknown-field]');
    expect(old.stdout).toMatch(/^1 error, 0 warnings/m);
    expect(run(['check', '--kubernetes-version', '1.31', '-'], DEPLOYMENT + '---\n' + svc).status).toBe(0);
    const wrong = run(['check', '--kubernetes-version', '1.31', '-'], DEPLOYMENT + '---\n' + svc.replace('PreferClose', 'PreferSameZone'));
    expect(wrong.stdout).toContain('Unsupported value: "PreferSameZone": supported values: "PreferClose" [service-traffic-distribution]');
    expect(run(['check', '--kubernetes-version', '2.0', '-'], svc).status).toBe(2);
  });

  test('linkage beyond Services: an HPA naming a missing Deployment, a route to a port the Service lacks, a NetworkPolicy on the Service port', () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: webb}\n' +
      '  minReplicas: 1\n  maxReplicas: 3\n';
    const route = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  rules:\n  - backendRefs: [{name: web, port: 8080}]\n';
    const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  podSelector: {matchLabels: {app: web}}\n' +
      '  ingress:\n  - ports: [{port: 80}]\n';
    const r = run(['check', '--output', 'json', '-'], [DEPLOYMENT, SERVICE, hpa, route, policy].join('---\n'));
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout).map((f: any) => `${f.severity} ${f.rule} ${f.kind}/${f.name} ${f.field}`);
    expect(findings).toEqual([
      'error hpa-scale-target HorizontalPodAutoscaler/web spec.scaleTargetRef.name',
      'error route-backend-port HTTPRoute/web spec.rules[0].backendRefs[0].port',
      'warning network-policy-port-number NetworkPolicy/web spec.ingress[0].ports[0].port',
    ]);
  });

  test('- reads standard input', () => {
    const r = run(['check', '-'], fs.readFileSync(path.join(ROOT, fixture('clean.yaml')), 'utf8'));
    expect(r).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 2 objects from 1 file\n', stderr: '' });
    const bad = run(['check', '-'], 'apiVersion: v1\nkind: Service\nmetadata:\n  name: Web\nspec:\n  ports: [{port: 80}]\n');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^<stdin>:4:3 Service\/Web metadata\.name: Invalid value: "Web": a DNS-1035 label/m);
  });

  test('a Helm-style file mixing kinds the checker does not know: those are passed over', () => {
    const r = run(['check', fixture('helm-mixed.yaml')]);
    expect(r).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 5 objects from 1 file\n', stderr: '' });
  });

  test('the example app output is clean', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-services-example-'));
    try {
      const app = buildExampleApp(outdir);
      AppValidation.configure(app, { printWarnings: false });
      app.synth();
      expect(fs.readdirSync(outdir)).toHaveLength(4);
      expect(run(['check', outdir])).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 31 objects from 4 files\n', stderr: '' });
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('-n/--namespace: where objects without a namespace land', () => {
    const loose = SERVICE.replace('  namespace: shop\n', '');
    // the Service lands in default, where these manifests have no workload: a warning, not an error
    expect(run(['check', '--output', 'json', '-'], `${DEPLOYMENT}---\n${loose}`).stdout).toContain('"rule": "service-pods-elsewhere"');
    expect(run(['check', '-n', 'shop', '-'], `${DEPLOYMENT}---\n${loose}`)).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings in 2 objects from 1 file\n' });
  });
});

describe('cdk8s-services check: reading YAML as kubectl does', () => {
  test('YAML 1.1 scalars: yes/no/on/off are booleans, not label strings', () => {
    const yaml = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {enabled: yes}\n  annotations: {cdk8s-services.io/backend: external}\n' +
      'spec:\n  selector: {app: web, canary: off}\n  ports: [{port: 80}]\n';
    const r = run(['check', '-'], yaml);
    expect(r.status).toBe(1);
    // a boolean does not decode into a string: the API server refuses the object before validating it
    expect(r.stdout).toContain('<stdin>:5:12 Service/web metadata.labels[enabled]: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels ' +
      'of type string: write "true" in quotes to make it a string [object-decode]');
    expect(r.stdout).toContain('<stdin>:8:24 Service/web spec.selector[canary]: json: cannot unmarshal bool into Go struct field ServiceSpec.spec.selector ' +
      'of type string: write "false" in quotes to make it a string [object-decode]');
  });

  test('a repeated key: the last value is read, with a warning on standard error', () => {
    const f = fixture('duplicate-keys.yaml');
    const r = run(['check', f]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`${f}:13:7 Service/web spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive [service-port-number]`);
    expect(r.stderr).toBe(`cdk8s-services: ${f}:13:7: warning: the key 'port' is repeated in its mapping; kubectl keeps the last value, and so does this check\n`);
  });

  test('a multi-line single-quoted scalar whose closing line is no deeper than its key is read', () => {
    expect(run(['check', fixture('quoted-scalar.yaml')])).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 1 object from 1 file\n', stderr: '' });
  });

  test('a map key that is itself a collection is refused, as kubectl refuses it: exit 2', () => {
    const f = fixture('collection-key.yaml');
    const r = run(['check', f]);
    expect(r).toEqual({
      status: 2,
      stdout: '0 errors, 0 warnings in 0 objects from 1 file\n',
      stderr: `cdk8s-services: ${f}:7:3: a map key is itself a map or a list, which kubectl refuses (quote it, such as "{{args.x}}")\n`,
    });
  });

  test('typed lists (DeploymentList, ServiceList): their items are checked', () => {
    const f = fixture('typed-list.yaml');
    const r = run(['check', f]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      `${f}:35:26 Service/web spec.ports[0].targetPort: named targetPort "metrics" is not exposed by Deployment "web", which this Service selects; ` +
      'its container ports are http (TCP). Name a container port "metrics" or target one of those [service-target-port-name]\n' +
      '1 error, 0 warnings in 2 objects from 1 file\n');
  });

  test('JSON manifests, in a directory of .json files', () => {
    const f = path.join(fixture('json'), 'service.json');
    const r = run(['check', fixture('json')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      `${f}:9:40 Service/web spec.ports[1].targetPort: named targetPort "admin" is not exposed by Deployment "web", which this Service selects; ` +
      'its container ports are http (TCP). Name a container port "admin" or target one of those [service-target-port-name]\n' +
      '1 error, 0 warnings in 2 objects from 2 files\n');
  });

  test('positions: in flow style and in the second document of a file', () => {
    const r = run(['check', '--output', 'json', fixture('flow-style.yaml')]);
    const at = JSON.parse(r.stdout).map((f: any) => `${f.line}:${f.column} ${f.document} ${f.field} [${f.rule}]`);
    expect(at).toEqual([
      '2:39 0 spec.ports[0].name [service-port-name]',
      '2:69 0 spec.ports[1].name [service-port-name]',
      '2:70 0 spec.ports[1].port [service-port-number]',
      '2:69 0 spec.ports[1].targetPort [service-target-port-format]',
      '9:36 1 spec.ports[1].name [service-port-name]',
    ]);
  });
});

describe('cdk8s-services check: files and directories', () => {
  test('a directory: its .yaml, .yml and .json files in name order; wiring is checked across files', () => {
    withFiles({
      'b-deployment.yml': DEPLOYMENT,
      'a-service.yaml': SERVICE,
      'settings.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } }),
      'notes.txt': 'not yaml: [',
    }, dir => {
      expect(run(['check', dir])).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 3 objects from 3 files\n', stderr: '' });
    });
  });

  test('subdirectories are entered only with -R/--recursive, as kubectl apply does', () => {
    withFiles({ 'service.yaml': SERVICE, 'apps/web/deployment.yaml': DEPLOYMENT }, dir => {
      const flat = run(['check', '--output', 'json', dir]);
      expect(JSON.parse(flat.stdout).map((f: any) => f.rule)).toEqual(['service-pods-elsewhere']);
      expect(flat.stderr).toBe('cdk8s-services: note: 1 subdirectory not entered; -R checks them too\n');
      expect(run(['check', '-R', dir])).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 2 objects from 2 files\n', stderr: '' });
      expect(run(['check', '--recursive', dir]).status).toBe(0);
    });
  });

  test('a GitOps-style repository: kustomization, Helm values and chart, CI files, node_modules and dot-folders are passed over', () => {
    withFiles({
      'apps/shop/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - service.yaml\n',
      'apps/shop/deployment.yaml': DEPLOYMENT,
      'apps/shop/service.yaml': SERVICE,
      'apps/shop/values.yaml': 'replicaCount: 2\nimage:\n  repository: registry.example.com/web\n',
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'charts/web/templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
      'cdk8s.yaml': 'language: typescript\napp: npx ts-node main.ts\n',
      'ci.yml': 'stages: [test]\ntest:\n  script: [npm test]\n',
      '.github/workflows/ci.yaml': 'on: push\njobs: {}\n',
      '.gitlab-ci.yml': 'stages: [test]\n',
      'node_modules/pkg/service.yaml': 'not: [valid',
    }, dir => {
      const r = run(['check', '-R', dir]);
      expect(r.stdout).toBe('0 errors, 0 warnings in 2 objects from 2 files, 6 skipped\n');
      expect(r.stderr.split('\n')).toEqual([
        `cdk8s-services: ${dir}/apps/shop/kustomization.yaml: note: skipped: it is a kustomization: check the output of kustomize build`,
        `cdk8s-services: ${dir}/charts/web/templates: note: skipped: it holds the templates of a Helm chart: check the output of helm template`,
        `cdk8s-services: ${dir}/apps/shop/values.yaml: note: skipped: it holds no Kubernetes object`,
        `cdk8s-services: ${dir}/cdk8s.yaml: note: skipped: it holds no Kubernetes object`,
        `cdk8s-services: ${dir}/charts/web/Chart.yaml: note: skipped: it holds no Kubernetes object`,
        `cdk8s-services: ${dir}/ci.yml: note: skipped: it holds no Kubernetes object`,
        '',
      ]);
      expect(r.status).toBe(0);
      // --strict: a file without Kubernetes objects is an error
      expect(run(['check', '-R', '--strict', dir])).toMatchObject({ status: 2, stderr: expect.stringContaining(`${dir}/ci.yml: skipped: it holds no Kubernetes object`) });
    });
  });

  test('a cdk8s project root: check . reads the manifests at the top and passes over the rest', () => {
    withFiles({
      'cdk8s.yaml': 'language: typescript\napp: npx ts-node main.ts\nvalidations:\n  - package: cdk8s-services\n',
      'package.json': JSON.stringify({ name: 'app', dependencies: { cdk8s: '^2' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
      '.eslintrc.json': '// generated\n{ "root": true }\n',
      'dist/app.k8s.yaml': `${DEPLOYMENT}---\n${SERVICE}`,
    }, dir => {
      const r = run(['check', '.'], undefined, dir);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('0 errors, 0 warnings in 0 objects from 0 files, 3 skipped\n');
      expect(r.stderr).toBe([
        'cdk8s-services: cdk8s.yaml: note: skipped: it holds no Kubernetes object',
        'cdk8s-services: package.json: note: skipped: it holds no Kubernetes object',
        'cdk8s-services: tsconfig.json: note: skipped: it holds no Kubernetes object',
        'cdk8s-services: note: 1 subdirectory not entered; -R checks them too',
        '',
      ].join('\n'));
      expect(run(['check', '-R', '.'], undefined, dir)).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings in 2 objects from 1 file, 3 skipped\n' });
    });
  });

  test('an unreadable file among good ones: reported, the others still checked, exit 2 at the end', () => {
    withFiles({
      'a-broken.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [unterminated\n',
      'b-service.yaml': SERVICE.replace('targetPort: http', 'targetPort: metrics'),
      'c-deployment.yaml': DEPLOYMENT,
    }, dir => {
      fs.symlinkSync(path.join(dir, 'missing.yaml'), path.join(dir, 'dangling.yaml'));
      const r = run(['check', path.join(dir, 'dangling.yaml'), dir]);
      expect(r.status).toBe(2);
      expect(r.stdout).toMatch(/^.*b-service\.yaml:11:7 Service\/shop\/web spec\.ports\[0\]\.targetPort: named targetPort "metrics" is not exposed/);
      expect(r.stdout).toMatch(/\n1 error, 0 warnings in 2 objects from 3 files\n$/);
      expect(r.stderr.split('\n')).toEqual([
        `cdk8s-services: ${dir}/dangling.yaml: cannot read: no such file or directory`,
        expect.stringMatching(new RegExp(`^cdk8s-services: ${dir}/a-broken\\.yaml:5:1: not valid YAML: `)),
        '',
      ]);
    });
  });

  test('a file that holds no Kubernetes object is skipped with a note; --strict makes it exit 2', () => {
    expect(run(['check', '-'], 'This file is prose.\n')).toEqual({
      status: 0,
      stdout: '0 errors, 0 warnings in 0 objects from 0 files, 1 skipped\n',
      stderr: 'cdk8s-services: <stdin>: note: skipped: it holds no Kubernetes object\n',
    });
    expect(run(['check', '--strict', '-'], 'This file is prose.\n')).toMatchObject({ status: 2, stderr: 'cdk8s-services: <stdin>: skipped: it holds no Kubernetes object\n' });
  });

  test.each([
    [['check', 'no-such-file.yaml'], 'cdk8s-services: no-such-file.yaml: cannot read: no such file or directory\n'],
    [['check', fixture('invalid-yaml.yml.txt')], `cdk8s-services: ${fixture('invalid-yaml.yml.txt')}:5:1: not valid YAML: unexpected end of the stream within a flow collection\n`],
    [['check', '-'], 'cdk8s-services: <stdin>:8:1: document 1 is not a Kubernetes object: every document needs a mapping with apiVersion and kind\n', `${CONFIG_MAP}---\n- a\n- b\n`],
    [['check', '-'], 'cdk8s-services: <stdin>:1:1: document 0 is not a Kubernetes object: it needs apiVersion and kind, both strings\n', 'apiVersion: v1\nKind: Service\n'],
    [['check', '-'], 'cdk8s-services: <stdin>:1:1: document 0 is not a Kubernetes object: it needs apiVersion and kind, both strings\n', 'apiVersion: 1\nkind: Service\nmetadata: {name: a}\n'],
    [['check', '-'], 'cdk8s-services: <stdin>:5:5: items[1] of the List in document 0 is not a Kubernetes object: it needs apiVersion and kind\n',
      'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n  - 42\n'],
  ])('input kubectl would refuse %j: exit 2 with the position and the reason, no stack trace', (...row: unknown[]) => {
    const [args, message, input] = row as [string[], string, string | undefined];
    const r = run(args, input);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(message);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  test.each([
    [['check'], /^cdk8s-services: no input: name files, directories, or - for standard input\n\nusage: /],
    [['lint', 'x.yaml'], /^cdk8s-services: unknown command 'lint'/],
    [['check', '--output', 'xml', 'x.yaml'], /^cdk8s-services: --output takes text, json, sarif, got 'xml'/],
    [['check', '--node-port-range', '30000', 'x.yaml'], /^cdk8s-services: --node-port-range takes MIN-MAX/],
    [['check', '--skip', 'no-such-rule', fixture('clean.yaml')], /^cdk8s-services: unknown rule 'no-such-rule' in skipRules/],
    [['check', '--frobnicate', 'x.yaml'], /^cdk8s-services: unknown option '--frobnicate'/],
    [['check', '-R=yes', 'x.yaml'], /^cdk8s-services: unknown option '-R=yes'/],
    [['check', '--service-cidr', '10.0.0.0', fixture('clean.yaml')], /^cdk8s-services: serviceCIDRs must be CIDRs such as 10.96.0.0\/12, got '10.0.0.0'/],
  ])('bad usage %j: exit 2 with a clear message', (...row: unknown[]) => {
    const [args, message] = row as [string[], RegExp];
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('--help and --list-rules', () => {
    expect(run(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('usage: cdk8s-services check [options] FILE|DIR|- ...') });
    const rules = run(['check', '--list-rules']);
    expect(rules.status).toBe(0);
    expect(rules.stdout).toMatch(/^service-node-port +error +nodePort only on NodePort/m);
  });
});

describe('cdk8s-services check --output sarif', () => {
  const sarif = (args: string[], input?: string) => {
    const r = run(['check', '--output', 'sarif', ...args], input);
    return { ...r, log: JSON.parse(r.stdout) };
  };

  test('is a valid SARIF 2.1.0 log (the official JSON schema)', () => {
    const { status, log } = sarif([fixture('broken.yaml'), fixture('duplicate-keys.yaml'), fixture('collection-key.yaml')]);
    expect(status).toBe(2);
    expect(log).toBeValidSarifLog();
    expect(log.version).toBe('2.1.0');
  });

  test('describes every manifest rule, with its level, description and help', () => {
    const { log } = sarif([fixture('clean.yaml')]);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('cdk8s-services');
    expect(driver.rules.map((r: any) => r.id)).toEqual(ManifestChecker.rules.map(r => r.id));
    const nodePort = driver.rules.find((r: any) => r.id === 'service-node-port');
    expect(nodePort).toMatchObject({
      shortDescription: { text: expect.stringContaining('nodePort only on NodePort and LoadBalancer Services') },
      fullDescription: { text: expect.stringContaining('mirrors k8s.io/kubernetes pkg/apis/core/validation/validation.go ValidateService') },
      help: { text: expect.stringContaining('skip it with --skip service-node-port') },
      defaultConfiguration: { level: 'error' },
    });
    expect(driver.rules.find((r: any) => r.id === 'service-open-load-balancer').defaultConfiguration.level).toBe('warning');
  });

  test('each finding is a result with its rule, level, message and the line and column of its field', () => {
    const { log } = sarif([fixture('broken.yaml')]);
    const results = log.runs[0].results;
    expect(results).toHaveLength(6);
    expect(results[2]).toMatchObject({
      ruleId: 'service-node-port',
      ruleIndex: ManifestChecker.rules.findIndex(r => r.id === 'service-node-port'),
      level: 'error',
      message: { text: 'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767' },
      locations: [{
        physicalLocation: { artifactLocation: { uri: 'test/cli-fixtures/broken.yaml' }, region: { startLine: 32, startColumn: 7 } },
        logicalLocations: [{ fullyQualifiedName: 'Service/api', kind: 'object' }],
      }],
    });
    expect(results.map((r: any) => r.level)).toEqual(['error', 'error', 'error', 'error', 'warning', 'warning']);
    // what code scanning needs to keep one alert per finding across runs
    expect(new Set(results.map((r: any) => r.partialFingerprints['findingHash/v1'])).size).toBe(6);
  });

  test('what is said about files becomes tool execution notifications; an unreadable file fails the invocation', () => {
    const { log } = sarif([fixture('duplicate-keys.yaml'), fixture('collection-key.yaml')]);
    const invocation = log.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications.map((n: any) => [n.level, n.locations[0].physicalLocation.region.startLine])).toEqual([['warning', 13], ['error', 7]]);
    const clean = sarif([fixture('clean.yaml')]).log.runs[0];
    expect(clean.invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
    expect(clean.results).toEqual([]);
  });
});
