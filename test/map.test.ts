import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { buildExampleApp } from '../examples/app';
import { Backend, ClusterIPService, ContainerPort, Deployment, Identity, WiringMap } from '../src';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'cdk8s-services');

/** The lines of the flowchart inside the fence. */
function lines(mermaid: string): string[] {
  expect(mermaid.startsWith('```mermaid\nflowchart LR\n')).toBe(true);
  expect(mermaid.endsWith('\n```\n')).toBe(true);
  return mermaid.split('\n').slice(1, -2);
}

const map = (manifests: any[], defaultNamespace?: string) => lines(WiringMap.fromManifests(manifests, { defaultNamespace }).toMermaid());

interface PortSpec { readonly name?: string; readonly containerPort: number; readonly protocol?: string }

function deployment(name: string, labels: Record<string, string>, ports: PortSpec[], namespace?: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: `${name}:1`, ports }] } },
    },
  };
}

function service(name: string, spec: Record<string, unknown>, namespace?: string) {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, ...(namespace ? { namespace } : {}) }, spec };
}

function ingress(name: string, namespace: string, paths: Array<[string, string, string | number]>) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace },
    spec: {
      ingressClassName: 'nginx',
      rules: [{
        host: 'shop.example.com',
        http: {
          paths: paths.map(([p, svc, port]) => ({
            path: p, pathType: 'Prefix', backend: { service: { name: svc, port: typeof port === 'number' ? { number: port } : { name: port } } },
          })),
        },
      }],
    },
  };
}

function policy(name: string, namespace: string, podSelector: Record<string, unknown>, ingressRules: unknown[]) {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec: { podSelector, ingress: ingressRules } };
}

/** A shop in two namespaces: an Ingress, Services, workloads, a StatefulSet, policies, an ExternalName and hand-written endpoints. */
function shop(): any[] {
  return [
    ingress('web', 'shop', [['/', 'frontend', 'http'], ['/api', 'api', 80]]),
    service('frontend', { selector: { app: 'frontend' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] }, 'shop'),
    deployment('frontend', { app: 'frontend' }, [{ name: 'web', containerPort: 3000 }], 'shop'),
    service('api', { selector: { app: 'api' }, ports: [{ port: 80, targetPort: 8080 }, { name: 'metrics', port: 9090, targetPort: 'metrics' }] }, 'shop'),
    deployment('api', { app: 'api' }, [{ containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }], 'shop'),
    policy('api-from-frontend', 'shop', { matchLabels: { app: 'api' } }, [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ port: 8080 }] }]),
    policy('api-from-monitoring', 'shop', { matchLabels: { app: 'api' } }, [{
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ port: 'metrics' }],
    }]),
    service('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'postgres', port: 5432 }] }, 'data'),
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'data' },
      spec: {
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres:16', ports: [{ name: 'postgres', containerPort: 5432 }] }] } },
      },
    },
    service('payments', { type: 'ExternalName', externalName: 'api.payments.example.com' }, 'data'),
    service('billing', { ports: [{ name: 'http', port: 80, targetPort: 8080 }] }, 'data'),
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'billing-1', namespace: 'data', labels: { 'kubernetes.io/service-name': 'billing' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.0.5'] }, { addresses: ['10.0.0.6'] }],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    },
  ];
}

