import * as fs from 'fs';
import * as path from 'path';
import { checkManifests, configuredApp } from '../examples/validation';
import { renderReadme } from '../scripts/readme';
import { controllerLabels } from '../src/check/controller-labels';
import { main } from '../src/cli';

const ROOT = path.join(__dirname, '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  test('is up to date with the example regions, the YAML they synthesize and the rule table (npx projen readme)', () => {
    expect(renderReadme(readme)).toBe(readme);
  });

  test('every TypeScript snippet is a region of a compiled example file', () => {
    const blocks = [...readme.matchAll(/(<!-- code: [\w-]+ -->\n\n)?```ts\n/g)];
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    for (const b of blocks) expect(b[1]).toBeDefined();
  });

  test('starts with the two commands: synthesize the example app, and run the tests as CI does', () => {
    const first = readme.match(/```sh\n([\s\S]*?)```/)![1].trim().split('\n');
    expect(first).toHaveLength(2);
    expect(first[0]).toMatch(/^npm ci && npx projen example\b/);
    expect(first[1]).toMatch(/^npm ci && npx projen build\b/);
    const ci = fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npx projen build\b/m);
  });

  test('the validation snippets work as shown', () => {
    const { findings } = configuredApp();
    expect(findings()).toEqual([]);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const found = checkManifests([{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 0 }] } }]);
      expect(found.map(f => f.field)).toEqual(['spec.ports[0].port', 'spec.ports[0].targetPort']);
      expect(log).toHaveBeenCalledWith('error Service/web spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive [service-port-number]');
    } finally {
      log.mockRestore();
    }
  });

  test('the command-line example shows what the command prints for that file', () => {
    const block = readme.match(/`npx cdk8s-services check (test\/cli-fixtures\/broken\.yaml)`,\nexit status (\d)\):\n\n```text\n([\s\S]*?)```/)!;
    let out = '';
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const status = main(['check', block[1]], { stdout: t => { out += t; }, stderr: t => { out += t; }, readStdin: () => '' });
      expect(status).toBe(Number(block[2]));
    } finally {
      process.chdir(cwd);
    }
    expect(out).toBe(block[3]);
  });

  test('names every label the checker counts as added by a controller', () => {
    const keys = controllerLabels().map(l => l.key);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    expect(keys.filter(k => !readme.includes(`\`${k}`))).toEqual([]);
  });
});
