// What the npm package ships and what it exports: a deliberate public surface.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

/** Every name src/index.ts exports. */
function rootExports(): string[] {
  const index = fs.readFileSync(path.join(ROOT, 'src', 'index.ts'), 'utf8');
  return [...index.matchAll(/^export \{([^}]*)\} from/gm)].flatMap(m => m[1].split(',').map(s => s.trim()).filter(s => s));
}

/** The names declared with an `@internal` doc comment anywhere under src/. */
function internalNames(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {walk(full);} else if (entry.name.endsWith('.ts')) {
        const source = fs.readFileSync(full, 'utf8');
        const re = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export (?:declare )?(?:abstract )?(?:function|class|const|interface|type|enum) (\w+)/g;
        for (const m of source.matchAll(re)) if (m[1].includes('@internal')) names.add(m[2]);
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  return names;
}

describe('the package', () => {
  test('the root exports, by name, exactly the public API, and nothing marked @internal', () => {
    const exported = rootExports();
    const internal = internalNames();
    expect(internal.size).toBeGreaterThan(20);
    expect(exported.filter(name => internal.has(name))).toEqual([]);
    expect(exported.sort()).toEqual([
      'AddEndpointsOptions', 'AddressType', 'AllowTraffic', 'AllowTrafficOptions', 'AllowTrafficProps', 'AppFinding', 'AppValidation', 'AppValidationOptions', 'Backend', 'CheckOptions',
      'ClientIPAffinityOptions', 'ClusterIPService', 'ClusterIPServiceOptions', 'ClusterIPServiceProps', 'CommonServiceOptions', 'ContainerPort',
      'ContainerPortOptions', 'DaemonSet', 'DaemonSetProps', 'DefaultDenyPolicy', 'DefaultDenyPolicyProps', 'Deployment', 'DeploymentProps', 'DnsNameOptions', 'ENDPOINT_SLICE_MANAGER', 'Endpoint',
      'EndpointOptions', 'EndpointSlice', 'EndpointSliceProps', 'ExternalNameService', 'ExternalNameServiceProps', 'Finding', 'HeadlessService',
      'HeadlessServiceOptions', 'HeadlessServiceProps', 'ITargetPort', 'Identity', 'IdentityOptions', 'IpBlockOptions', 'IpFamily', 'IpFamilyPolicy', 'LoadBalancerService',
      'LoadBalancerServiceOptions', 'LoadBalancerServiceProps', 'ManifestChecker', 'NetworkPeer', 'NodePortRange', 'NodePortService', 'NodePortServiceOptions',
      'NodePortServicePortOptions', 'NodePortServiceProps', 'PortName', 'PortNameOptions', 'PortTarget', 'RuleInfo', 'RuleScope',
      'SelectorService', 'Service', 'ServiceOptions', 'ServicePort', 'ServicePortOptions', 'ServicesValidation', 'SessionAffinity', 'Severity', 'StatefulSet', 'StatefulSetProps', 'TrafficPolicy', 'UnknownFields',
      'UrlOptions', 'VirtualIPService', 'WiringMap', 'WiringMapOptions',
    ]);
    // the runtime exports are the classes and enums of that list
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const runtime = Object.keys(require('../src')).sort();
    expect(runtime.every(name => exported.includes(name))).toBe(true);
    expect(runtime).toContain('ManifestChecker');
  });

  test('npm pack holds lib, .jsii, API.md, README, LICENSE and the command, and no scripts, tests, sources or benchmarks', () => {
    if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) throw new Error('lib/ is missing: compile first (npx projen compile)');
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
    expect(files.filter(f => /^(scripts|test|bench|examples|tools|src|projenrc|\.ci|\.projen)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining([
      'lib/index.js', 'lib/index.d.ts', 'lib/cli/index.js', '.jsii', 'API.md', 'README.md', 'LICENSE', 'bin/cdk8s-services', 'package.json',
    ]));
  });
});
