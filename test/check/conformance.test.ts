// Conformance table for ManifestChecker against the Kubernetes 1.27 API server's create-time validation of v1
// Service and of the Service-related parts of workloads and pod templates, plus our own linkage rules.
//
// Each case names the Go function its expectation comes from (`source`), the rule it exercises, the manifests, and
// either `accept` (no error finding) or `reject` (a finding with exactly that rule and field, whose message contains
// the Kubernetes text). Cases where the engine disagreed with Kubernetes and was fixed keep their evidence, in
// RESOLVED_GAPS, and run with the table. A new disagreement goes in KNOWN_GAPS, run as `test.failing`, until fixed.
import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import {
  Case, HTTP_PORT, MSG, app, bad, container, ctrPorts, deployment, externalName, ok, service, svcPorts, svcSpec, withContainers, withSelector,
} from './cases-builders';
import { DECODE_CASES } from './cases-decode';
import { ENDPOINTSLICE_CASES } from './cases-endpointslice';
import { INGRESS_CASES } from './cases-ingress';
import { LINKAGE_CASES } from './cases-linkage';
import { NETWORK_POLICY_CASES } from './cases-network-policy';
import { POD_SOURCE_CASES } from './cases-pod-sources';
import { POD_SPEC_CASES } from './cases-pod-spec';
import { REFERENCE_CASES } from './cases-references';
import { SERVICE_CASES } from './cases-service';
import { SERVICE_CREATE_CASES } from './cases-service-create';
import { WORKLOAD_CASES } from './cases-workload';
import { WORKLOAD_SPEC_CASES } from './cases-workload-spec';
import {
  AppValidation, Backend, ClusterIPService, ContainerPort, Deployment, Finding, Identity, ManifestChecker, RuleScope,
} from '../../src';

/** The conformance table: every case here passes. */
export const CASES: Case[] = [
  ...SERVICE_CASES, ...SERVICE_CREATE_CASES, ...WORKLOAD_CASES, ...WORKLOAD_SPEC_CASES, ...POD_SPEC_CASES, ...ENDPOINTSLICE_CASES, ...LINKAGE_CASES,
  ...POD_SOURCE_CASES, ...DECODE_CASES, ...REFERENCE_CASES, ...INGRESS_CASES, ...NETWORK_POLICY_CASES,
];

/**
 * A case where the engine disagrees with Kubernetes 1.27, with the evidence.
 */
export type Gap = Case & {
  /** What Kubernetes does, with the function and field, and what the engine does instead. */
  readonly evidence: string;
};

function gap(c: Case, evidence: string): Gap {
  return { ...c, evidence };
}

/**
 * Where the engine disagreed with the Kubernetes source, with the evidence; fixed, and run with the table.
 */
