// The apps the benchmark synthesizes: N Deployment + Service pairs (one named port, 3 replicas, ClusterIP) built
// four ways, plus a mixed app with all four Service types and multi-port Services.
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import {
  AppValidation, Backend, ClusterIPService, ContainerPort, Deployment, ExternalNameService, HeadlessService, Identity,
  LoadBalancerService, NodePortService,
} from '../src';

const IMAGE = 'registry.example.com/app:1.0.0';

/** One way of producing the YAML of N pairs into a directory. */
export type Variant = (n: number, outdir: string) => void;

function newApp(outdir: string): { app: App; chart: Chart } {
  const app = new App({ outdir });
  return { app, chart: new Chart(app, 'bench') };
}

/** This library: Deployment with an identity, ClusterIPService targeting the named port; validation included. */
export const ours: Variant = (n, outdir) => oursApp(n, outdir, true);

/** The same app with validation turned off: the difference is what validation costs. */
export const oursUnchecked: Variant = (n, outdir) => oursApp(n, outdir, false);

function oursApp(n: number, outdir: string, enabled: boolean): void {
  const { app, chart } = newApp(outdir);
  AppValidation.configure(app, { enabled });
  for (let i = 0; i < n; i++) {
    const http = ContainerPort.tcp(8080, { name: 'http' });
    const d = new Deployment(chart, `App${i}`, {
      metadata: { name: `app-${i}` },
      identity: Identity.of(`app-${i}`),
      replicas: 3,
      containers: [{ image: IMAGE, ports: [http] }],
    });
    new ClusterIPService(chart, `App${i}Service`, {
      metadata: { name: `app-${i}` },
      backend: Backend.fromWorkload(d),
      ports: [{ port: 80, targetPort: http }],
    });
  }
  app.synth();
}

/** cdk8s-plus-27: Deployment + exposeViaService. */
export const cdk8sPlus: Variant = (n, outdir) => {
  const { app, chart } = newApp(outdir);
  for (let i = 0; i < n; i++) {
    const d = new kplus.Deployment(chart, `App${i}`, {
      metadata: { name: `app-${i}` },
      replicas: 3,
      containers: [{ image: IMAGE, ports: [{ number: 8080, name: 'http' }] }],
    });
    d.exposeViaService({ name: `app-${i}`, ports: [{ port: 80, targetPort: 8080 }] });
  }
  app.synth();
};

/** The plain Deployment and Service of pair i, as the raw L1 objects and the floor write them. */
export function plainPair(i: number): [any, any] {
  const labels = { 'app.kubernetes.io/name': `app-${i}`, 'app.kubernetes.io/instance': `app-${i}` };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `app-${i}`, labels },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'main', image: IMAGE, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `app-${i}` },
    spec: { type: 'ClusterIP', selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
  };
  return [deployment, service];
}

/** Raw cdk8s L1 objects: KubeDeployment + KubeService. */
export const rawL1: Variant = (n, outdir) => {
  const { app, chart } = newApp(outdir);
  for (let i = 0; i < n; i++) {
    const [d, s] = plainPair(i);
    new k8s.KubeDeployment(chart, `App${i}`, {
      metadata: d.metadata,
      spec: {
        replicas: 3,
        selector: { matchLabels: d.spec.selector.matchLabels },
        template: {
          metadata: { labels: d.spec.template.metadata.labels },
          spec: { containers: [{ name: 'main', image: IMAGE, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] },
        },
      },
    });
    new k8s.KubeService(chart, `App${i}Service`, {
      metadata: s.metadata,
      spec: { type: 'ClusterIP', selector: s.spec.selector, ports: [{ name: 'http', port: 80, targetPort: k8s.IntOrString.fromString('http'), protocol: 'TCP' }] },
    });
  }
  app.synth();
};

/** The floor: the same plain objects, written with the YAML library cdk8s uses. */
export const floor: Variant = (n, outdir) => {
  const docs: any[] = [];
  for (let i = 0; i < n; i++) docs.push(...plainPair(i));
  fs.mkdirSync(outdir, { recursive: true });
  Yaml.save(path.join(outdir, 'bench.k8s.yaml'), docs);
};

/**
 * A mixed app with this library: N Services cycling through ClusterIP (multi-port, with UDP), headless, NodePort,
 * LoadBalancer and ExternalName, each ClusterIP/headless/NodePort/LoadBalancer one with its own Deployment.
 */
export const mixed: Variant = (n, outdir) => {
  const { app, chart } = newApp(outdir);
  for (let i = 0; i < n; i++) {
    const kind = i % 5;
    if (kind === 4) {
      new ExternalNameService(chart, `Db${i}`, { metadata: { name: `db-${i}` }, externalName: `db-${i}.example.com` });
      continue;
    }
    const http = ContainerPort.tcp(8080, { name: 'http' });
    const dns = ContainerPort.udp(5353, { name: 'dns' });
    const metrics = ContainerPort.tcp(9090, { name: 'metrics' });
    const d = new Deployment(chart, `App${i}`, {
      metadata: { name: `app-${i}` },
      identity: Identity.of(`app-${i}`),
      replicas: 3,
      containers: [{ image: IMAGE, ports: [http, dns, metrics] }],
    });
    const backend = Backend.fromWorkload(d);
    const metadata = { name: `app-${i}` };
    switch (kind) {
      case 0:
        new ClusterIPService(chart, `Svc${i}`, {
          metadata,
          backend,
          ports: [{ port: 80, targetPort: http }, { port: 53, targetPort: dns }, { port: 9090, targetPort: metrics }],
        });
        break;
      case 1:
        new HeadlessService(chart, `Svc${i}`, { metadata, backend, ports: [{ port: 8080, targetPort: http }] });
        break;
      case 2:
        new NodePortService(chart, `Svc${i}`, { metadata, backend, ports: [{ port: 80, targetPort: http, nodePort: 30000 + (i % 2768) }] });
        break;
      default:
        new LoadBalancerService(chart, `Svc${i}`, {
          metadata,
          backend,
          loadBalancerSourceRanges: ['10.0.0.0/8'],
          ports: [{ port: 443, targetPort: http }, { port: 9090, targetPort: metrics }],
        });
    }
  }
  app.synth();
};

export const VARIANTS: Record<string, Variant> = { ours, oursUnchecked, cdk8sPlus, rawL1, floor, mixed };
