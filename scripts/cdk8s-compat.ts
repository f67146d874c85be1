// Synthesizes the example app against another cdk8s 2.x release and checks that it writes the same bytes as the
// release the tests run on. The library is installed as a user gets it (the packed tarball), beside the cdk8s
// release under test; the example is transpiled to JavaScript importing `cdk8s-services` by its package name.
//
//   ts-node scripts/cdk8s-compat.ts [cdk8s version or range, default: the newest 2.x]
//
// Expects `npx projen example` to have written examples/dist/ (the reference output) and lib/ to be built.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const REFERENCE = path.join(ROOT, 'examples', 'dist');

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function main(): void {
  const wanted = process.argv[2] ?? '2';
  if (!fs.existsSync(REFERENCE)) throw new Error('examples/dist is missing: run `npx projen example` first');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-services-compat-'));
  try {
    const tarball = path.join(work, run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], ROOT).trim().split('\n').pop()!);
    const app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'compat-app', private: true }));
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `cdk8s@${wanted}`,
      `cdk8s-plus-27@${pkg.devDependencies['cdk8s-plus-27']}`, `constructs@${pkg.devDependencies.constructs}`, tarball], app);
    const version = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'cdk8s', 'package.json'), 'utf8')).version;
    for (const file of ['app.ts', 'main.ts']) {
      const source = fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8').replace(/from '\.\.\/src'/g, "from 'cdk8s-services'");
      const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
      fs.writeFileSync(path.join(app, file.replace(/\.ts$/, '.js')), js);
    }
    run(process.execPath, ['main.js'], app);
    const written = path.join(app, 'dist');
    const files = fs.readdirSync(REFERENCE).sort();
    const differing = files.filter(f => !fs.existsSync(path.join(written, f))
      || !fs.readFileSync(path.join(written, f)).equals(fs.readFileSync(path.join(REFERENCE, f))));
    if (differing.length > 0 || fs.readdirSync(written).length !== files.length) {
      throw new Error(`with cdk8s ${version}, the example writes different YAML: ${differing.join(', ') || 'other files'}`);
    }
    console.log(`cdk8s ${version}: the example synthesizes to the same ${files.length} files, byte for byte`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
