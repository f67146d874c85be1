// The checker on manifests nobody here wrote: 20 public repositories (test/fixtures/real-world/SOURCES.md). Each
// source is checked unit by unit, as it is deployed: a file, or a directory applied with `kubectl apply -f`. The
// findings of each source are asserted exactly; deployable units give no error. A unit that gives errors is listed
// in NOT_DEPLOYABLE with the reason the API server (or kubectl) refuses it.
import * as fs from 'fs';
import * as path from 'path';
import { ManifestChecker } from '../src';
import { checkManifestFiles } from '../src/manifest-files';
import { readManifests } from '../src/manifest-reader';

const ROOT = path.join(__dirname, 'fixtures', 'real-world');

interface Source {
  /** The directory under test/fixtures/real-world. */
  readonly name: string;
  /** The units, as deployed: files, or directories (their manifest files, applied together). */
  readonly units: readonly string[];
  /** Every finding of every unit, in order: `file:line:column severity rule kind/[namespace/]name field`; reading notes as `file:line:column severity (reading)`. */
  readonly findings: readonly string[];
}

const WEBSITE = 'content/en/examples';

const SOURCES: readonly Source[] = [
  {
    name: 'argo-rollouts',
    units: [
      // ambassador, apisix, appmesh: a Rollout and its Services in two files, applied together
      'examples/ambassador', 'examples/apisix', 'examples/appmesh', 'examples/istio/istio-mirror.yaml', 'examples/istio/istio-subset-split.yaml',
      'examples/notifications/rollout-canary.yaml', 'examples/rollout-bluegreen.yaml', 'examples/rollout-canary-preview.yaml', 'examples/rollout-canary.yaml',
      'examples/rollout-template-ref.yaml', 'examples/traffic-routing-experiment-step/istio-host-split-experiment-step.yaml',
      'examples/traffic-routing-experiment-step/rollout-alb-experiment-step.yaml', 'examples/traffic-routing-experiment-step/rollout-smi-experiment-step.yaml',
    ],
    findings: [
      'examples/notifications/rollout-canary.yaml:8:1 warning service-open-load-balancer Service/rollouts-canary spec.loadBalancerSourceRanges',
      // the API server's own warning on create: the class annotation without spec.ingressClassName is deprecated
      'examples/notifications/rollout-canary.yaml:22:5 warning ingress-class-annotation Ingress/rollouts-demo-stable metadata.annotations[kubernetes.io/ingress.class]',
      // the preview pods come from the Rollout's experiment step, not from its spec.template: a warning naming the Rollout
      'examples/rollout-canary-preview.yaml:52:3 warning service-pods-elsewhere Service/rollout-canary-preview spec.selector',
      // networking.k8s.io/v1beta1 Ingresses (serviceName/servicePort backends), removed in Kubernetes 1.22
      'examples/traffic-routing-experiment-step/rollout-alb-experiment-step.yaml:43:1 error object-api-version Ingress/alb-rollout-ingress apiVersion',
      'examples/traffic-routing-experiment-step/rollout-smi-experiment-step.yaml:31:1 error object-api-version Ingress/rollout-smi-experiment-stable apiVersion',
    ],
  },
  {
    name: 'cloudnative-pg',
    units: ['docs/src/samples/cluster-example-monitoring.yaml', 'docs/src/samples/cluster-example.yaml', 'docs/src/samples/networkpolicy-example.yaml'],
    findings: [
      // a sample applied on its own: the pods it selects are those the CNPG operator creates for a Cluster defined elsewhere
      'docs/src/samples/networkpolicy-example.yaml:9:3 warning network-policy-pods-elsewhere NetworkPolicy/allow-operator spec.podSelector',
    ],
  },
  {
    name: 'emojivoto',
    units: ['emojivoto.yml'],
    findings: ['emojivoto.yml:163:1 warning service-open-load-balancer Service/emojivoto/web-svc spec.loadBalancerSourceRanges'],
  },
  { name: 'gcp-microservices-demo', units: ['release/kubernetes-manifests.yaml'], findings: [] },
  {
    name: 'ingress-nginx',
    units: ['aws', 'baremetal', 'cloud', 'do', 'exoscale', 'kind'].map(p => `deploy/static/provider/${p}/deploy.yaml`),
    findings: [
      'deploy/static/provider/aws/deploy.yaml:287:1 warning service-open-load-balancer Service/ingress-nginx/ingress-nginx-controller spec.loadBalancerSourceRanges',
      'deploy/static/provider/cloud/deploy.yaml:346:1 warning service-open-load-balancer Service/ingress-nginx/ingress-nginx-controller spec.loadBalancerSourceRanges',
      'deploy/static/provider/do/deploy.yaml:349:1 warning service-open-load-balancer Service/ingress-nginx/ingress-nginx-controller spec.loadBalancerSourceRanges',
      'deploy/static/provider/exoscale/deploy.yaml:282:1 warning service-open-load-balancer Service/ingress-nginx/ingress-nginx-controller spec.loadBalancerSourceRanges',
    ],
  },
  {
    name: 'istio-samples',
    units: [
      'samples/addons/loki.yaml', 'samples/bookinfo/platform/kube/bookinfo-dualstack.yaml', 'samples/bookinfo/platform/kube/bookinfo-psa.yaml',
      'samples/bookinfo/platform/kube/bookinfo-versions.yaml', 'samples/bookinfo/platform/kube/bookinfo.yaml', 'samples/helloworld/helloworld.yaml',
      'samples/httpbin/httpbin.yaml',
    ],
    findings: [
      // per-version Services applied on top of bookinfo.yaml: their pods are in that file
      'samples/bookinfo/platform/kube/bookinfo-versions.yaml:9:3 warning service-pods-elsewhere Service/reviews-v1 spec.selector',
      'samples/bookinfo/platform/kube/bookinfo-versions.yaml:21:3 warning service-pods-elsewhere Service/reviews-v2 spec.selector',
      'samples/bookinfo/platform/kube/bookinfo-versions.yaml:33:3 warning service-pods-elsewhere Service/reviews-v3 spec.selector',
    ],
  },
  {
    name: 'kube-prometheus',
    units: ['examples/example-app/example-app.yaml', 'manifests'],
    findings: [
      // the Alertmanager and Prometheus custom resources run the pods: warnings naming them
      'manifests/alertmanager-service.yaml:17:3 warning service-pods-elsewhere Service/monitoring/alertmanager-main spec.selector',
      'manifests/prometheus-service.yaml:20:3 warning service-pods-elsewhere Service/monitoring/prometheus-k8s spec.selector',
    ],
  },
  { name: 'kube-state-metrics', units: ['examples/standard'], findings: [] },
  {
    name: 'kuberay',
    units: [
      'ray-operator/config/samples/ray-cluster.kubernetes.auth.yaml', 'ray-operator/config/samples/ray-cluster.persistent-redis.yaml',
      'ray-operator/config/samples/ray-service.high-availability.yaml',
    ],
    findings: [],
  },
  { name: 'kubernetes-dashboard', units: ['aio/deploy/alternative.yaml', 'aio/deploy/recommended.yaml'], findings: [] },
  {
    name: 'kubernetes-examples',
    units: ['_archived/openshift-origin', 'guestbook-go', 'web/guestbook/all-in-one/guestbook-all-in-one.yaml'],
    findings: [
      // spec.selector written twice (with the same labels): read as kubectl reads it, with a warning
      '_archived/openshift-origin/etcd-controller.yaml:12:3 warning (reading)',
      '_archived/openshift-origin/etcd-discovery-controller.yaml:12:3 warning (reading)',
      '_archived/openshift-origin/openshift-controller.yaml:12:3 warning (reading)',
    ],
  },
  {
    name: 'kubernetes-kubernetes',
    units: ['examples/meteor', 'examples/storm'],
    findings: [
      'examples/meteor/meteor-service.json:2:3 error object-api-version Service/ apiVersion',
      'examples/meteor/mongo-service.json:4:3 error object-api-version Service/ apiVersion',
      'examples/storm/storm-nimbus-service.json:4:3 error object-api-version Service/ apiVersion',
      'examples/storm/zookeeper.json:4:3 error object-api-version Pod/ apiVersion',
    ],
  },
  {
    name: 'kubernetes-website',
    units: [
      // the guestbook and canary files come from different commits (their selectors drifted apart): one by one
      ...['canary/app-service', 'canary/app-v1-deployment', 'canary/app-v2-deployment', 'guestbook/frontend-deployment', 'guestbook/frontend-service',
        'guestbook/redis-follower-deployment', 'guestbook/redis-follower-service', 'guestbook/redis-leader-deployment', 'guestbook/redis-leader-service',
        'job/cronjob', 'job/indexed-job', 'web/web'].map(f => `${WEBSITE}/application/${f}.yaml`),
      `${WEBSITE}/application/wordpress`, `${WEBSITE}/application/zookeeper/zookeeper.yaml`,
      ...['daemonset', 'frontend', 'job', 'nginx-deployment', 'replication', 'statefulset'].map(f => `${WEBSITE}/controllers/${f}.yaml`),
      `${WEBSITE}/service/access`, `${WEBSITE}/service/networking/nginx-secure-app.yaml`,
    ],
    findings: [
      `${WEBSITE}/application/canary/app-service.yaml:9:3 warning service-pods-elsewhere Service/rollout-demo-service spec.selector`,
      `${WEBSITE}/application/guestbook/frontend-service.yaml:17:3 warning service-pods-elsewhere Service/frontend spec.selector`,
      `${WEBSITE}/application/guestbook/redis-follower-service.yaml:14:3 warning service-pods-elsewhere Service/redis-follower spec.selector`,
      `${WEBSITE}/application/guestbook/redis-leader-service.yaml:14:3 warning service-pods-elsewhere Service/redis-leader spec.selector`,
      `${WEBSITE}/application/job/cronjob.yaml:1:1 error object-api-version CronJob/hello apiVersion`,
      `${WEBSITE}/application/wordpress/wordpress-deployment.yaml:7:1 warning service-open-load-balancer Service/wordpress spec.loadBalancerSourceRanges`,
    ],
  },
  { name: 'local-path-provisioner', units: ['deploy/local-path-storage.yaml'], findings: [] },
  {
    name: 'lws',
    units: [
      'docs/examples/llamacpp/k8s/lws.yaml', 'docs/examples/sample/lws-volume-claim-templates.yaml', 'docs/examples/sglang/lws.yaml',
      'docs/examples/tensorrt-llm/rbac.yaml', 'docs/examples/vllm/GPU/lws.yaml',
    ],
    findings: [
      // a LeaderWorkerSet runs the leader pods: warnings naming it
      'docs/examples/sample/lws-volume-claim-templates.yaml:57:3 warning service-pods-elsewhere Service/lws-leader spec.selector',
      'docs/examples/sglang/lws.yaml:96:3 warning service-pods-elsewhere Service/sglang-leader spec.selector',
    ],
  },
  { name: 'metrics-server', units: ['manifests/base', 'manifests/metrics-server-deployment.yaml'], findings: [] },
  {
    name: 'mongodb-community-operator',
    units: ['config/samples/arbitrary_statefulset_configuration/mongodb.com_v1_hostpath.yaml', 'config/samples/external_access/external_services.yaml'],
    findings: [0, 1, 2].flatMap(i => {
      const at = `config/samples/external_access/external_services.yaml:${[8, 25, 41][i]}:3`;
      return [
        `${at} error service-selector Service/external-mongo-service-${i} spec.selector`,
        `${at} error service-selector Service/external-mongo-service-${i} spec.selector`,
        `${at} warning service-pods-elsewhere Service/external-mongo-service-${i} spec.selector`,
      ];
    }),
  },
  {
    name: 'prometheus-operator',
    units: ['example/thanos', 'example/user-guides/alerting', 'example/user-guides/getting-started'],
    findings: [
      'example/thanos/sidecar-service.yaml:14:3 warning service-pods-elsewhere Service/default/thanos-sidecar spec.selector',
      'example/user-guides/alerting/alertmanager-example-service.yaml:13:3 warning service-pods-elsewhere Service/alertmanager-example spec.selector',
      'example/user-guides/getting-started/prometheus-service.yaml:13:3 warning service-pods-elsewhere Service/prometheus spec.selector',
    ],
  },
  {
    name: 'rook',
    units: ['deploy/examples/common-second-cluster.yaml', 'deploy/examples/common.yaml', 'deploy/examples/csi-operator/rbac.yaml', 'deploy/examples/csi/nfs/rbac.yaml'],
    findings: [
      // the metrics Service ships with the RBAC; the operator's Deployment is in another file
      'deploy/examples/csi-operator/rbac.yaml:66:3 warning service-pods-elsewhere Service/rook-ceph/controller-manager-metrics-service spec.selector',
    ],
  },
  {
    name: 'sock-shop',
    units: ['deploy/kubernetes/complete-demo.yaml', 'deploy/kubernetes/manifests-jaeger', 'deploy/kubernetes/manifests-logging', 'deploy/kubernetes/manifests-monitoring'],
    findings: [
      ...[[7, 'cart-db'], [59, 'cart'], [112, 'catalogue-db'], [153, 'catalogue'], [200, 'front-end'], [245, 'orders-db'], [297, 'orders'], [350, 'payment'],
        [397, 'queue-master'], [434, 'rabbitmq'], [479, 'shipping'], [533, 'user-db'], [585, 'user'], [637, 'zipkin']]
        .map(([line, name]) => `deploy/kubernetes/complete-demo.yaml:${line}:1 error object-api-version Deployment/sock-shop/${name} apiVersion`),
      'deploy/kubernetes/manifests-jaeger/jaeger.yaml:74:3 warning service-open-load-balancer Service/jaeger/jaeger-query spec.loadBalancerSourceRanges',
      // the collector listens on ports its container does not declare
      'deploy/kubernetes/manifests-jaeger/jaeger.yaml:96:7 warning service-target-port-number Service/jaeger/jaeger-collector spec.ports[0].targetPort',
      'deploy/kubernetes/manifests-jaeger/jaeger.yaml:100:7 warning service-target-port-number Service/jaeger/jaeger-collector spec.ports[1].targetPort',
      'deploy/kubernetes/manifests-monitoring/prometheus-svc.yaml:10:1 warning service-open-load-balancer Service/monitoring/prometheus spec.loadBalancerSourceRanges',
      'deploy/kubernetes/manifests-monitoring/prometheus-svc.yaml:25:3 error object-duplicate Service/monitoring/prometheus metadata.name',
    ],
  },
];