describe('WiringMap', () => {
  test('a small app: its Service, its workload and the port edge, in its namespace', () => {
    const app = new App();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const http = ContainerPort.tcp(8080, { name: 'http' });
    const api = new Deployment(chart, 'Api', { identity: Identity.of('api'), containers: [{ image: 'registry.example.com/api:1.0.0', ports: [http] }] });
    new ClusterIPService(chart, 'ApiService', { metadata: { name: 'api' }, backend: Backend.fromWorkload(api), ports: [{ port: 80, targetPort: http }] });
    expect(lines(WiringMap.fromApp(app).toMermaid())).toEqual([
      'flowchart LR',
      '  subgraph ns_shop["ns/shop"]',
      '    svc_shop_api("svc/api")',
      `    deploy_shop_${api.name.replace(/-/g, '_')}["deploy/${api.name}"]`,
      '  end',
      // the construct names the Service port after the container port it targets
      `  svc_shop_api -->|"http:80 → http:8080"| deploy_shop_${api.name.replace(/-/g, '_')}`,
    ]);
  });

  test('an app whose wiring is broken is still drawn, with what is broken marked', () => {
    const app = new App();
    const chart = new Chart(app, 'shop');
    new Deployment(chart, 'Api', { identity: Identity.of('api'), containers: [{ image: 'registry.example.com/api:1.0.0' }] });
    new ApiObject(chart, 'Orphan', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'orphan' }, spec: { selector: { app: 'nothing' }, ports: [{ port: 80 }] } });
    // synth refuses it
    expect(() => chart.toJson()).toThrow(/service-selects-nothing/);
    const out = lines(WiringMap.fromApp(app).toMermaid());
    expect(out).toContain('    svc_default_orphan("svc/orphan<br/>selects no pods: app=nothing")');
    expect(out).toContain('  class svc_default_orphan dangling');
  });

  test('a shop in two namespaces: Ingress → Service port → container port, policies, StatefulSet, ExternalName and endpoints', () => {
    const out = map(shop());
    // one subgraph per namespace, in name order
    expect(out.filter(l => l.includes('subgraph'))).toEqual(['  subgraph ns_data["ns/data"]', '  subgraph ns_shop["ns/shop"]']);
    // the Ingress routes to Service ports, by name when they have one
    expect(out).toContain('  ing_shop_web -->|"shop.example.com/api → 80"| svc_shop_api');
    expect(out).toContain('  ing_shop_web -->|"shop.example.com/ → http:80"| svc_shop_frontend');
    // each Service port to the container port its targetPort resolves to, by name when it has one
    expect(out).toContain('  svc_shop_api -->|"80 → 8080<br/>metrics:9090 → metrics:9090"| deploy_shop_api');
    expect(out).toContain('  svc_shop_frontend -->|"http:80 → web:3000"| deploy_shop_frontend');
    // what the policies allow: from the frontend's pods, and from every pod of a namespace outside the input
    expect(out).toContain('  deploy_shop_frontend -->|"api-from-frontend: 8080"| deploy_shop_api');
    expect(out).toContain('  peer_ns_monitoring -->|"api-from-monitoring: metrics"| deploy_shop_api');
    // the StatefulSet and its governing Service; the ExternalName's host; the hand-written endpoints
    expect(out).toContain('  sts_data_db ---|"serviceName"| svc_data_db');
    expect(out).toContain('  svc_data_payments -->|"CNAME"| ext_api_payments_example_com');
    expect(out).toContain('    svc_data_payments("svc/payments<br/>ExternalName")');
    expect(out).toContain('  svc_data_billing -->|"http:80 → http:8080"| endpointslice_data_billing_1');
    expect(out).toContain('  endpointslice_data_billing_1 --> ip_10_0_0_5_10_0_0_6');
    expect(out).toContain('  ip_10_0_0_5_10_0_0_6(["10.0.0.5, 10.0.0.6"])');
    // nothing is broken
    expect(out.filter(l => /classDef|linkStyle|-\.->/.test(l))).toEqual([]);
    expect(WiringMap.fromManifests(shop()).toMermaid()).toMatchSnapshot();
  });

  test('dangling: a Service selecting nothing, and a named targetPort no selected pod declares, in red and dashed with the reason', () => {
    const out = map([
      deployment('api', { app: 'api' }, [{ name: 'http', containerPort: 8080 }]),
      service('api', { selector: { app: 'api' }, ports: [{ name: 'web', port: 80, targetPort: 'htttp' }, { name: 'ok', port: 81, targetPort: 'http' }] }),
      service('orphan', { selector: { app: 'gone' }, ports: [{ port: 80 }] }),
    ]);
    expect(out).toEqual([
      'flowchart LR',
      '  subgraph ns_default["ns/default"]',
      '    svc_default_api("svc/api")',
      '    svc_default_orphan("svc/orphan<br/>selects no pods: app=gone")',
      '    deploy_default_api["deploy/api"]',
      '  end',
      '  svc_default_api -->|"ok:81 → http:8080"| deploy_default_api',
      '  svc_default_api -.->|"web:80 → no port htttp"| deploy_default_api',
      '  classDef dangling fill:#fdecea,stroke:#d32f2f,stroke-width:2px,stroke-dasharray:5 3,color:#b71c1c',
      '  class svc_default_orphan dangling',
      '  linkStyle 1 stroke:#d32f2f,color:#b71c1c',
      expect.stringMatching(/^ {2}%% error service-target-port-name Service\/default\/api spec\.ports\[0\]\.targetPort: named targetPort "htttp" is not exposed/),
      expect.stringMatching(/^ {2}%% error service-selects-nothing Service\/default\/orphan spec\.selector: selector \{"app":"gone"\} matches no pod template/),
    ]);
  });

  test('unresolved: pods not in the input, a missing governing Service and a slice for a missing Service, in orange', () => {
    const out = map([
      service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }, 'elsewhere'),
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'db' },
        spec: { serviceName: 'db-headless', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'db' }] } } },
      },
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'legacy-1', labels: { 'kubernetes.io/service-name': 'legacy' } },
        addressType: 'IPv4',
        endpoints: [{ addresses: ['192.0.2.1'] }],
        ports: [{ port: 443 }],
      },
    ]);
    expect(out).toContain('    svc_elsewhere_api("svc/api<br/>no pods in the input: app=api")');
    expect(out).toContain('  class svc_default_db_headless,svc_default_legacy,svc_elsewhere_api unresolved');
    expect(out).toContain('    svc_default_db_headless("svc/db-headless<br/>not in the input")');
    expect(out).toContain('  sts_default_db -.-|"serviceName"| svc_default_db_headless');
    expect(out).toContain('  svc_default_legacy -->|"443"| endpointslice_default_legacy_1');
    expect(out.filter(l => l.startsWith('  classDef'))).toEqual([expect.stringMatching(/^ {2}classDef unresolved /)]);
  });

  test('an Ingress backend naming a missing Service or port, and a NetworkPolicy selecting no pods, are marked with the reason', () => {
    const out = map([
      ingress('web', 'shop', [['/', 'frontend', 'htttp'], ['/api', 'gone', 80]]),
      service('frontend', { selector: { app: 'frontend' }, ports: [{ name: 'http', port: 80, targetPort: 3000 }] }, 'shop'),
      deployment('frontend', { app: 'frontend' }, [{ containerPort: 3000 }], 'shop'),
      policy('typo', 'shop', { matchLabels: { app: 'fronted' } }, [{}]),
    ]);
    expect(out).toContain('  ing_shop_web -.->|"shop.example.com/ → no port htttp"| svc_shop_frontend');
    expect(out).toContain('  ing_shop_web -.->|"shop.example.com/api → 80"| svc_shop_gone');
    expect(out).toContain('    svc_shop_gone("svc/gone<br/>not in the input")');
    expect(out).toEqual(expect.arrayContaining([expect.stringMatching(/^ {4}netpol_shop_typo\{\{"netpol\/typo<br\/>selects no pods: app=fronted/)]));
    expect(out).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}class .*svc_shop_gone.* (dangling|unresolved)$/)]));
  });

  test('a NetworkPolicy that allows the Service port where the container listens on another: that port marked, the right one not', () => {
    const out = map([
      service('frontend', { selector: { app: 'frontend' }, ports: [{ port: 80, targetPort: 3000 }] }, 'shop'),
      deployment('frontend', { app: 'frontend' }, [{ containerPort: 3000 }], 'shop'),
      policy('web-from-nginx', 'shop', { matchLabels: { app: 'frontend' } }, [{
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 80 }, { port: 3000 }],
      }]),
    ]);
    expect(out).toContain('  peer_ns_ingress_nginx -->|"web-from-nginx: 3000"| deploy_shop_frontend');
    expect(out).toContain('  peer_ns_ingress_nginx -.->|"web-from-nginx: 80 not a container port"| deploy_shop_frontend');
    expect(out).toContain('  linkStyle 2 stroke:#ef6c00,color:#e65100');
    expect(out).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}%% warning network-policy-port-number NetworkPolicy\/shop\/web-from-nginx spec\.ingress\[0\]\.ports\[0\]\.port: /)]));
  });

  test('deterministic: the same objects in any order give the same bytes', () => {
    const objects = shop();
    const expected = WiringMap.fromManifests(objects).toMermaid();
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 5; i++) {
      const shuffled = objects.map(o => ({ o, k: random() })).sort((a, b) => a.k - b.k).map(e => e.o);
      expect(WiringMap.fromManifests(shuffled).toMermaid()).toBe(expected);
    }
  });

  test('ids are sanitised for Mermaid and unique; labels escape quotes', () => {
    const out = map([
      service('a.b', { type: 'ExternalName', externalName: 'x"y.example.com' }),
      service('a-b', { type: 'ExternalName', externalName: 'x"y.example.com' }),
    ]);
    expect(out).toContain('    svc_default_a_b("svc/a-b<br/>ExternalName")');
    expect(out).toContain('    svc_default_a_b_2("svc/a.b<br/>ExternalName")');
    expect(out).toContain('  ext_x_y_example_com(["x#quot;y.example.com"])');
  });

  test('the example app: its map, with the fields that matter asserted beside the snapshot', () => {
    // nothing is written: the app is not synthesized
    const out = WiringMap.fromApp(buildExampleApp()).toMermaid();
    const rows = lines(out);
    // the Ingress to the orders API by port name, then to both tracks' container port
    expect(rows).toContain('  ing_network_api -->|"api.example.com/orders → http:80"| svc_network_orders_api');
    expect(rows).toContain('  svc_network_orders_api -->|"http:80 → http:8080"| deploy_network_orders_api_stable');
    // the policies: only the frontend reaches the image processor, on its named container port; the images
    // namespace reaches the resolver on the container ports behind UDP and TCP 53
    expect(rows).toContain('  deploy_images_frontend -->|"image-processor-from-frontend: http"| deploy_images_image_processor');
    expect(rows).toContain('  ns_images -->|"resolver-from-ns-images: dns/UDP, dns-tcp"| deploy_network_resolver');
    // a Service without a selector to its slice's addresses, an ExternalName to its host; nothing dangling
    expect(rows).toContain('  endpointslice_data_legacy_billing_ipv4_1 --> ip_10_20_0_15_10_20_0_16');
    expect(rows.filter(r => /classDef|-\.->/.test(r))).toEqual([]);
    expect(out).toMatchSnapshot();
  });

  test('readable at 50 Services: one node per Service and workload, one edge each, in a few hundred lines', () => {
    const objects = [];
    for (let i = 0; i < 50; i++) {
      const name = `svc-${String(i).padStart(2, '0')}`;
      objects.push(deployment(name, { app: name }, [{ name: 'http', containerPort: 8080 }], `team-${i % 5}`));
      objects.push({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: `team-${i % 5}` }, spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
    }
    const rows = map(objects);
    expect(rows.filter(r => r.includes('("svc/'))).toHaveLength(50);
    expect(rows.filter(r => r.includes('["deploy/'))).toHaveLength(50);
    expect(rows.filter(r => r.includes('-->|"http:80 → http:8080"|'))).toHaveLength(50);
    expect(rows.filter(r => r.startsWith('  subgraph '))).toHaveLength(5);
    expect(rows.length).toBeLessThan(200);
  });

  test('nothing to draw', () => {
    expect(map([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, 'not an object'])).toEqual(['flowchart LR', '  empty["no objects to draw"]']);
  });

  test('objects without a namespace land in the default namespace given', () => {
    expect(map([service('api', { type: 'ExternalName', externalName: 'api.example.com' })], 'team-a')).toContain('  subgraph ns_team_a["ns/team-a"]');
  });
});

