// Conformance cases for object metadata (ValidateObjectMeta, ValidateLabels, ValidateAnnotations) and for the
// Service-related parts of apps/v1 workloads and pod templates (Kubernetes 1.27).
import {
  Case, MSG, app, bad, container, ctrPorts, deployment, dnsName, inNamespace, merge, ok, repeat, withContainers, withSelector,
} from './cases-builders';

const META = 'ValidateObjectMeta';
const PORTS = 'validateContainerPorts';
const HOST = 'AccumulateUniqueHostPorts';
const DEPLOY = 'ValidateDeploymentSpec';
const SELECTOR = 'ValidateLabelSelector';
const C0 = 'spec.template.spec.containers[0].ports';

/** The base Service and Deployment, the Service carrying these labels. */
function labelled(labels: object): unknown[] {
  return app({ metadata: { labels } });
}

/** The base Service and Deployment, the Service carrying these annotations. */
function annotated(annotations: object): unknown[] {
  return app({ metadata: { annotations } });
}

/** The base Deployment with `matchExpressions` as its selector; its pods are labelled `app: web`. */
function expressions(...matchExpressions: object[]): unknown[] {
  return withSelector({ matchExpressions });
}

/** The base Deployment, run with hostNetwork, with these containers. */
function hostNetwork(...containers: object[]): unknown[] {
  return [deployment({ spec: { template: { spec: { hostNetwork: true, containers } } } })];
}

/** A Pod `web` labelled `app: web` with these containers. */
function pod(...containers: object[]): unknown[] {
  return [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers } }];
}

/** The base Deployment turned into another workload kind. */
function workload(kind: string, patch: object = {}): unknown[] {
  return [merge(deployment(patch), { kind })];
}

