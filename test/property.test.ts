// Property-based tests: whatever configuration the constructs accept synthesizes objects that the checker and the
// Kubernetes OpenAPI schema accept; whatever malformed input the checker gets, it answers with findings, never an
// exception.
import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import {
  AppValidation, Backend, ClusterIPService, ContainerPort, DefaultDenyPolicy, Deployment, HeadlessService, Identity, LoadBalancerService,
  ManifestChecker, NetworkPeer, NodePortService, Service, SessionAffinity, TrafficPolicy,
} from '../src';
import { expectSchemaValid, validationErrors, views } from './util';
import { main } from '../src/cli';

const dnsLabel = fc.stringMatching(/^[a-z]([-a-z0-9]{0,20}[a-z0-9])?$/);
const portName = fc.stringMatching(/^[a-z](-?[a-z0-9]){0,7}$/);
const protocol = fc.constantFrom<'tcp' | 'udp' | 'sctp'>('tcp', 'udp', 'sctp');
const cidr = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255), fc.integer({ min: 0, max: 32 })).map(([a, b, c, d, n]) => `${a}.${b}.${c}.${d}/${n}`);

/** Container ports with unique names and unique number/protocol pairs. */
const containerPorts = fc.uniqueArray(fc.record({ name: portName, number: fc.integer({ min: 1, max: 65535 }), protocol }), {
  minLength: 1, maxLength: 4, selector: p => p.name,
}).filter(ports => new Set(ports.map(p => `${p.number}/${p.protocol}`)).size === ports.length);

const config = fc.record({
  type: fc.constantFrom('ClusterIP', 'Headless', 'NodePort', 'LoadBalancer'),
  app: dnsLabel,
  namespace: fc.option(dnsLabel, { nil: undefined }),
  replicas: fc.integer({ min: 0, max: 10 }),
  ports: containerPorts,
  servicePorts: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }).filter(p => p !== 10250), { minLength: 1, maxLength: 4 }),
  nodePorts: fc.uniqueArray(fc.integer({ min: 30000, max: 32767 }), { minLength: 4, maxLength: 4 }),
  useNodePorts: fc.boolean(),
  timeout: fc.option(fc.integer({ min: 1, max: 86400 }), { nil: undefined }),
  local: fc.boolean(),
  sourceRanges: fc.array(cidr, { maxLength: 3 }),
  // a client allowed to reach some of the Service's ports (NetworkPolicy), and an Ingress in front of the Service
  allow: fc.option(fc.record({ peer: fc.constantFrom('workload', 'namespace', 'cidr'), ports: fc.nat(3), egress: fc.boolean() }), { nil: undefined }),
  ingress: fc.boolean(),
  defaultDeny: fc.option(fc.boolean(), { nil: undefined }),
});