/** The units that give errors, and why the API server, kubectl or the tools around them refuse them. */
const NOT_DEPLOYABLE: Readonly<Record<string, string>> = {
  'argo-rollouts/examples/traffic-routing-experiment-step/rollout-alb-experiment-step.yaml': 'a networking.k8s.io/v1beta1 Ingress, removed in Kubernetes 1.22',
  'argo-rollouts/examples/traffic-routing-experiment-step/rollout-smi-experiment-step.yaml': 'a networking.k8s.io/v1beta1 Ingress, removed in Kubernetes 1.22',
  'kubernetes-kubernetes/examples/meteor': 'Services of apiVersion v1beta1 (before Kubernetes 1.0): no API server serves that version any more',
  'kubernetes-kubernetes/examples/storm': 'a Service and a Pod of apiVersion v1beta1 (before Kubernetes 1.0)',
  [`kubernetes-website/${WEBSITE}/application/job/cronjob.yaml`]: 'a batch/v1beta1 CronJob, removed in Kubernetes 1.25',
  'mongodb-community-operator/config/samples/external_access/external_services.yaml': 'selectors with <mongodb-name> placeholders, to be replaced before applying',
  'sock-shop/deploy/kubernetes/complete-demo.yaml': 'extensions/v1beta1 Deployments, removed in Kubernetes 1.16',
  'sock-shop/deploy/kubernetes/manifests-monitoring':
    'two Services named prometheus in one namespace (prometheus-svc.yaml): kubectl create refuses the second, kustomize refuses the duplicate id, and kubectl apply silently keeps only the NodePort one',
};

