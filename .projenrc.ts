import { JsonFile, cdk8s, javascript } from 'projen';
import { TsJestDiagnostics, TsJestTsconfig } from 'projen/lib/typescript';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-services',
  description: 'Typed cdk8s constructs for Kubernetes Services and the Deployments behind them, wired by object references and validated at synth',
  author: 'cdk8s-services maintainers',
  authorAddress: 'maintainers@cdk8s-services.invalid',
  repositoryUrl: 'https://github.com/cdk8s-services/cdk8s-services.git',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  keywords: ['cdk8s', 'kubernetes', 'service', 'deployment', 'k8s'],

  // toolchain versions that work together on our machines
  // the lowest cdk8s the library supports: the peer range starts here and the tests run on it; CI also synthesizes
  // the example against the newest 2.x (the cdk8s-compat task below)
  cdk8sVersion: '2.70.0',
  constructsVersion: '10.5.0',
  jsiiVersion: '~6.0.16',
  typescriptVersion: '~6.0.3',
  minNodeVersion: '20.16.0',

  peerDeps: ['cdk8s-plus-27@^2.9.5'],
  // the check command reads manifests with js-yaml (about ten times faster than `yaml` on large inputs, with YAML
  // 1.1 scalars as kubectl reads them), and finds the line and column of a finding's field with `yaml`, which keeps
  // source positions; `yaml` is also what cdk8s writes YAML with
  bundledDeps: ['yaml@^2.9.1', 'js-yaml@^4.1.0'],
  bin: { 'cdk8s-services': 'bin/cdk8s-services' },
  devDeps: [
    '@types/js-yaml@^4.0.9',
    // validates the check command's SARIF output against the official SARIF 2.1.0 schema it bundles (Microsoft's)
    '@microsoft/jest-sarif@1.0.0-beta.0',
    // the Kubernetes 1.27 OpenAPI schemas: 4.4.2 is the last release generated from 1.27 (4.5 adds 1.28 fields such as
    // podReplacementPolicy); tests validate our output against it, and the checker's decode types are generated from it
    'kubernetes-models@4.4.2',
    'fast-check@^4',
    'jsii-rosetta@~6.0.17',
    'jsii-docgen@~10.12.0',
    'jest@~30.5.0',
    '@types/jest@^30',
    'ts-jest@~29.4.0',
  ],

  // no hosted workflows or releases for this repository
  github: false,
  release: false,
  depsUpgrade: false,
  buildWorkflow: false,
  pullRequestTemplate: false,

  typecheckTests: true,
  tsconfigDev: {
    include: ['../examples/**/*.ts', '../bench/**/*.ts', '../scripts/**/*.ts'],
    exclude: ['examples/dist', 'tools'],
    // ts-jest only transpiles when isolatedModules is on, and a test with a type error would pass
    compilerOptions: { isolatedModules: false, noEmit: false, noEmitOnError: false },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'scripts', 'projenrc', '.projenrc.ts'],
    ignorePatterns: ['examples/dist/', 'tools/'],
  },
  tsJestOptions: {
    transformOptions: {
      tsconfig: TsJestTsconfig.fromFile('test/tsconfig.json'),
      // 151002: ts-jest's note that Node16 modules want isolatedModules, which would turn type-checking off
      diagnostics: TsJestDiagnostics.custom({ ignoreCodes: [151002] }),
    },
  },
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
  },
  gitignore: ['/examples/dist/', '/tools/cdk8s-cli/node_modules/', '/bench/tmp/'],
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/tools/', '/bench/', '/.ci/', '/scripts/'] },
});

project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// The example against the newest cdk8s 2.x, byte for byte the same as on the lowest release.
project.addTask('cdk8s-compat', {
  description: 'Synthesize the example against the newest cdk8s 2.x (the tests run on the lowest supported release) and compare the YAML',
  exec: 'ts-node --project test/tsconfig.json scripts/cdk8s-compat.ts',
});

// The example app is a normal cdk8s app: `cdk8s synth` (cdk8s-cli, installed on its own under tools/) runs
// examples/main.ts and writes YAML to examples/dist/.
project.addTask('example', {
  description: 'Synthesize the example app to YAML under examples/dist/',
  steps: [
    { exec: 'npm --prefix tools/cdk8s-cli ci --no-audit --no-fund --loglevel=error' },
    { exec: 'rm -rf dist && ../tools/cdk8s-cli/node_modules/.bin/cdk8s synth --no-check-upgrade', cwd: 'examples' },
    { exec: 'node -e "for (const f of require(\'fs\').readdirSync(\'examples/dist\').sort()) console.log(\'  examples/dist/\' + f)"' },
    { say: 'The example app was synthesized to examples/dist/ (one YAML file per chart).' },
  ],
});

// examples/ and scripts/ are type-checked (and linted) with the test settings
for (const dir of ['examples', 'scripts']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../test/tsconfig.json', include: ['**/*.ts'], exclude: ['dist'] },
  });
}

// The benchmark (not part of the tests): compiles bench/ and the library, then runs every case in fresh processes.
project.addTask('bench', {
  description: 'Benchmark synth and checking against cdk8s-plus-27, raw cdk8s L1 objects and plain YAML; writes bench/RESULTS.md',
  steps: [
    { exec: 'tsc -p bench/tsconfig.json' },
    { exec: 'node bench/tmp/build/bench/run.js' },
  ],
});
project.package.setScript('bench', 'npx projen bench');

// The decode rules' field types, generated from the Kubernetes 1.27 schemas of the pinned kubernetes-models
// devDependency; regenerated before every compile, so the committed module cannot drift from its source (the CI's
// clean-tree check fails when it does).
const schema = project.addTask('schema', {
  description: 'Regenerate src/check/schema/openapi-1.27.ts from the Kubernetes 1.27 schemas of kubernetes-models',
  exec: 'ts-node --project test/tsconfig.json scripts/generate-schema.ts',
});
project.preCompileTask.spawn(schema);

project.addTask('readme', {
  description: 'Regenerate the code, YAML and rule blocks of README.md from examples/ and the rule table',
  exec: 'ts-node --project test/tsconfig.json scripts/readme.ts',
});

project.synth();