describe('properties', () => {
  test('any configuration the constructs accept synthesizes objects the checker and the OpenAPI schema accept', () => {
    fc.assert(fc.property(config, c => {
      const app = Testing.app();
      AppValidation.configure(app, { printWarnings: false });
      const chart = new Chart(app, 'prop', { namespace: c.namespace });
      const ports = c.ports.map(p => ContainerPort[p.protocol](p.number, { name: p.name }));
      const d = new Deployment(chart, 'App', {
        identity: Identity.of(c.app),
        replicas: c.replicas,
        containers: [{ image: 'registry.example.com/app:1', ports }],
      });
      const backend = Backend.fromWorkload(d);
      // each service port targets a container port; names come from the container ports, which are unique
      const servicePorts = c.servicePorts.slice(0, ports.length).map((port, i) => ({ port, targetPort: ports[i] }));
      const withNodePorts = servicePorts.map((p, i) => ({ ...p, nodePort: c.useNodePorts ? c.nodePorts[i] : undefined }));
      const affinity = c.timeout ? SessionAffinity.clientIP({ timeout: Duration.seconds(c.timeout) }) : undefined;
      const policy = c.local ? TrafficPolicy.LOCAL : TrafficPolicy.CLUSTER;
      let svc: Service;
      switch (c.type) {
        case 'ClusterIP': svc = new ClusterIPService(chart, 'Svc', { backend, ports: servicePorts, sessionAffinity: affinity }); break;
        case 'Headless': svc = new HeadlessService(chart, 'Svc', { backend, ports: servicePorts }); break;
        case 'NodePort': svc = new NodePortService(chart, 'Svc', { backend, ports: withNodePorts, externalTrafficPolicy: policy, sessionAffinity: affinity }); break;
        default: svc = new LoadBalancerService(chart, 'Svc', {
          backend, ports: withNodePorts, externalTrafficPolicy: policy, loadBalancerSourceRanges: c.sourceRanges, sessionAffinity: affinity,
        });
      }
      if (c.allow) {
        const client = new Deployment(chart, 'Client', { identity: Identity.of(`${c.app}-client`), containers: [{ image: 'registry.example.com/client:1' }] });
        const peer = c.allow.peer === 'workload' ? NetworkPeer.workload(client) : c.allow.peer === 'namespace' ? NetworkPeer.namespace('clients') : NetworkPeer.ipBlock('10.0.0.0/8');
        const allowed = svc.servicePorts.slice(0, Math.max(1, c.allow.ports));
        (svc as ClusterIPService).allowFrom(peer, { ports: allowed, egress: c.allow.peer === 'workload' && c.allow.egress });
      }
      const tcp = svc.servicePorts.find(p => p.protocol === kplus.Protocol.TCP);
      if (c.ingress && c.type !== 'Headless' && tcp) {
        new kplus.Ingress(chart, 'Ingress', { metadata: { name: 'web' } }).addRule('/', (svc as ClusterIPService).ingressBackend(tcp), kplus.HttpIngressPathType.PREFIX);
      }
      if (c.defaultDeny !== undefined) new DefaultDenyPolicy(chart, 'Deny', { egress: c.defaultDeny });
      expect(validationErrors(chart)).toEqual([]);
      // the views the checker reads of the Deployment and the Service are what they render
      for (const construct of [d, svc]) {
        const { own, rendered } = views(construct);
        expect(own).toEqual(rendered);
      }
      const manifests = Testing.synth(chart);
      for (const m of manifests) expectSchemaValid(m);
      expect(new ManifestChecker().check(manifests).filter(f => f.severity === 'error')).toEqual([]);
    }), { numRuns: 150 });
  });

  const findingShape = {
    severity: expect.stringMatching(/^(error|warning)$/),
    rule: expect.any(String),
    index: expect.any(Number),
    kind: expect.any(String),
    namespace: expect.any(String),
    name: expect.any(String),
    field: expect.any(String),
    message: expect.any(String),
  };

  test('random malformed manifests produce findings, never an exception', () => {
    const junk = fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true });
    const portish = fc.record({ port: junk, targetPort: junk, nodePort: junk, protocol: junk, name: junk, appProtocol: junk }, { requiredKeys: [] });
    const manifest = fc.record({
      apiVersion: fc.oneof(fc.constantFrom(
        'v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'discovery.k8s.io/v1', 'autoscaling/v2', 'policy/v1', 'monitoring.coreos.com/v1',
        'gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1alpha2',
      ), junk),
      kind: fc.oneof(fc.constantFrom(
        'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob', 'Ingress', 'NetworkPolicy', 'EndpointSlice',
        'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'ServiceMonitor', 'PodMonitor', 'HTTPRoute', 'GRPCRoute', 'TCPRoute', 'UDPRoute',
      ), junk),
      metadata: fc.oneof(fc.record({
        name: fc.oneof(fc.string(), junk), namespace: fc.oneof(fc.string(), junk), labels: junk, annotations: junk,
      }, { requiredKeys: [] }), junk),
      spec: fc.oneof(junk, fc.record({
        type: fc.oneof(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'), junk),
        ports: fc.oneof(fc.array(fc.oneof(portish, junk), { maxLength: 3 }), junk),
        selector: junk,
        clusterIP: junk,
        clusterIPs: junk,
        ipFamilies: junk,
        ipFamilyPolicy: junk,
        externalIPs: junk,
        sessionAffinity: fc.oneof(fc.constant('ClientIP'), junk),
        sessionAffinityConfig: junk,
        externalName: junk,
        loadBalancerSourceRanges: junk,
        externalTrafficPolicy: junk,
        healthCheckNodePort: junk,
        template: fc.oneof(junk, fc.record({
          metadata: junk,
          spec: fc.oneof(junk, fc.record({
            containers: fc.array(fc.record({ name: junk, image: junk, ports: junk, volumeMounts: junk }, { requiredKeys: [] }), { maxLength: 2 }),
            initContainers: junk,
            volumes: junk,
            restartPolicy: junk,
            dnsPolicy: junk,
            dnsConfig: junk,
          }, { requiredKeys: [] })),
        })),
        // workload specs
        replicas: junk,
        minReadySeconds: junk,
        revisionHistoryLimit: junk,
        progressDeadlineSeconds: junk,
        strategy: junk,
        updateStrategy: junk,
        podManagementPolicy: junk,
        parallelism: junk,
        completions: junk,
        backoffLimit: junk,
        completionMode: junk,
        schedule: junk,
        concurrencyPolicy: junk,
        jobTemplate: junk,
        volumeClaimTemplates: junk,
        serviceName: junk,
        // Ingress, NetworkPolicy, autoscaling, disruption budgets, monitors and routes
        defaultBackend: junk,
        rules: junk,
        tls: junk,
        ingressClassName: junk,
        podSelector: junk,
        policyTypes: junk,
        ingress: junk,
        egress: junk,
        scaleTargetRef: junk,
        minReplicas: junk,
        maxReplicas: junk,
        minAvailable: junk,
        maxUnavailable: junk,
        endpoints: junk,
        podMetricsEndpoints: junk,
        namespaceSelector: junk,
        parentRefs: junk,
        backendRefs: junk,
        trafficDistribution: junk,
      }, { requiredKeys: [] })),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(fc.oneof(manifest, junk), { maxLength: 6 }), fc.boolean(), (manifests, linkage) => {
      const findings = new ManifestChecker({ linkage }).check(manifests);
      for (const f of findings) expect(f).toEqual(findingShape);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) });
  });

  test('random text given to the command line ends in exit 0, 1 or 2, never an exception', () => {
    const yamlish = fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom('---\n', 'kind: Service\n', 'apiVersion: v1\n', 'metadata: {name: x}\n', 'spec:\n', '  ports: [{port: 80}]\n',
        '  selector: {app: a}\n', '- a\n', 'a: [\n', ': :\n', '&a x\n', '*a\n', '!!binary x\n', '  type: NodePort\n', 'kind: List\nitems: [1, {kind: Pod}]\n'), { maxLength: 12 })
        .map(parts => parts.join('')),
    );
    fc.assert(fc.property(yamlish, text => {
      let out = '';
      const status = main(['check', '-'], { stdout: s => { out += s; }, stderr: s => { out += s; }, readStdin: () => text });
      expect([0, 1, 2]).toContain(status);
      expect(out).not.toMatch(/\n\s+at /);
    }), { numRuns: 400 });
  });
});
