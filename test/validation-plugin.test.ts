// The cdk8s validation plugin, through the real cdk8s-cli: `cdk8s synth` on a copy of the example app with the
// plugin named in cdk8s.yaml. The library's own validation at synth is turned off in the copy, so what fails synth
// is the plugin.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ServicesValidation } from '../src';

const ROOT = path.join(__dirname, '..');
const CLI_DIR = path.join(ROOT, 'tools', 'cdk8s-cli');
const CDK8S = path.join(CLI_DIR, 'node_modules', '.bin', 'cdk8s');

/** cdk8s-cli is installed on its own (tools/cdk8s-cli); CI's build runs the tests before it installs it. */
function ensureCdk8sCli(): void {
  if (fs.existsSync(CDK8S)) return;
  const r = spawnSync('npm', ['--prefix', CLI_DIR, 'ci', '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`installing cdk8s-cli failed:\n${r.stderr}`);
}

/** What main.ts adds to the example app before synthesizing it. */
const BROKEN = `
const chart = app.node.children.find(c => c.node.id === 'image-processing') as Chart;
// a cdk8s-plus Service: its selector matches no pod of the chart, and its node port is outside the range
const broken = new kplus.Service(chart, 'Broken', { type: kplus.ServiceType.NODE_PORT, ports: [{ port: 80, targetPort: 8080, nodePort: 80 }] });
broken.selectLabel('app', 'nothing');
`;

/**
 * A directory with a copy of the example app (importing the built library), a cdk8s.yaml naming the plugin, and
 * `extra` code added to main.ts. Runs `cdk8s synth` there and returns its result and validation report.
 */
function synthWithPlugin(extra: string, properties: object) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-services-plugin-'));
  try {
    const app = fs.readFileSync(path.join(ROOT, 'examples', 'app.ts'), 'utf8').replace("from '../src';", `from ${JSON.stringify(path.join(ROOT, 'lib'))};`);
    fs.writeFileSync(path.join(dir, 'app.ts'), app);
    fs.writeFileSync(path.join(dir, 'main.ts'), [
      "import { Chart } from 'cdk8s';",
      "import * as kplus from 'cdk8s-plus-27';",
      `import { AppValidation } from ${JSON.stringify(path.join(ROOT, 'lib'))};`,
      "import { buildExampleApp } from './app';",
      '',
      "const app = buildExampleApp('dist');",
      '// the plugin checks here, not the validation at synth',
      'AppValidation.configure(app, { enabled: false });',
      extra,
      'app.synth();',
      // keep the imports used when `extra` is empty
      'void Chart; void kplus;',
      '',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), JSON.stringify({
      language: 'typescript',
      app: `node ${path.join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js')} --transpile-only --project ${path.join(ROOT, 'test', 'tsconfig.json')} main.ts`,
      output: 'dist',
      validations: [{ package: ROOT, version: '0.0.0', class: 'ServicesValidation', properties }],
    }));
    const r = spawnSync(CDK8S, ['synth', '--no-check-upgrade', '--validation-reports-output-file', 'reports.json'], {
      cwd: dir,
      encoding: 'utf8',
      // the copy resolves cdk8s and cdk8s-plus-27 from this package, like the library it imports
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), CDK8S_CHECK_UPGRADE: 'false' },
    });
    const reports = fs.existsSync(path.join(dir, 'reports.json')) ? JSON.parse(fs.readFileSync(path.join(dir, 'reports.json'), 'utf8')).reports : undefined;
    return { status: r.status, output: r.stdout + r.stderr, reports };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('ServicesValidation through cdk8s synth', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) throw new Error('lib/ is missing: compile first (npx projen compile)');
    ensureCdk8sCli();
  }, 300_000);

  test('the example app passes', () => {
    const r = synthWithPlugin('', {});
    expect(r.output).toContain('Validations ended succesfully');
    expect(r.status).toBe(0);
    expect(r.reports).toHaveLength(1);
    expect(r.reports[0].summary).toMatchObject({ status: 'success', plugin: ROOT, metadata: { objects: '31', errors: '0', warnings: '0' } });
    expect(r.reports[0].violations).toEqual([]);
  }, 180_000);

  test('a broken construct fails cdk8s synth with the findings, their construct paths, fields and lines', () => {
    const r = synthWithPlugin(BROKEN, { nodePortRange: { min: 30000, max: 32767 } });
    expect(r.status).toBe(2);
    expect(r.output).toContain('Validation failed');
    const report = r.reports[0];
    expect(report.summary).toMatchObject({ status: 'failure', metadata: { objects: '32', errors: '2', warnings: '0' } });
    const byRule = Object.fromEntries(report.violations.map((v: any) => [v.ruleName, v]));
    expect(Object.keys(byRule).sort()).toEqual(['service-node-port', 'service-selects-nothing']);
    expect(byRule['service-node-port']).toMatchObject({
      recommendation: expect.stringContaining('nodePort only on NodePort and LoadBalancer Services, within the node-port range'),
      violatingConstructs: [{
        constructPath: 'image-processing/Broken/Resource',
        resourceName: expect.stringMatching(/^image-processing-broken-c\w+$/),
        manifestPath: 'dist/image-processing.k8s.yaml',
        locations: [expect.stringMatching(/^Service spec\.ports\[0\]\.nodePort \(line \d+, column \d+\): Invalid value: 80: provided port is not in the valid range/)],
      }],
    });
    expect(byRule['service-selects-nothing'].violatingConstructs[0].locations[0]).toMatch(/^Service spec\.selector \(line \d+, column \d+\): selector \{"app":"nothing"\} matches no pod template in namespace "images"/);
  }, 180_000);

  test('properties are the check options: skipRules turns rules off', () => {
    const r = synthWithPlugin(BROKEN, { skipRules: ['service-node-port', 'service-selects-nothing'] });
    expect(r.status).toBe(0);
    expect(r.reports[0].summary.status).toBe('success');
  }, 180_000);
});