export const RESOLVED_GAPS: Gap[] = [
  gap(
    ok('ValidateObjectMeta', 'object-name', 'Service with generateName and no name', [service({ metadata: { name: undefined, generateName: 'web-' } }), deployment()]),
    'ValidateObjectMetaAccessor only requires `name or generateName`; the name is generated in Store.Create. The engine ignores generateName and ' +
    'reports object-name metadata.name "Required value: name or generateName is required".',
  ),
  gap(
    ok('SetDefaults_Service', 'service-type', 'empty type defaults to ClusterIP', svcSpec({ type: '' })),
    'SetDefaults_Service: `if obj.Spec.Type == "" { obj.Spec.Type = ClusterIP }` (an empty string is the unset value in Go). The engine defaults ' +
    'only an absent type and reports service-type spec.type `Unsupported value: ""`.',
  ),
  gap(
    ok('SetDefaults_Service', 'service-port-protocol', 'empty port protocol defaults to TCP', svcPorts({ ...HTTP_PORT, protocol: '' })),
    'SetDefaults_Service: `if sp.Protocol == "" { sp.Protocol = TCP }`. The engine reports service-port-protocol spec.ports[0].protocol ' +
    '`Unsupported value: ""`, and service-target-port-name compares the container protocol TCP with "".',
  ),
  gap(
    ok('SetDefaults_Service', 'service-target-port-name', 'empty targetPort is defaulted to port, so it names no container port',
      svcPorts({ ...HTTP_PORT, targetPort: '' })),
    'SetDefaults_Service: `if sp.TargetPort == intstr.FromString("") { sp.TargetPort = intstr.FromInt(int(sp.Port)) }`, so "" means port 80. ' +
    'The Service rules default it (service-target-port accepts), but the linkage rules read the raw manifest and report service-target-port-name ' +
    '`named targetPort "" is not exposed`.',
  ),
  gap(
    ok('SetDefaults_Service', 'service-target-port-number', 'targetPort 0 is defaulted to port 8080, which the container declares',
      svcPorts({ name: 'http', port: 8080, targetPort: 0 })),
    'SetDefaults_Service: `if sp.TargetPort == intstr.FromInt(0) { sp.TargetPort = intstr.FromInt(int(sp.Port)) }`, so the target is 8080, which ' +
    'is declared. The linkage rules read the raw targetPort and warn service-target-port-number "targetPort 0/TCP is not declared".',
  ),
  gap(
    ok('SetDefaults_Service', 'service-session-affinity', 'empty sessionAffinity defaults to None', svcSpec({ sessionAffinity: '' })),
    'SetDefaults_Service: `if obj.Spec.SessionAffinity == "" { ... = None }`. The engine reports service-session-affinity spec.sessionAffinity ' +
    '`Unsupported value: ""`.',
  ),
  gap(
    ok('SetObjectDefaults_Deployment', 'container-port-protocol', 'empty container port protocol defaults to TCP',
      ctrPorts({ name: 'http', containerPort: 8080, protocol: '' })),
    'The generated defaulter (`+default="TCP"` on ContainerPort.Protocol; zz_generated.defaults.go `if a.Protocol == "" { a.Protocol = "TCP" }`) ' +
    'runs before validateContainerPorts. The engine reports container-port-protocol `Unsupported value: ""`.',
  ),
  gap(
    bad('ValidateServiceClusterIPsRelatedFields', 'service-cluster-ip', 'clusterIPs without clusterIP', 'spec.clusterIPs',
      'must be empty when `clusterIP` is not specified', svcSpec({ clusterIPs: ['10.0.0.10'] })),
    'ValidateServiceClusterIPsRelatedFields (F3): clusterIP empty and clusterIPs set is Invalid. normalizeClusterIPs only copies clusterIP into an ' +
    'empty clusterIPs on create ("we don\'t init singular based on plural because new client must use both fields"). The engine copies ' +
    'clusterIPs[0] into clusterIP and accepts.',
  ),
  gap(
    bad('ValidatePortNumOrName', 'service-target-port-format', 'port omitted: the defaulted targetPort 0 fails too', 'spec.ports[0].targetPort',
      `Invalid value: 0: ${MSG.portRange}`, svcPorts({ name: 'http' })),
    'validateServicePort: an omitted port is 0, SetDefaults_Service sets targetPort = port = 0, and ValidatePortNumOrName reports ' +
    'spec.ports[0].targetPort "Invalid value: 0: must be between 1 and 65535, inclusive" next to the port error. The engine defaults targetPort to ' +
    'the absent port and reports only spec.ports[0].port.',
  ),
  gap(
    bad('initIPFamilyFields', 'service-ip-families', 'SingleStack with two ipFamilies (exact message)', 'spec.ipFamilyPolicy',
      "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
      svcSpec({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'] })),
    'pkg/registry/core/service/storage/alloc.go initIPFamilyFields (1.27-era copy sanposhiho/kubernetes@059ce4e8) quotes the policies: ' +
    '"must be \'RequireDualStack\' or \'PreferDualStack\' when multiple IP families are specified". The engine says ' +
    '"must be RequireDualStack or PreferDualStack ...", without quotes.',
  ),
  gap(
    bad('initIPFamilyFields', 'service-ip-families', 'SingleStack with two clusterIPs (exact message)', 'spec.ipFamilyPolicy',
      "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
      svcSpec({ ipFamilyPolicy: 'SingleStack', clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', 'fd00::10'] })),
    'Same function and quoting as above, for clusterIPs. The engine drops the quotes.',
  ),
  gap(
    bad('ValidateService', 'service-node-port', 'ExternalName with two ports on the same nodePort', 'spec.ports[1].nodePort', 'Duplicate value: 30080',
      externalName({ ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }] })),
    'ValidateService checks duplicate (protocol, nodePort) pairs for every type (S28). The engine checks duplicates only on NodePort and ' +
    'LoadBalancer Services, so ExternalName (and ClusterIP, where it reports only the Forbidden) get no Duplicate.',
  ),
  gap(
    bad('portallocator', 'service-node-port', 'two port numbers asking for one nodePort over TCP and UDP', 'spec.ports[1].nodePort',
      'provided port is already allocated', svcSpec({
        type: 'NodePort',
        ports: [{ name: 'a', port: 80, targetPort: 8080, nodePort: 30080 }, { name: 'b', port: 81, targetPort: 8080, protocol: 'UDP', nodePort: 30080 }],
      })),
    'alloc.go initNodePorts shares a requested nodePort only between ports with the same `port` number (svcPortToNodePort is keyed by port); ' +
    'port 81 asks the allocator for 30080 again and gets ErrAllocated, returned as spec.ports[1].nodePort Invalid. The engine keys node ports by ' +
    'protocol and accepts.',
  ),
  gap(
    bad('ValidateService', 'object-annotations', 'topology-mode and topology-aware-hints annotations disagree',
      'metadata.annotations[service.kubernetes.io/topology-mode]', 'must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified',
      app({ metadata: { annotations: { 'service.kubernetes.io/topology-mode': 'Auto', 'service.kubernetes.io/topology-aware-hints': 'Disabled' } } })),
    'ValidateService in 1.27 (S6) rejects the two topology annotations with different values. The engine has no such check.',
  ),
  gap(
    bad('ValidatePodTemplateSpec', 'object-annotations', 'invalid pod template annotation key', 'spec.template.annotations', MSG.qualifiedNameSlashes,
      [deployment({ spec: { template: { metadata: { annotations: { 'a/b/c': 'x' } } } } })]),
    'ValidatePodTemplateSpec calls ValidateAnnotations(spec.Annotations, fldPath.Child("annotations")) (§4.4). The engine checks template labels ' +
    'but not template annotations.',
  ),
  gap(
    bad('validateContainerPorts', 'container-port-name', 'invalid port name in an init container', 'spec.template.spec.initContainers[0].ports[0].name',
      MSG.max15, [deployment({ spec: { template: { spec: { initContainers: [container([{ name: 'abcdefghijklmnop', containerPort: 8080 }], 'init')] } } } })]),
    'validateInitContainers validates init containers like regular ones, ports included (§4.1: "for init containers it is ...initContainers[c]"). ' +
    'The engine reads only spec.containers.',
  ),
  gap(
    bad('AccumulateUniqueHostPorts', 'container-port-number', 'hostPort conflict names the protocol/hostIP/port key as Kubernetes prints it',
      'spec.template.spec.containers[1].ports[0].hostPort', 'Duplicate value: "TCP//8080"',
      withContainers(container([{ containerPort: 80, hostPort: 8080 }]), container([{ containerPort: 81, hostPort: 8080 }], 'sidecar'))),
    'AccumulateUniqueHostPorts: `str := fmt.Sprintf("%s/%s/%d", Protocol, HostIP, port)` then field.Duplicate(..., str), printed ' +
    '`Duplicate value: "TCP//8080"` (§4.2 H1). Since commit 5666430 ("every quoted value now goes through one safe formatter") the engine builds ' +
    'the key from show() of each part and quotes it again: `Duplicate value: "\\"TCP\\"/\\"\\"/8080"`. (Detection and field are still right.)',
  ),
  gap(
    bad('AccumulateUniqueHostPorts', 'container-port-number', 'hostPort conflict on a hostIP names the key as Kubernetes prints it',
      'spec.template.spec.containers[0].ports[1].hostPort', 'Duplicate value: "TCP/10.0.0.1/8080"',
      ctrPorts({ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }, { containerPort: 81, hostPort: 8080, hostIP: '10.0.0.1' })),
    'Same as above with a hostIP: Kubernetes prints `Duplicate value: "TCP/10.0.0.1/8080"`; the engine prints ' +
    '`Duplicate value: "\\"TCP\\"/\\"10.0.0.1\\"/8080"`.',
  ),
  gap(
    bad('ValidateAnnotations', 'object-annotations', 'annotations over 256 KiB counted in UTF-8 bytes', 'metadata.annotations',
      'Too long: must have at most 262144 bytes', app({ metadata: { annotations: { k: '€'.repeat(100000) } } })),
    'ValidateAnnotations sums len(k)+len(v), Go string lengths in bytes: 300001 bytes here. The engine sums JavaScript string lengths ' +
    '(UTF-16 units, 100001) and accepts.',
  ),
  gap(
    bad('ValidateDeploymentSpec', 'workload-selector', 'Deployment without a selector: the nil selector matches nothing', 'spec.template.metadata.labels',
      MSG.selectorMismatch, withSelector(undefined)),
    'ValidateDeploymentSpec converts even a nil selector: LabelSelectorAsSelector(nil) = labels.Nothing(), whose Empty() is false and Matches() ' +
    'false, so ValidatePodTemplateSpecForReplicaSet adds "`selector` does not match template `labels`" next to the Required. The engine stops ' +
    'after the Required.',
  ),
  gap(
    bad('ValidateDeploymentSpec', 'workload-selector', 'selector with an unknown operator cannot be converted', 'spec.selector', 'invalid label selector',
      withSelector({ matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] })),
    'ValidateDeploymentSpec: when LabelSelectorAsSelector fails, it reports spec.selector "invalid label selector" and skips the template. ' +
    'The engine reports the operator, then a template mismatch at spec.template.metadata.labels instead.',
  ),
  gap(
    ok('cdk8s-services', 'service-ports-required', 'Knative Service (serving.knative.dev/v1) is a custom resource', [{
      apiVersion: 'serving.knative.dev/v1',
      kind: 'Service',
      metadata: { name: 'hello' },
      spec: { template: { spec: { containers: [{ image: 'registry.example.com/hello:1' }] } } },
    }]),
    'The checker should pass over kinds it does not know, and a Service of group serving.knative.dev is not v1/Service. The engine matches on ' +
    'kind alone and reports service-ports-required spec.ports "Required value".',
  ),
];

/**
 * Rules checked on construct references at synth, which `ManifestChecker` never reports: they are covered below by
 * building constructs.
 */
const CONSTRUCT_ONLY_RULES = ['service-backend', 'service-port-backend', 'service-discovery-port'];

interface ConstructCase {
  readonly name: string;
  readonly source: string;
  readonly rule: string;
  readonly expect: 'accept' | 'reject';
  readonly field?: string;
  readonly message?: string;
  readonly build: (chart: Chart) => void;
}

function web(chart: Chart, id = 'Web', props: { namespace?: string; ports?: ContainerPort[]; name?: string; track?: string } = {}): Deployment {
  const identity = Identity.of(props.name ?? 'web');
  return new Deployment(chart, id, {
    identity: props.track ? identity.withLabels({ track: props.track }) : identity,
    metadata: { name: props.track ?? props.name ?? 'web', namespace: props.namespace },
    containers: [{ image: 'registry.example.com/web:1', ports: props.ports ?? [ContainerPort.tcp(8080, { name: 'http' })] }],
  });
}

const CONSTRUCT_CASES: ConstructCase[] = [
  {
    name: 'backend in the Service\'s namespace',
    source: 'cdk8s-services',
    rule: 'service-backend',
    expect: 'accept',
    build: chart => new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(web(chart)) }),
  },
  {
    name: 'backend in another namespace',
    source: 'cdk8s-services',
    rule: 'service-backend',
    expect: 'reject',
    field: 'spec.selector',
    message: 'a Service only selects pods in its own namespace',
    build: chart => new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(web(chart, 'Web', { namespace: 'other' })) }),
  },
  {
    name: 'the labels two backends share also select a workload that was not named',
    source: 'cdk8s-services',
    rule: 'service-backend',
    expect: 'reject',
    field: 'spec.selector',
    message: 'which is not a backend',
    build: chart => {
      const stable = web(chart, 'Stable', { name: 'api', track: 'stable' });
      const canary = web(chart, 'Canary', { name: 'api', track: 'canary' });
      web(chart, 'Shadow', { name: 'api', track: 'shadow' });
      new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkloads([stable, canary]) });
    },
  },
  {
    name: 'backends that share no selector label',
    source: 'cdk8s-services',
    rule: 'service-backend',
    expect: 'reject',
    field: 'spec.selector',
    message: 'share no selector label',
    build: chart => new ClusterIPService(chart, 'Svc', {
      backend: Backend.fromWorkloads([web(chart, 'Web'), web(chart, 'Api', { name: 'api' })]),
      ports: [{ port: 80, targetPort: ContainerPort.tcp(8080, { name: 'http' }) }],
    }),
  },
  {
    name: 'port protocol left out: it comes from the container port',
    source: 'cdk8s-services',
    rule: 'service-port-backend',
    expect: 'accept',
    build: chart => {
      const dns = ContainerPort.udp(5353, { name: 'dns' });
      new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(web(chart, 'Web', { ports: [dns] })), ports: [{ port: 53, targetPort: dns }] });
    },
  },
  {
    name: 'targetPort object the backend does not declare (another number under the same name)',
    source: 'cdk8s-services',
    rule: 'service-port-backend',
    expect: 'reject',
    field: 'spec.ports[0].targetPort',
    message: 'is a ContainerPort object no backend declares (they declare http at 8080)',
    build: chart => {
      new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(web(chart)), ports: [{ port: 80, targetPort: ContainerPort.tcp(9999, { name: 'http' }) }] });
    },
  },
  {
    name: 'a port handed to clients is a port of the Service',
    source: 'cdk8s-services',
    rule: 'service-discovery-port',
    expect: 'accept',
    build: chart => {
      const svc = new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(web(chart)), ports: [{ port: 80, targetPort: ContainerPort.tcp(8080, { name: 'http' }) }] });
      svc.urlEnvValue(svc.findPort('http'));
    },
  },
  {
    name: 'a port handed to clients that is no longer among the Service\'s ports',
    source: 'cdk8s-services',
    rule: 'service-discovery-port',
    expect: 'reject',
    field: 'spec.ports',
    message: 'was handed to clients (addressEnvValue, urlEnvValue) but is not a port of this Service',
    build: chart => {
      // an escape hatch changes the port after it was handed out: the address clients got would reach nothing
      const svc = new ClusterIPService(chart, 'Svc', { backend: Backend.fromWorkload(web(chart)) });
      svc.addressEnvValue(svc.findPort('http'));
      ApiObject.of(svc).addJsonPatch(JsonPatch.replace('/spec/ports/0/port', 8081));
    },
  },
];

