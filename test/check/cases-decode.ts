// Conformance cases for what the Kubernetes 1.27 API server refuses before validating: values that do not decode into
// the kind's Go types (sigs.k8s.io/json, encoding/json's UnmarshalTypeError; IntOrString and Quantity decode
// themselves), and fields the kind does not have, which kubectl's default strict field validation refuses.
//
// Numbers are read as kubectl sends them: it converts YAML to JSON, so `replicas: 1.0` arrives as the JSON integer 1.
import { Case, app, bad, container, deployment, ok, service, withContainers } from './cases-builders';
import { UnknownFields } from '../../src';

const JSON_DECODE = 'encoding/json Unmarshal (sigs.k8s.io/json)';
const INTSTR = 'IntOrString.UnmarshalJSON';
const QUANTITY = 'Quantity.UnmarshalJSON (ParseQuantity)';
const STRICT = 'UnmarshalStrict (DisallowUnknownFields)';
const T = 'spec.template.spec.containers[0]';

/** The base Deployment with `spec` patched; alone. */
function spec(patch: object): unknown[] {
  return [deployment({ spec: patch })];
}

/** The base Deployment whose container has `resources`; alone. */
function resources(value: object): unknown[] {
  return withContainers({ ...container(), resources: value });
}

/** The base Service with its port's targetPort set, with the base Deployment. */
function targetPort(value: unknown): unknown[] {
  return app({ spec: { ports: [{ name: 'http', port: 80, targetPort: value }] } });
}