describe('ServicesValidation', () => {
  /** A context shaped like cdk8s-cli's, recording what the plugin reports. */
  function context(manifests: string[]) {
    const violations: any[] = [];
    let submitted: any;
    return {
      ctx: {
        manifests,
        report: { addViolation: (v: any) => violations.push(v), submit: (status: string, metadata: object) => { submitted = { status, metadata }; } },
      },
      violations,
      submitted: () => submitted,
    };
  }

  test('warnings are listed, and do not fail the report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-services-plugin-'));
    try {
      const file = path.join(dir, 'app.k8s.yaml');
      fs.writeFileSync(file, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n');
      const c = context([file]);
      await new ServicesValidation().validate(c.ctx);
      expect(c.submitted()).toEqual({ status: 'success', metadata: { objects: '1', errors: '0', warnings: '1' } });
      expect(c.violations).toEqual([{
        ruleName: 'service-pods-elsewhere (warning)',
        recommendation: expect.any(String),
        fix: expect.stringContaining('add service-pods-elsewhere to skipRules'),
        violatingResources: [{ resourceName: 'web', manifestPath: file, locations: [expect.stringMatching(/^Service spec\.selector \(line 6, column 3\): selector/)] }],
      }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a manifest that cannot be read fails the report', async () => {
    const c = context([path.join(os.tmpdir(), 'no-such-dir-cdk8s-services', 'app.k8s.yaml')]);
    await new ServicesValidation().validate(c.ctx);
    expect(c.submitted().status).toBe('failure');
    expect(c.violations[0]).toMatchObject({ ruleName: 'manifest-unreadable', violatingResources: [{ locations: [expect.stringContaining('cannot read')] }] });
  });

  test('invalid properties fail when cdk8s loads the plugin', () => {
    expect(() => new ServicesValidation({ skipRules: ['no-such-rule'] })).toThrow(/unknown rule 'no-such-rule' in skipRules/);
  });
});