function findingsOf(c: Case): Finding[] {
  return new ManifestChecker(c.options).check(c.manifests as any[]);
}

function render(findings: Finding[]): string[] {
  return findings.map(f => `${f.severity} [${f.rule}] ${f.field}: ${f.message}`);
}

function expectCase(c: Case): void {
  const findings = findingsOf(c);
  if (c.expect === 'accept') {
    expect(render(findings.filter(f => f.severity === 'error'))).toEqual([]);
    const own = findings.filter(f => f.rule === c.rule);
    if (c.warns) {
      expect(own.map(f => f.severity)).toContain('warning');
    } else {
      expect(render(own)).toEqual([]);
    }
  } else {
    const match = findings.some(f => f.rule === c.rule && f.field === c.field && f.message.includes(c.message));
    if (!match) {
      throw new Error(`expected a [${c.rule}] finding at ${c.field} containing:\n  ${c.message}\nbut the findings were:\n  ${render(findings).join('\n  ') || '(none)'}`);
    }
  }
}

function constructErrors(c: ConstructCase): string[] {
  const root: App = Testing.app();
  AppValidation.configure(root, { printWarnings: false });
  const chart = new Chart(root, 'test');
  c.build(chart);
  return root.node.findAll().flatMap(n => n.node.validate());
}