/** The manifest files of a unit, relative to its source. */
function unitFiles(source: string, unit: string): string[] {
  const full = path.join(ROOT, source, unit);
  if (!fs.statSync(full).isDirectory()) return [unit];
  return fs.readdirSync(full).filter(f => /\.(ya?ml|json)$/.test(f)).sort().map(f => path.posix.join(unit, f));
}

function checkUnit(source: string, unit: string) {
  const files = unitFiles(source, unit);
  const result = checkManifestFiles(files.map(file => ({ file, text: fs.readFileSync(path.join(ROOT, source, file), 'utf8') })), new ManifestChecker());
  const lines = [
    ...result.notes.map(n => `${n.file}:${n.line}:${n.column} ${n.severity} (reading)`),
    ...result.findings.map(f => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.kind}/${f.namespace ? `${f.namespace}/` : ''}${f.name} ${f.field}`),
  ];
  return { files, lines, errors: result.findings.filter(f => f.severity === 'error').length, objects: result.objects };
}

describe('real-world manifests', () => {
  test.each(SOURCES.map(s => [s.name, s] as const))('%s: exactly the intended findings', (_name, source) => {
    const lines = source.units.flatMap(unit => checkUnit(source.name, unit).lines);
    expect(lines).toEqual(source.findings);
  });

  test('deployable units give no error; the others are listed with the reason they cannot be applied', () => {
    const withErrors = SOURCES.flatMap(s => s.units.filter(u => checkUnit(s.name, u).errors > 0).map(u => `${s.name}/${u}`));
    expect(withErrors.sort()).toEqual(Object.keys(NOT_DEPLOYABLE).sort());
  });

  test('every fixture file belongs to exactly one unit, and every source is described in SOURCES.md', () => {
    const inUnits = SOURCES.flatMap(s => s.units.flatMap(u => unitFiles(s.name, u).map(f => `${s.name}/${f}`)));
    const onDisk: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full); else if (/\.(ya?ml|json)$/.test(entry.name)) onDisk.push(path.relative(ROOT, full).split(path.sep).join('/'));
      }
    };
    walk(ROOT);
    expect([...inUnits].sort()).toEqual(onDisk.sort());
    expect(new Set(inUnits).size).toBe(inUnits.length);
    const described = fs.readFileSync(path.join(ROOT, 'SOURCES.md'), 'utf8');
    expect(SOURCES.map(s => s.name).filter(name => !described.includes(`### ${name}\n`))).toEqual([]);
    const directories = fs.readdirSync(ROOT, { withFileTypes: true }).filter(e => e.isDirectory()).map(e => e.name);
    expect(directories.sort()).toEqual(SOURCES.map(s => s.name).sort());
  });

  test('at least 10 sources and 500 objects, read as kubectl reads them', () => {
    let objects = 0;
    for (const s of SOURCES) {
      for (const u of s.units) {
        for (const f of unitFiles(s.name, u)) objects += readManifests(fs.readFileSync(path.join(ROOT, s.name, f), 'utf8')).objects.length;
      }
    }
    expect(SOURCES.length).toBeGreaterThanOrEqual(10);
    expect(objects).toBeGreaterThanOrEqual(500);
  });

  test('the command line over a whole source, as a GitOps repository would hold it: -R, exit status 0', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { main } = require('../src/cli');
    let out = '';
    const status = main(['check', '-R', path.join(ROOT, 'kube-prometheus', 'manifests')], {
      stdout: (t: string) => { out += t; }, stderr: (t: string) => { out += t; }, readStdin: () => '',
    });
    expect(status).toBe(0);
    expect(out).toMatch(/^0 errors, 2 warnings in 16 objects from 12 files$/m);
  });
});