export const WORKLOAD_CASES: Case[] = [
  // workload names: DNS-1123 subdomains
  ok('IsDNS1123Subdomain', 'object-name', 'dotted Deployment name', [deployment({ metadata: { name: 'web.v1' } })]),
  ok('IsDNS1123Subdomain', 'object-name', 'Deployment name starting with a digit', [deployment({ metadata: { name: '1web' } })]),
  ok('IsDNS1123Subdomain', 'object-name', 'Deployment name of 253 characters', [deployment({ metadata: { name: dnsName(253) } })]),
  ok('IsDNS1123Subdomain', 'object-name', 'Deployment name with a 64-character label between dots (label length is not checked)',
    [deployment({ metadata: { name: `${repeat('a', 64)}.example` } })]),
  bad('IsDNS1123Subdomain', 'object-name', 'Deployment name of 254 characters', 'metadata.name', MSG.max253, [deployment({ metadata: { name: repeat('a', 254) } })]),
  bad('IsDNS1123Subdomain', 'object-name', 'uppercase Deployment name', 'metadata.name', MSG.dns1123Subdomain, [deployment({ metadata: { name: 'Web' } })]),
  bad('IsDNS1123Subdomain', 'object-name', 'Deployment name with an underscore', 'metadata.name', MSG.dns1123Subdomain, [deployment({ metadata: { name: 'web_1' } })]),
  bad(META, 'object-name', 'Deployment without a name', 'metadata.name', 'Required value: name or generateName is required', [deployment({ metadata: { name: undefined } })]),
  ok('IsDNS1123Subdomain', 'object-name', 'dotted Pod name', [merge(pod(container())[0], { metadata: { name: 'web.v1' } })]),

  // metadata.namespace: a DNS-1123 label
  ok('IsDNS1123Label', 'object-namespace', 'namespace shop', inNamespace('shop', app())),
  ok('IsDNS1123Label', 'object-namespace', 'namespace of 63 characters', inNamespace(repeat('n', 63), app())),
  ok('IsDNS1123Label', 'object-namespace', 'namespace starting with a digit', inNamespace('1shop', app())),
  bad('IsDNS1123Label', 'object-namespace', 'namespace of 64 characters', 'metadata.namespace', MSG.max63, inNamespace(repeat('n', 64), app())),
  bad('IsDNS1123Label', 'object-namespace', 'uppercase namespace', 'metadata.namespace', MSG.dns1123Label, inNamespace('Shop', app())),
  bad('IsDNS1123Label', 'object-namespace', 'namespace with an underscore', 'metadata.namespace', MSG.dns1123Label, inNamespace('shop_1', app())),
  bad('IsDNS1123Label', 'object-namespace', 'uppercase namespace on a Deployment', 'metadata.namespace', MSG.dns1123Label, inNamespace('Shop', [deployment()])),

  // metadata.labels: ValidateLabels
  ok('IsValidLabelValue', 'object-labels', 'label value of 63 characters', labelled({ tier: repeat('v', 63) })),
  bad('IsValidLabelValue', 'object-labels', 'label value of 64 characters', 'metadata.labels', MSG.max63, labelled({ tier: repeat('v', 64) })),
  ok('IsValidLabelValue', 'object-labels', 'empty label value', labelled({ tier: '' })),
  ok('IsValidLabelValue', 'object-labels', 'label value with dots, underscores and uppercase', labelled({ version: 'V1.2_3' })),
  bad('IsValidLabelValue', 'object-labels', 'label value starting with a hyphen', 'metadata.labels', MSG.labelValue, labelled({ tier: '-web' })),
  bad('IsValidLabelValue', 'object-labels', 'label value ending with a dot', 'metadata.labels', MSG.labelValue, labelled({ version: 'v1.' })),
  bad('IsValidLabelValue', 'object-labels', 'label value with a space', 'metadata.labels', MSG.labelValue, labelled({ tier: 'front end' })),
  ok('IsQualifiedName', 'object-labels', 'label key with a prefix', labelled({ 'example.com/tier': 'web' })),
  ok('IsQualifiedName', 'object-labels', 'uppercase label key name', labelled({ Tier: 'web' })),
  ok('IsQualifiedName', 'object-labels', 'label key name of 63 characters', labelled({ [repeat('k', 63)]: 'web' })),
  bad('IsQualifiedName', 'object-labels', 'label key name of 64 characters', 'metadata.labels', MSG.nameMax63, labelled({ [repeat('k', 64)]: 'web' })),
  bad('IsQualifiedName', 'object-labels', 'label key with an empty prefix', 'metadata.labels', MSG.prefixEmpty, labelled({ '/tier': 'web' })),
  bad('IsQualifiedName', 'object-labels', 'label key with an empty name', 'metadata.labels', MSG.nameEmpty, labelled({ 'example.com/': 'web' })),
  bad('IsQualifiedName', 'object-labels', 'label key with two slashes', 'metadata.labels', MSG.qualifiedNameSlashes, labelled({ 'a/b/c': 'web' })),
  bad('IsQualifiedName', 'object-labels', 'label key with an uppercase prefix', 'metadata.labels', MSG.prefixSubdomain, labelled({ 'Example.com/tier': 'web' })),
  bad('IsQualifiedName', 'object-labels', 'label key with an exclamation mark', 'metadata.labels', MSG.qualifiedNamePart, labelled({ 'tier!': 'web' })),
  bad('ValidateLabels', 'object-labels', 'invalid label on a Deployment', 'metadata.labels', MSG.labelValue, [deployment({ metadata: { labels: { tier: '-web' } } })]),
  bad('ValidatePodTemplateSpec', 'object-labels', 'invalid pod template label (reported at spec.template.labels)', 'spec.template.labels', MSG.labelValue,
    [deployment({ spec: { template: { metadata: { labels: { version: '-1' } } } } })]),

  // metadata.annotations: ValidateAnnotations
  ok('ValidateAnnotations', 'object-annotations', 'uppercase annotation key (checked lowercased)', annotated({ 'Example.com/Owner': 'team-a' })),
  ok('ValidateAnnotations', 'object-annotations', 'annotation value with spaces and slashes', annotated({ description: 'any value: with spaces / slashes' })),
  bad('ValidateAnnotations', 'object-annotations', 'annotation key with two slashes', 'metadata.annotations', MSG.qualifiedNameSlashes, annotated({ 'a/b/c': 'x' })),
  bad('ValidateAnnotations', 'object-annotations', 'annotation key with an empty prefix', 'metadata.annotations', MSG.prefixEmpty, annotated({ '/owner': 'x' })),
  bad('ValidateAnnotations', 'object-annotations', 'annotation key with an exclamation mark', 'metadata.annotations', MSG.qualifiedNamePart, annotated({ 'owner!': 'x' })),
  ok('ValidateAnnotations', 'object-annotations', 'annotations of exactly 262144 bytes', annotated({ k: repeat('x', 262143) })),
  bad('ValidateAnnotations', 'object-annotations', 'annotations of 262145 bytes', 'metadata.annotations', 'Too long: must have at most 262144 bytes', annotated({ k: repeat('x', 262144) })),
  bad('ValidateAnnotations', 'object-annotations', 'invalid annotation key on a Deployment', 'metadata.annotations', MSG.qualifiedNameSlashes,
    [deployment({ metadata: { annotations: { 'a/b/c': 'x' } } })]),

  // workload selector: ValidateDeploymentSpec, ValidateLabelSelector, ValidatePodTemplateSpecForReplicaSet
  bad(DEPLOY, 'workload-selector', 'Deployment without a selector', 'spec.selector', 'Required value', withSelector(undefined)),
  bad(DEPLOY, 'workload-selector', 'empty selector', 'spec.selector', 'empty selector is invalid for deployment', withSelector({})),
  bad(DEPLOY, 'workload-selector', 'selector with empty matchLabels and matchExpressions', 'spec.selector', 'empty selector is invalid for deployment',
    withSelector({ matchLabels: {}, matchExpressions: [] })),
  bad('ValidatePodTemplateSpecForReplicaSet', 'workload-selector', 'selector that does not match the template labels', 'spec.template.metadata.labels', MSG.selectorMismatch,
    withSelector({ matchLabels: { app: 'api' } })),
  bad('ValidatePodTemplateSpecForReplicaSet', 'workload-selector', 'template without labels', 'spec.template.metadata.labels', MSG.selectorMismatch,
    withSelector({ matchLabels: { app: 'web' } }, {})),
  ok('ValidatePodTemplateSpecForReplicaSet', 'workload-selector', 'selector that is a subset of the template labels',
    withSelector({ matchLabels: { app: 'web' } }, { app: 'web', track: 'stable' })),
  ok(SELECTOR, 'workload-selector', 'matchExpressions In that matches', expressions({ key: 'app', operator: 'In', values: ['web', 'api'] })),
  bad('ValidatePodTemplateSpecForReplicaSet', 'workload-selector', 'matchExpressions In that does not match', 'spec.template.metadata.labels', MSG.selectorMismatch,
    expressions({ key: 'app', operator: 'In', values: ['api'] })),
  ok(SELECTOR, 'workload-selector', 'matchExpressions NotIn that matches', expressions({ key: 'app', operator: 'NotIn', values: ['api'] })),
  bad('ValidatePodTemplateSpecForReplicaSet', 'workload-selector', 'matchExpressions NotIn that excludes the template', 'spec.template.metadata.labels', MSG.selectorMismatch,
    expressions({ key: 'app', operator: 'NotIn', values: ['web'] })),
  ok(SELECTOR, 'workload-selector', 'matchExpressions Exists on a present label', expressions({ key: 'app', operator: 'Exists' })),
  bad('ValidatePodTemplateSpecForReplicaSet', 'workload-selector', 'matchExpressions Exists on a missing label', 'spec.template.metadata.labels', MSG.selectorMismatch,
    expressions({ key: 'track', operator: 'Exists' })),
  ok(SELECTOR, 'workload-selector', 'matchExpressions DoesNotExist on a missing label', expressions({ key: 'track', operator: 'DoesNotExist' })),
  bad('ValidatePodTemplateSpecForReplicaSet', 'workload-selector', 'matchExpressions DoesNotExist on a present label', 'spec.template.metadata.labels', MSG.selectorMismatch,
    expressions({ key: 'app', operator: 'DoesNotExist' })),
  ok(SELECTOR, 'workload-selector', 'matchLabels and matchExpressions together',
    withSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'track', operator: 'In', values: ['stable'] }] }, { app: 'web', track: 'stable' })),
  bad(SELECTOR, 'workload-selector', 'matchExpressions with operator Equals', 'spec.selector.matchExpressions[0].operator', 'Invalid value: "Equals": not a valid selector operator',
    expressions({ key: 'app', operator: 'Equals', values: ['web'] })),
  bad(SELECTOR, 'workload-selector', 'matchExpressions In without values', 'spec.selector.matchExpressions[0].values',
    "Required value: must be specified when `operator` is 'In' or 'NotIn'", expressions({ key: 'app', operator: 'In' })),
  bad(SELECTOR, 'workload-selector', 'matchExpressions NotIn with an empty value list', 'spec.selector.matchExpressions[0].values',
    "must be specified when `operator` is 'In' or 'NotIn'", expressions({ key: 'app', operator: 'NotIn', values: [] })),
  bad(SELECTOR, 'workload-selector', 'matchExpressions Exists with values', 'spec.selector.matchExpressions[0].values',
    "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'", expressions({ key: 'app', operator: 'Exists', values: ['web'] })),
  bad(SELECTOR, 'workload-selector', 'matchExpressions DoesNotExist with values', 'spec.selector.matchExpressions[0].values',
    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'", expressions({ key: 'track', operator: 'DoesNotExist', values: ['x'] })),
  bad(SELECTOR, 'workload-selector', 'matchExpressions key with a space', 'spec.selector.matchExpressions[0].key', MSG.qualifiedNamePart,
    expressions({ key: 'bad key', operator: 'Exists' })),
  bad(SELECTOR, 'workload-selector', 'matchExpressions value starting with a hyphen', 'spec.selector.matchExpressions[0].values[0]', MSG.labelValue,
    expressions({ key: 'app', operator: 'NotIn', values: ['-web'] })),
  bad(SELECTOR, 'workload-selector', 'matchLabels value starting with a hyphen', 'spec.selector.matchLabels', MSG.labelValue, withSelector({ matchLabels: { app: '-web' } }, { app: '-web' })),
  bad(SELECTOR, 'workload-selector', 'matchLabels key with two slashes', 'spec.selector.matchLabels', MSG.qualifiedNameSlashes,
    withSelector({ matchLabels: { 'a/b/c': 'web' } }, { 'a/b/c': 'web' })),
  ok('ValidateReplicaSetSpec', 'workload-selector', 'valid ReplicaSet', workload('ReplicaSet')),
  bad('ValidatePodTemplateSpecForReplicaSet', 'workload-selector', 'ReplicaSet selector that does not match', 'spec.template.metadata.labels', MSG.selectorMismatch,
    workload('ReplicaSet', { spec: { selector: { matchLabels: { app: 'api' } } } })),
  ok('ValidateStatefulSetSpec', 'workload-selector', 'valid StatefulSet', workload('StatefulSet', { spec: { serviceName: 'web' } })),
  ok('ValidateDaemonSetSpec', 'workload-selector', 'valid DaemonSet', workload('DaemonSet', { spec: { replicas: undefined } })),

  // container port names: IsValidPortName (IANA_SVC_NAME)
  ok('IsValidPortName', 'container-port-name', 'container port name of 15 characters', ctrPorts({ name: 'abcdefghijklmno', containerPort: 8080 })),
  bad('IsValidPortName', 'container-port-name', 'container port name of 16 characters', `${C0}[0].name`, `Invalid value: "abcdefghijklmnop": ${MSG.max15}`,
    ctrPorts({ name: 'abcdefghijklmnop', containerPort: 8080 })),
  bad('IsValidPortName', 'container-port-name', 'container port name without a letter', `${C0}[0].name`, MSG.portNameLetter, ctrPorts({ name: '8080', containerPort: 8080 })),
  bad('IsValidPortName', 'container-port-name', 'container port name with consecutive hyphens', `${C0}[0].name`, MSG.portNameHyphens, ctrPorts({ name: 'web--http', containerPort: 8080 })),
  bad('IsValidPortName', 'container-port-name', 'container port name starting with a hyphen', `${C0}[0].name`, MSG.portNameEnds, ctrPorts({ name: '-http', containerPort: 8080 })),
  bad('IsValidPortName', 'container-port-name', 'container port name ending with a hyphen', `${C0}[0].name`, MSG.portNameEnds, ctrPorts({ name: 'http-', containerPort: 8080 })),
  bad('IsValidPortName', 'container-port-name', 'uppercase container port name', `${C0}[0].name`, MSG.portNameCharset, ctrPorts({ name: 'HTTP', containerPort: 8080 })),
  bad('IsValidPortName', 'container-port-name', 'container port name with an underscore', `${C0}[0].name`, MSG.portNameCharset, ctrPorts({ name: 'http_alt', containerPort: 8080 })),
  ok('IsValidPortName', 'container-port-name', 'container port name with digits and a hyphen', ctrPorts({ name: 'h2c-8080', containerPort: 8080 })),
  ok('IsValidPortName', 'container-port-name', 'container port name of one letter', ctrPorts({ name: 'a', containerPort: 8080 })),
  bad(PORTS, 'container-port-name', 'two ports of a container with the same name', `${C0}[1].name`, 'Duplicate value: "http"',
    ctrPorts({ name: 'http', containerPort: 8080 }, { name: 'http', containerPort: 8081 })),
  ok(PORTS, 'container-port-name', 'the same port name in two containers (unique per container only)',
    withContainers(container([{ name: 'http', containerPort: 8080 }]), container([{ name: 'http', containerPort: 9090 }], 'sidecar'))),
  bad(PORTS, 'container-port-name', 'invalid port name in a Pod', 'spec.containers[0].ports[0].name', MSG.max15, pod(container([{ name: 'abcdefghijklmnop', containerPort: 8080 }]))),

  // container port numbers, hostPort conflicts, hostNetwork
  bad(PORTS, 'container-port-number', 'containerPort 0', `${C0}[0].containerPort`, 'Required value', ctrPorts({ name: 'http', containerPort: 0 })),
  bad(PORTS, 'container-port-number', 'containerPort omitted', `${C0}[0].containerPort`, 'Required value', ctrPorts({ name: 'http' })),
  ok(PORTS, 'container-port-number', 'containerPort 1', ctrPorts({ name: 'http', containerPort: 1 })),
  ok(PORTS, 'container-port-number', 'containerPort 65535', ctrPorts({ name: 'http', containerPort: 65535 })),
  bad(PORTS, 'container-port-number', 'containerPort 65536', `${C0}[0].containerPort`, `Invalid value: 65536: ${MSG.portRange}`, ctrPorts({ name: 'http', containerPort: 65536 })),
  bad(PORTS, 'container-port-number', 'containerPort -1', `${C0}[0].containerPort`, MSG.portRange, ctrPorts({ name: 'http', containerPort: -1 })),
  bad(PORTS, 'container-port-number', 'hostPort 65536', `${C0}[0].hostPort`, `Invalid value: 65536: ${MSG.portRange}`, ctrPorts({ containerPort: 8080, hostPort: 65536 })),
  bad(PORTS, 'container-port-number', 'hostPort -1', `${C0}[0].hostPort`, MSG.portRange, ctrPorts({ containerPort: 8080, hostPort: -1 })),
  ok(PORTS, 'container-port-number', 'hostPort 0 means unset', ctrPorts({ containerPort: 8080, hostPort: 0 })),
  ok(PORTS, 'container-port-number', 'hostPort equal to containerPort', ctrPorts({ containerPort: 8080, hostPort: 8080 })),
  ok(PORTS, 'container-port-number', 'the same containerPort twice (1.27 does not check)', ctrPorts({ name: 'a', containerPort: 8080 }, { name: 'b', containerPort: 8080 })),
  bad(HOST, 'container-port-number', 'the same hostPort in two containers', 'spec.template.spec.containers[1].ports[0].hostPort', 'Duplicate value',
    withContainers(container([{ containerPort: 80, hostPort: 8080 }]), container([{ containerPort: 81, hostPort: 8080 }], 'sidecar'))),
  bad(HOST, 'container-port-number', 'the same hostPort twice in one container', `${C0}[1].hostPort`, 'Duplicate value',
    ctrPorts({ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 8080 })),
  bad(HOST, 'container-port-number', 'the same hostPort, protocol omitted on one and TCP on the other', `${C0}[1].hostPort`, 'Duplicate value',
    ctrPorts({ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 8080, protocol: 'TCP' })),
  bad(HOST, 'container-port-number', 'the same hostPort on the same hostIP', `${C0}[1].hostPort`, 'Duplicate value',
    ctrPorts({ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }, { containerPort: 81, hostPort: 8080, hostIP: '10.0.0.1' })),
  ok(HOST, 'container-port-number', 'the same hostPort over TCP and UDP', ctrPorts({ containerPort: 53, hostPort: 53 }, { containerPort: 53, hostPort: 53, protocol: 'UDP' })),
  ok(HOST, 'container-port-number', 'the same hostPort on two hostIPs',
    ctrPorts({ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }, { containerPort: 81, hostPort: 8080, hostIP: '10.0.0.2' })),
  bad(HOST, 'container-port-number', 'the same hostPort in two containers of a Pod', 'spec.containers[1].ports[0].hostPort', 'Duplicate value',
    pod(container([{ containerPort: 80, hostPort: 8080 }]), container([{ containerPort: 81, hostPort: 8080 }], 'sidecar'))),
  bad('validateHostNetwork', 'container-port-number', 'hostNetwork with hostPort other than containerPort', `${C0}[0].containerPort`,
    'Invalid value: 8080: must match `hostPort` when `hostNetwork` is true', hostNetwork(container([{ name: 'http', containerPort: 8080, hostPort: 9090 }]))),
  ok('SetDefaults_PodSpec', 'container-port-number', 'hostNetwork without hostPort (defaulted to containerPort)', hostNetwork(container())),
  ok('validateHostNetwork', 'container-port-number', 'hostNetwork with hostPort equal to containerPort', hostNetwork(container([{ name: 'http', containerPort: 8080, hostPort: 8080 }]))),
  bad('SetDefaults_PodSpec', 'container-port-number', 'hostNetwork: two containers on the same containerPort collide on the defaulted hostPort',
    'spec.template.spec.containers[1].ports[0].hostPort', 'Duplicate value',
    hostNetwork(container([{ containerPort: 8080 }]), container([{ containerPort: 8080 }], 'sidecar'))),

  // container port protocols
  ok(PORTS, 'container-port-protocol', 'container port protocol UDP', ctrPorts({ name: 'dns', containerPort: 53, protocol: 'UDP' })),
  ok(PORTS, 'container-port-protocol', 'container port protocol SCTP', ctrPorts({ name: 'sctp', containerPort: 9999, protocol: 'SCTP' })),
  ok(PORTS, 'container-port-protocol', 'container port protocol omitted (defaulted to TCP)', ctrPorts({ name: 'http', containerPort: 8080 })),
  bad(PORTS, 'container-port-protocol', 'container port protocol in lowercase', `${C0}[0].protocol`, 'Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
    ctrPorts({ name: 'http', containerPort: 8080, protocol: 'tcp' })),
  bad(PORTS, 'container-port-protocol', 'container port protocol HTTP', `${C0}[0].protocol`, 'Unsupported value: "HTTP"', ctrPorts({ name: 'http', containerPort: 8080, protocol: 'HTTP' })),

  // name limits of Jobs and CronJobs
  ok('ValidateCronJobCreate', 'object-name', 'CronJob name of 52 characters', [cronJob('c'.repeat(52))]),
  bad('ValidateCronJobCreate', 'object-name', 'CronJob name of 53 characters', 'metadata.name', 'must be no more than 52 characters', [cronJob('c'.repeat(53))]),
  ok('ValidateJob', 'object-name', 'Job name of 63 characters', [job('j'.repeat(63))]),
  bad('ValidateJob', 'object-name', 'Job name of 64 characters', 'metadata.name', 'must be no more than 63 characters', [job('j'.repeat(64))]),
];

function job(name: string): unknown {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { template: { spec: { restartPolicy: 'Never', containers: [container([])] } } } };
}

function cronJob(name: string): unknown {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [container([])] } } } } },
  };
}