describe('cdk8s-services map', () => {
  /** Runs the real command (it needs the compiled lib/, built before the tests). */
  function run(args: string[], input?: string) {
    if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'map.js'))) throw new Error('lib/cli/map.js is missing: compile first (npx projen compile)');
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const yaml = shop().map(o => JSON.stringify(o)).join('\n---\n');

  test('prints the same Mermaid as WiringMap, from standard input', () => {
    expect(run(['map', '-'], yaml)).toEqual({ status: 0, stdout: WiringMap.fromManifests(shop()).toMermaid(), stderr: '' });
  });

  test('reads directories as check does, with -n for objects without a namespace', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-services-map-'));
    try {
      fs.writeFileSync(path.join(dir, 'app.yaml'), [deployment('api', { app: 'api' }, [{ containerPort: 8080 }]), service('api', { selector: { app: 'api' }, ports: [{ port: 80, targetPort: 8080 }] })]
        .map(o => JSON.stringify(o)).join('\n---\n'));
      fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: [app.yaml]\n');
      const r = run(['map', '-n', 'team-a', dir]);
      expect(r.stdout).toBe([
        '```mermaid',
        'flowchart LR',
        '  subgraph ns_team_a["ns/team-a"]',
        '    svc_team_a_api("svc/api")',
        '    deploy_team_a_api["deploy/api"]',
        '  end',
        '  svc_team_a_api -->|"80 → 8080"| deploy_team_a_api',
        '```',
        '',
      ].join('\n'));
      expect(r.stderr).toBe(`cdk8s-services: ${path.join(dir, 'kustomization.yaml')}: note: skipped: it is a kustomization: check the output of kustomize build\n`);
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unreadable file: noted on standard error, exit 2, the rest still drawn', () => {
    const r = run(['map', 'no-such-file.yaml', '-'], yaml);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('svc_shop_api');
    expect(r.stderr).toBe('cdk8s-services: no-such-file.yaml: cannot read: no such file or directory\n');
  });

  test('check options are refused; --help lists map', () => {
    const r = run(['map', '--skip', 'service-port-number', '-']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cdk8s-services: --skip is not an option of map, which takes -R and -n/);
    expect(run(['--help']).stdout).toContain('usage: cdk8s-services map [-R] [-n NS] FILE|DIR|- ...');
  });
});