/**
 * Where the engine disagrees with the Kubernetes source now: run with `test.failing`, so that fixing the engine
 * fails the test and the case moves to RESOLVED_GAPS. Empty: every disagreement found so far is fixed.
 */
export const KNOWN_GAPS: Gap[] = [];

describe('ManifestChecker conformance with Kubernetes 1.27', () => {
  test.each([...CASES, ...RESOLVED_GAPS])('$source: $name', c => expectCase(c));
});

if (KNOWN_GAPS.length > 0) {
  describe('known gaps (the engine disagrees with Kubernetes; see evidence)', () => {
    test.failing.each(KNOWN_GAPS)('$source: $name', c => expectCase(c));
  });
}

describe('construct-level rules', () => {
  test.each(CONSTRUCT_CASES)('$source: $name', c => {
    const errors = constructErrors(c);
    if (c.expect === 'accept') {
      expect(errors).toEqual([]);
    } else {
      expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^${escapeRegExp(c.field!)}: .*${escapeRegExp(c.message!)}.* \\[${escapeRegExp(c.rule)}\\]$`)));
    }
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the table itself', () => {
  const ruleIds = AppValidation.rules.map(r => r.id);
  const all: Array<{ name: string; source: string; rule: string }> = [...CASES, ...RESOLVED_GAPS, ...KNOWN_GAPS, ...CONSTRUCT_CASES];

  test('has at least 170 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(170);
  });

  test('every case has a non-empty source and name', () => {
    expect(all.filter(c => c.source.trim() === '' || c.name.trim() === '').map(c => c.name)).toEqual([]);
  });

  test('every case names a known rule', () => {
    expect(all.filter(c => !ruleIds.includes(c.rule)).map(c => `${c.name}: ${c.rule}`)).toEqual([]);
  });

  test('ManifestChecker.rules are the manifest rules; the construct rules run at synth only', () => {
    expect(ManifestChecker.rules.map(r => r.id)).toEqual(AppValidation.rules.filter(r => r.scope === RuleScope.MANIFEST).map(r => r.id));
    expect(AppValidation.rules.filter(r => r.scope === RuleScope.CONSTRUCT).map(r => r.id)).toEqual(CONSTRUCT_ONLY_RULES);
  });

  test('every rule appears in at least one rejecting case', () => {
    const rejected = new Set([
      ...CASES.filter(c => c.expect === 'reject').map(c => c.rule),
      ...CONSTRUCT_CASES.filter(c => c.expect === 'reject' && CONSTRUCT_ONLY_RULES.includes(c.rule)).map(c => c.rule),
    ]);
    expect(ruleIds.filter(id => !rejected.has(id))).toEqual([]);
  });

  test('every rule appears in at least one accepting case', () => {
    const accepted = new Set([...CASES, ...CONSTRUCT_CASES].filter(c => c.expect === 'accept').map(c => c.rule));
    expect(ruleIds.filter(id => !accepted.has(id))).toEqual([]);
  });

  test('only the construct-level rules are left to construct cases', () => {
    const inTable = new Set(CASES.filter(c => c.expect === 'reject').map(c => c.rule));
    expect(ruleIds.filter(id => !inTable.has(id))).toEqual(CONSTRUCT_ONLY_RULES);
  });

  test('every gap, known or resolved, carries its evidence', () => {
    expect([...RESOLVED_GAPS, ...KNOWN_GAPS].filter(g => g.evidence.length < 40).map(g => g.name)).toEqual([]);
  });
});

describe('checker options and finding positions', () => {
  test('an unknown rule in skipRules is refused', () => {
    expect(() => new ManifestChecker({ skipRules: ['no-such-rule'] })).toThrow(/unknown rule 'no-such-rule'/);
  });

  test('a node-port range outside 1-65535 or upside down is refused', () => {
    expect(() => new ManifestChecker({ nodePortRange: { min: 0, max: 32767 } })).toThrow(/nodePortRange/);
    expect(() => new ManifestChecker({ nodePortRange: { min: 32767, max: 30000 } })).toThrow(/nodePortRange/);
  });

  test('findings give the position in the list, counting entries that are passed over', () => {
    const findings = new ManifestChecker().check([null, 'text', ...svcPorts({ ...HTTP_PORT, port: 0 })]);
    expect(findings).toContainEqual(expect.objectContaining({
      severity: 'error', rule: 'service-port-number', index: 2, kind: 'Service', namespace: '', name: 'web', field: 'spec.ports[0].port',
    }));
  });
});