export const DECODE_CASES: Case[] = [
  // a string where an integer belongs
  ok(JSON_DECODE, 'object-decode', 'replicas as a number', spec({ replicas: 3 })),
  bad(JSON_DECODE, 'object-decode', 'replicas as a string', 'spec.replicas',
    'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32', spec({ replicas: '1' })),
  // a number with a fraction where an int32 belongs (1.0 is the integer 1 once kubectl converts YAML to JSON)
  ok(JSON_DECODE, 'object-decode', 'replicas written 1.0 arrives as 1', spec({ replicas: 1.0 })),
  bad(JSON_DECODE, 'object-decode', 'replicas with a fraction', 'spec.replicas',
    'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32', spec({ replicas: 1.5 })),
  // the int32 range
  ok(JSON_DECODE, 'object-decode', 'replicas at the int32 maximum', spec({ replicas: 2147483647 })),
  bad(JSON_DECODE, 'object-decode', 'replicas past the int32 maximum', 'spec.replicas',
    'json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32', spec({ replicas: 2147483648 })),
  bad(JSON_DECODE, 'object-decode', 'container port past the int32 maximum', `${T}.ports[0].containerPort`,
    'json: cannot unmarshal number 4294967296 into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
    withContainers(container([{ containerPort: 4294967296 }]))),
  // int64 fields take values past the int32 range, up to the int64 range
  ok(JSON_DECODE, 'object-decode', 'an int64 field past the int32 range', [deployment({ metadata: { generation: 9007199254740991 } })]),
  bad(JSON_DECODE, 'object-decode', 'an int64 field past the int64 range', 'metadata.generation',
    'json: cannot unmarshal number 10000000000000000000 into Go struct field ObjectMeta.metadata.generation of type int64',
    [deployment({ metadata: { generation: 1e19 } })]),
  // a boolean written as a string
  ok(JSON_DECODE, 'object-decode', 'paused as a boolean', spec({ paused: false })),
  bad(JSON_DECODE, 'object-decode', 'paused as a string', 'spec.paused',
    'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool', spec({ paused: 'false' })),
  // a number where a string belongs
  ok(JSON_DECODE, 'object-decode', 'an environment value as a string', withContainers({ ...container(), env: [{ name: 'PORT', value: '8080' }] })),
  bad(JSON_DECODE, 'object-decode', 'an environment value as a number', `${T}.env[0].value`,
    'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    withContainers({ ...container(), env: [{ name: 'PORT', value: 8080 }] })),
  bad(JSON_DECODE, 'object-decode', 'a label value as a number', 'metadata.labels[tier]',
    'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string', [deployment({ metadata: { labels: { tier: 1 } } })]),
  // a map where a list belongs, and a list where a map belongs
  ok(JSON_DECODE, 'object-decode', 'container ports as a list', withContainers(container([{ containerPort: 8080 }]))),
  bad(JSON_DECODE, 'object-decode', 'container ports as a map', `${T}.ports`,
    'json: cannot unmarshal object into Go struct field Container.spec.template.spec.containers.ports of type []v1.ContainerPort',
    withContainers({ ...container(), ports: { containerPort: 8080 } })),
  bad(JSON_DECODE, 'object-decode', 'Service ports as a map', 'spec.ports',
    'json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort', app({ spec: { ports: { port: 80 } } })),
  bad(JSON_DECODE, 'object-decode', 'a container as a string', `${T}`,
    'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type v1.Container', withContainers('web')),
  ok(JSON_DECODE, 'object-decode', 'labels as a map', [deployment({ metadata: { labels: { tier: 'web' } } })]),
  bad(JSON_DECODE, 'object-decode', 'labels as a list', 'metadata.labels',
    'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string', [deployment({ metadata: { labels: ['tier'] } })]),
  bad(JSON_DECODE, 'object-decode', 'a selector as a list', 'spec.selector',
    'json: cannot unmarshal array into Go struct field DeploymentSpec.spec.selector of type v1.LabelSelector', spec({ selector: [{ app: 'web' }] })),
  // null decodes into any field: nil, or no change
  ok(JSON_DECODE, 'object-decode', 'null values', [deployment({
    metadata: { creationTimestamp: null, annotations: null },
    spec: { replicas: null, strategy: null, template: { spec: { containers: [{ ...container(), ports: null, args: null }] } } },
  })]),
  // IntOrString: a string, or else an int32
  ok(INTSTR, 'object-decode', 'targetPort as a number', targetPort(8080)),
  ok(INTSTR, 'object-decode', 'targetPort as a port name', targetPort('http')),
  bad(INTSTR, 'object-decode', 'targetPort with a fraction', 'spec.ports[0].targetPort',
    'json: cannot unmarshal number 8080.5 into Go struct field ServicePort.spec.ports.targetPort of type int32', targetPort(8080.5)),
  bad(INTSTR, 'object-decode', 'targetPort as a boolean', 'spec.ports[0].targetPort',
    'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32', targetPort(true)),
  bad(INTSTR, 'object-decode', 'maxSurge past the int32 range', 'spec.strategy.rollingUpdate.maxSurge',
    'json: cannot unmarshal number 2147483648 into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
    spec({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2147483648 } } })),
  // Quantity: a number, or a string ParseQuantity reads
  ok(QUANTITY, 'object-decode', 'quantities as numbers and strings', resources({ limits: { cpu: 0.5, memory: '128Mi' }, requests: { cpu: '250m', memory: 64e6 } })),
  bad(QUANTITY, 'object-decode', 'a memory quantity with an unknown unit', `${T}.resources.limits[memory]`,
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'", resources({ limits: { memory: '1Gb' } })),
  bad(QUANTITY, 'object-decode', 'a quantity with a suffix ParseQuantity does not know', `${T}.resources.requests[memory]`,
    "unable to parse quantity's suffix", resources({ requests: { memory: '512K' } })),
  bad(QUANTITY, 'object-decode', 'an empty quantity', `${T}.resources.requests[cpu]`,
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'", resources({ requests: { cpu: '' } })),

  // unknown fields, as kubectl's default strict field validation refuses them
  ok(STRICT, 'object-unknown-field', 'every metadata field, status, and creationTimestamp: null', [deployment({
    metadata: {
      namespace: 'default',
      labels: { app: 'web' },
      annotations: { note: 'x' },
      creationTimestamp: null,
      resourceVersion: '1',
      uid: 'c0ffee',
      generation: 2,
      finalizers: ['example.com/keep'],
      selfLink: '',
      ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'u1' }],
      managedFields: [{ manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }],
    },
    status: { replicas: 1, conditions: [] },
  })]),
  ok(STRICT, 'object-unknown-field', 'a Service with an empty status', [service({ status: { loadBalancer: {} } }), deployment()]),
  bad(STRICT, 'object-unknown-field', 'a top-level field', 'replicas', 'unknown field "replicas"', [deployment({ replicas: 2 })]),
  bad(STRICT, 'object-unknown-field', 'a misspelt spec field', 'spec.replica', 'unknown field "spec.replica"', spec({ replica: 2 })),
  bad(STRICT, 'object-unknown-field', 'a field spelt with another case', 'spec.Replicas', 'did you mean "replicas"', spec({ Replicas: 2 })),
  bad(STRICT, 'object-unknown-field', 'a misspelt container field', `${T}.imagePullPolicyy`,
    `unknown field "${T}.imagePullPolicyy"`, withContainers({ ...container(), imagePullPolicyy: 'Always' })),
  bad(STRICT, 'object-unknown-field', 'a pod field written in the container', `${T}.restartPolicy`,
    `unknown field "${T}.restartPolicy"`, withContainers({ ...container(), restartPolicy: 'Always' })),
  bad(STRICT, 'object-unknown-field', 'a misspelt metadata field', 'metadata.label', 'unknown field "metadata.label"',
    [deployment({ metadata: { label: { app: 'web' } } })]),
  bad(STRICT, 'object-unknown-field', 'pod spec fields under the template metadata', 'spec.template.metadata.containers',
    'unknown field "spec.template.metadata.containers"', spec({ template: { metadata: { containers: [] } } })),
  bad(STRICT, 'object-unknown-field', 'an Ingress backend written as in extensions/v1beta1', 'spec.defaultBackend.serviceName',
    'unknown field "spec.defaultBackend.serviceName"',
    [{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec: { defaultBackend: { serviceName: 'web', servicePort: 80 } } }]),
  ok(STRICT, 'object-unknown-field', 'a custom resource of the same kind name is not checked', [{
    apiVersion: 'example.com/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { anything: { goes: true } },
  }]),
  ok(STRICT, 'object-unknown-field', 'unknownFields: warning reports an unknown field as a warning', spec({ replica: 2 }),
    { options: { unknownFields: UnknownFields.WARNING }, warns: true }),
  ok(STRICT, 'object-unknown-field', 'unknownFields: ignore does not report it', spec({ replica: 2 }), { options: { unknownFields: UnknownFields.IGNORE } }),
];
