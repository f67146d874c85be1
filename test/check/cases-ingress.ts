// Conformance cases for networking.k8s.io/v1 Ingresses: `ValidateIngressCreate` (k8s.io/kubernetes
// pkg/apis/networking/validation/validation.go, 1.27) and the linkage of their backends with Services.
import { Case, app, bad, container, deployment, externalName, inNamespace, ok, service } from './cases-builders';

const OURS = 'cdk8s-services';
const DNS1035 = 'a DNS-1035 label must consist of lower case alphanumeric characters';
const SUBDOMAIN = 'a lowercase RFC 1123 subdomain must consist of';

/** The Service backend of the base Service `web`, by its port name `http`. */
const BACKEND = { service: { name: 'web', port: { name: 'http' } } };

/** An Ingress `web` with this spec (and metadata), alone. */
function ingress(spec: object, metadata: object = {}): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', ...metadata }, spec };
}

/** A Prefix path `/` to the base backend, with fields replaced (`undefined` leaves one out). */
function path(fields: object = {}): any {
  return { path: '/', pathType: 'Prefix', backend: BACKEND, ...fields };
}

/** The base Service and Deployment, and an Ingress routing host example.com through these paths. */
function paths(...list: object[]): unknown[] {
  return [...app(), ingress({ rules: [{ host: 'example.com', http: { paths: list } }] })];
}

/** The base Service and Deployment, and an Ingress whose default backend is `backend`. */
function defaultBackend(backend: object): unknown[] {
  return [...app(), ingress({ defaultBackend: backend })];
}

/** The base Service and Deployment, and an Ingress with a rule of this host. */
function host(name: unknown): unknown[] {
  return [...app(), ingress({ rules: [{ host: name, http: { paths: [path()] } }] })];
}

/** The base Service and Deployment, and an Ingress with a default backend and these TLS entries. */
function tls(...entries: object[]): unknown[] {
  return [...app(), ingress({ defaultBackend: BACKEND, tls: entries })];
}

export const INGRESS_CASES: Case[] = [
  // apiVersion: Ingresses left extensions/v1beta1 and networking.k8s.io/v1beta1 in 1.22
  ok('ValidateIngressCreate', 'object-api-version', 'networking.k8s.io/v1 Ingress', paths(path())),
  bad('k8s.io/kubernetes pkg/controlplane/instance.go (served group versions)', 'object-api-version', 'networking.k8s.io/v1beta1 Ingress', 'apiVersion',
    'was removed in 1.22', [{ ...ingress({}), apiVersion: 'networking.k8s.io/v1beta1' }]),
  bad('k8s.io/kubernetes pkg/controlplane/instance.go (served group versions)', 'object-api-version', 'extensions/v1beta1 Ingress (served until 1.22)', 'apiVersion',
    'extensions/v1beta1 was removed in 1.22', [{ ...ingress({}), apiVersion: 'extensions/v1beta1' }]),
  bad('ValidateIngressCreate (ValidateObjectMeta, ValidateIngressName)', 'object-name', 'Ingress name is a DNS-1123 subdomain', 'metadata.name', SUBDOMAIN,
    [...app(), ingress({ defaultBackend: BACKEND }, { name: 'Web' })]),
  ok('ValidateIngressCreate (ValidateIngressName)', 'object-name', 'Ingress name with dots', [...app(), ingress({ defaultBackend: BACKEND }, { name: 'web.example' })]),

  // ValidateIngressSpec: a default backend or rules
  bad('ValidateIngressSpec', 'ingress-spec', 'neither defaultBackend nor rules', 'spec', 'either `defaultBackend` or `rules` must be specified', [...app(), ingress({})]),
  bad('ValidateIngressSpec', 'ingress-spec', 'rules: [] and no defaultBackend', 'spec', 'either `defaultBackend` or `rules` must be specified', [...app(), ingress({ rules: [] })]),
  ok('ValidateIngressSpec', 'ingress-spec', 'only a defaultBackend', defaultBackend(BACKEND)),
  ok('validateIngressRules', 'ingress-spec', 'a rule with a host and no http', [...app(), ingress({ defaultBackend: BACKEND, rules: [{ host: 'example.com' }] })]),
  bad('validateHTTPIngressRuleValue', 'ingress-spec', 'http without paths', 'spec.rules[0].http.paths', 'Required value',
    [...app(), ingress({ rules: [{ host: 'example.com', http: {} }] })]),
  // hosts
  ok('validateIngressRules', 'ingress-spec', 'no host: every host', [...app(), ingress({ rules: [{ http: { paths: [path()] } }] })]),
  ok('validateIngressRules', 'ingress-spec', 'wildcard host', host('*.example.com')),
  bad('validateIngressRules', 'ingress-spec', 'IP address host', 'spec.rules[0].host', 'Invalid value: "10.0.0.1": must be a DNS name, not an IP address', host('10.0.0.1')),
  bad('validateIngressRules', 'ingress-spec', 'host with a port', 'spec.rules[0].host', SUBDOMAIN, host('example.com:80')),
  bad('validateIngressRules (IsWildcardDNS1123Subdomain)', 'ingress-spec', 'wildcard in the middle of a host', 'spec.rules[0].host',
    "a wildcard DNS-1123 subdomain must start with '*.'", host('www.*.example.com')),
  bad('validateIngressRules', 'ingress-spec', 'uppercase host', 'spec.rules[0].host', SUBDOMAIN, host('Example.com')),

  // validateHTTPIngressPath
  bad('validateHTTPIngressPath', 'ingress-path', 'pathType missing (v1 has no default)', 'spec.rules[0].http.paths[0].pathType',
    'Required value: pathType must be specified', paths(path({ pathType: undefined }))),
  bad('validateHTTPIngressPath', 'ingress-path', 'unsupported pathType', 'spec.rules[0].http.paths[0].pathType',
    'Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"', paths(path({ pathType: 'Regex' }))),
  ok('validateHTTPIngressPath', 'ingress-path', 'Exact path', paths(path({ path: '/api/v1', pathType: 'Exact' }))),
  bad('validateHTTPIngressPath', 'ingress-path', 'Prefix path not absolute', 'spec.rules[0].http.paths[0].path', 'Invalid value: "api": must be an absolute path',
    paths(path({ path: 'api' }))),
  bad('validateHTTPIngressPath', 'ingress-path', 'Exact path empty', 'spec.rules[0].http.paths[0].path', 'must be an absolute path',
    paths(path({ path: undefined, pathType: 'Exact' }))),
  bad('validateHTTPIngressPath', 'ingress-path', 'Prefix path with //', 'spec.rules[0].http.paths[0].path', "must not contain '//'", paths(path({ path: '/a//b' }))),
  bad('validateHTTPIngressPath', 'ingress-path', 'Prefix path with /../', 'spec.rules[0].http.paths[0].path', "must not contain '/../'", paths(path({ path: '/a/../b' }))),
  bad('validateHTTPIngressPath', 'ingress-path', 'Prefix path with %2F', 'spec.rules[0].http.paths[0].path', "must not contain '%2F'", paths(path({ path: '/a%2Fb' }))),
  bad('validateHTTPIngressPath', 'ingress-path', 'Prefix path ending in /.', 'spec.rules[0].http.paths[0].path', "cannot end with '/.'", paths(path({ path: '/a/.' }))),
  bad('validateHTTPIngressPath', 'ingress-path', 'Exact path ending in /..', 'spec.rules[0].http.paths[0].path', "cannot end with '/..'",
    paths(path({ path: '/a/..', pathType: 'Exact' }))),
  ok('validateHTTPIngressPath', 'ingress-path', 'ImplementationSpecific path empty', paths(path({ path: undefined, pathType: 'ImplementationSpecific' }))),
  ok('validateHTTPIngressPath', 'ingress-path', 'ImplementationSpecific path with a regex and //', paths(path({ path: '/api(/|$)(.*)//x', pathType: 'ImplementationSpecific' }))),
  bad('validateHTTPIngressPath', 'ingress-path', 'ImplementationSpecific path not absolute', 'spec.rules[0].http.paths[0].path', 'must be an absolute path',
    paths(path({ path: '*', pathType: 'ImplementationSpecific' }))),

  // validateIngressBackend
  bad('validateIngressBackend', 'ingress-backend', 'empty backend', 'spec.defaultBackend', 'Invalid value: "": resource or service backend is required', defaultBackend({})),
  bad('validateIngressBackend', 'ingress-backend', 'path without a backend', 'spec.rules[0].http.paths[0].backend', 'resource or service backend is required',
    paths(path({ backend: undefined }))),
  bad('validateIngressBackend', 'ingress-backend', 'service and resource backends', 'spec.defaultBackend', 'cannot set both resource and service backends',
    defaultBackend({ ...BACKEND, resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } })),
  ok('validateIngressBackend', 'ingress-backend', 'resource backend (not checked against the input)',
    defaultBackend({ resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } })),
  bad('validateIngressTypedLocalObjectReference', 'ingress-backend', 'resource backend without kind', 'spec.defaultBackend.resource.kind', 'Required value: kind is required',
    defaultBackend({ resource: { apiGroup: 'k8s.example.com', name: 'static' } })),
  bad('validateIngressTypedLocalObjectReference (IsValidPathSegmentName)', 'ingress-backend', 'resource backend name with a slash', 'spec.defaultBackend.resource.name',
    "may not contain '/'", defaultBackend({ resource: { kind: 'StorageBucket', name: 'a/b' } })),
  bad('validateIngressBackend', 'ingress-backend', 'service backend without a name', 'spec.defaultBackend.service.name', 'Required value',
    defaultBackend({ service: { port: { number: 80 } } })),
  bad('validateIngressBackend (ValidateServiceName)', 'ingress-backend', 'service name starting with a digit (DNS-1035 label)', 'spec.defaultBackend.service.name', DNS1035,
    defaultBackend({ service: { name: '1web', port: { number: 80 } } })),
  bad('validateIngressBackend', 'ingress-backend', 'service port by name and number', 'spec.defaultBackend', 'cannot set both port name & port number',
    defaultBackend({ service: { name: 'web', port: { name: 'http', number: 80 } } })),
  bad('validateIngressBackend', 'ingress-backend', 'service port missing', 'spec.defaultBackend', 'Required value: port name or number is required',
    defaultBackend({ service: { name: 'web' } })),
  bad('validateIngressBackend', 'ingress-backend', 'service port number 0 is unset', 'spec.defaultBackend', 'port name or number is required',
    defaultBackend({ service: { name: 'web', port: { number: 0 } } })),
  ok('validateIngressBackend (IsValidPortNum)', 'ingress-backend', 'service port number 1', [service({ spec: { ports: [{ name: 'low', port: 1, targetPort: 8080 }] } }), deployment(),
    ingress({ defaultBackend: { service: { name: 'web', port: { number: 1 } } } })]),
  ok('validateIngressBackend (IsValidPortNum)', 'ingress-backend', 'service port number 65535', [service({ spec: { ports: [{ name: 'top', port: 65535, targetPort: 8080 }] } }), deployment(),
    ingress({ defaultBackend: { service: { name: 'web', port: { number: 65535 } } } })]),
  bad('validateIngressBackend (IsValidPortNum)', 'ingress-backend', 'service port number 65536', 'spec.defaultBackend.service.port.number',
    'Invalid value: 65536: must be between 1 and 65535, inclusive', defaultBackend({ service: { name: 'web', port: { number: 65536 } } })),
  bad('validateIngressBackend (IsValidPortNum)', 'ingress-backend', 'service port number -1', 'spec.defaultBackend.service.port.number',
    'must be between 1 and 65535, inclusive', defaultBackend({ service: { name: 'web', port: { number: -1 } } })),
  bad('validateIngressBackend (IsValidPortName)', 'ingress-backend', 'service port name of 16 characters', 'spec.defaultBackend.service.port.name',
    'must be no more than 15 characters', defaultBackend({ service: { name: 'web', port: { name: 'abcdefghijklmnop' } } })),
  bad('validateIngressBackend (IsValidPortName)', 'ingress-backend', 'service port name without a letter', 'spec.defaultBackend.service.port.name',
    'must contain at least one letter (a-z)', defaultBackend({ service: { name: 'web', port: { name: '8080' } } })),

  // validateIngressTLS
  ok('validateIngressTLS', 'ingress-tls', 'TLS hosts and secret', tls({ hosts: ['example.com', '*.example.com'], secretName: 'web-tls' })),
  ok('validateIngressTLS', 'ingress-tls', 'TLS without secretName (the controller\'s default certificate)', tls({ hosts: ['example.com'] })),
  bad('validateIngressTLS', 'ingress-tls', 'TLS host with uppercase', 'spec.tls[0].hosts[0]', SUBDOMAIN, tls({ hosts: ['Example.com'], secretName: 'web-tls' })),
  bad('validateIngressTLS', 'ingress-tls', 'TLS host with a bad wildcard', 'spec.tls[0].hosts[1]', 'a wildcard DNS-1123 subdomain', tls({ hosts: ['example.com', '*'] })),
  bad('validateIngressTLS (validateTLSSecretName)', 'ingress-tls', 'TLS secretName with an underscore', 'spec.tls[0].secretName', SUBDOMAIN,
    tls({ hosts: ['example.com'], secretName: 'web_tls' })),

  // ingressClassName and the class annotation
  ok('ValidateIngressSpec (ValidateIngressClassName)', 'ingress-class', 'ingressClassName', [...app(), ingress({ ingressClassName: 'nginx', defaultBackend: BACKEND })]),
  bad('ValidateIngressSpec (ValidateIngressClassName)', 'ingress-class', 'ingressClassName with uppercase', 'spec.ingressClassName', SUBDOMAIN,
    [...app(), ingress({ ingressClassName: 'Nginx', defaultBackend: BACKEND })]),
  ok('ValidateIngressCreate', 'ingress-class', 'the annotation and ingressClassName agree (allowed since 1.27)',
    [...app(), ingress({ ingressClassName: 'nginx', defaultBackend: BACKEND }, { annotations: { 'kubernetes.io/ingress.class': 'nginx' } })]),
  bad('ValidateIngressCreate', 'ingress-class', 'the annotation and ingressClassName disagree', 'metadata.annotations[kubernetes.io/ingress.class]',
    'Invalid value: "traefik": must match `ingressClassName` when both are specified',
    [...app(), ingress({ ingressClassName: 'nginx', defaultBackend: BACKEND }, { annotations: { 'kubernetes.io/ingress.class': 'traefik' } })]),
  ok('WarningsOnCreate', 'ingress-class-annotation', 'the annotation alone is accepted, with the API server\'s warning',
    [...app(), ingress({ defaultBackend: BACKEND }, { annotations: { 'kubernetes.io/ingress.class': 'nginx' } })], { warns: true }),
  bad('WarningsOnCreate', 'ingress-class-annotation', 'the annotation alone is deprecated', 'metadata.annotations[kubernetes.io/ingress.class]',
    'annotation "kubernetes.io/ingress.class" is deprecated, please use \'spec.ingressClassName\' instead',
    [...app(), ingress({ defaultBackend: BACKEND }, { annotations: { 'kubernetes.io/ingress.class': 'nginx' } })]),

  // linkage: the backend Service is in the Ingress's namespace
  ok(OURS, 'ingress-backend-service', 'backend Service in the input', paths(path())),
  bad(OURS, 'ingress-backend-service', 'backend Service missing where the namespace has Services', 'spec.rules[0].http.paths[0].backend.service.name',
    'Service "api" is not in namespace "default" in these manifests', paths(path({ backend: { service: { name: 'api', port: { number: 80 } } } }))),
  bad(OURS, 'ingress-backend-service', 'backend Service in another namespace', 'spec.defaultBackend.service.name',
    'a Service "web" is in namespace "shop", but an Ingress only routes to Services of its own namespace',
    [...inNamespace('shop', app()), deployment({ metadata: { name: 'other' } }), ingress({ defaultBackend: BACKEND })]),
  ok(OURS, 'ingress-backend-service-elsewhere', 'backend Service in manifests not in the input is accepted, with a warning', [ingress({ defaultBackend: BACKEND })], { warns: true }),
  bad(OURS, 'ingress-backend-service-elsewhere', 'backend Service where the namespace has nothing in the input', 'spec.defaultBackend.service.name',
    'they have no Service or workload in namespace "default"', [ingress({ defaultBackend: BACKEND })]),
  bad(OURS, 'ingress-backend-service-elsewhere', 'backend Service a custom resource may create', 'spec.defaultBackend.service.name', 'is a custom resource whose controller may create it',
    [...app(), { apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', metadata: { name: 'k8s' }, spec: {} },
      ingress({ defaultBackend: { service: { name: 'prometheus-operated', port: { name: 'web' } } } })]),
  ok(OURS, 'ingress-backend-service', 'linkage: false turns the check off', paths(path({ backend: { service: { name: 'api', port: { number: 80 } } } })), { options: { linkage: false } }),

  // linkage: the backend port is a port of the Service
  ok(OURS, 'ingress-backend-port', 'backend port by name', paths(path())),
  ok(OURS, 'ingress-backend-port', 'backend port by number', paths(path({ backend: { service: { name: 'web', port: { number: 80 } } } }))),
  bad(OURS, 'ingress-backend-port', 'backend port name misspelt', 'spec.rules[0].http.paths[0].backend.service.port.name',
    'port name "htttp" is not a port of Service "web", whose ports are http (80)', paths(path({ backend: { service: { name: 'web', port: { name: 'htttp' } } } }))),
  bad(OURS, 'ingress-backend-port', 'backend port number is the container port', 'spec.defaultBackend.service.port.number',
    '8080 is the container port behind its port 80 (http): an Ingress names the Service port, not the container port',
    [service({ spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }] } }), deployment(), ingress({ defaultBackend: { service: { name: 'web', port: { number: 8080 } } } })]),
  ok(OURS, 'ingress-backend-port', 'backend port number served over TCP and UDP (HTTPS and HTTP/3 on 443): the TCP port is the backend',
    [service({ spec: { ports: [{ name: 'quic', port: 443, protocol: 'UDP', targetPort: 8443 }, { name: 'https', port: 443, targetPort: 8443 }] } }),
      deployment({ spec: { template: { spec: { containers: [container([{ name: 'quic', containerPort: 8443, protocol: 'UDP' }, { name: 'https', containerPort: 8443 }])] } } } }),
      ingress({ defaultBackend: { service: { name: 'web', port: { number: 443 } } } })]),
  bad(OURS, 'ingress-backend-port', 'backend port number is the container port a named targetPort resolves to', 'spec.defaultBackend.service.port.number',
    '8080 is the container port behind its port 80 (http)', [...app(), ingress({ defaultBackend: { service: { name: 'web', port: { number: 8080 } } } })]),
  bad(OURS, 'ingress-backend-port', 'backend port number not a Service port', 'spec.defaultBackend.service.port.number', 'port 443 is not a port of Service "web"',
    defaultBackend({ service: { name: 'web', port: { number: 443 } } })),
  bad(OURS, 'ingress-backend-port', 'backend port is a UDP Service port', 'spec.defaultBackend.service.port.name', 'is UDP, but an Ingress routes HTTP, over TCP',
    [service({ spec: { ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 5353 }] } }),
      deployment({ spec: { template: { spec: { containers: [{ name: 'dns', image: 'registry.example.com/dns:1', ports: [{ containerPort: 5353, protocol: 'UDP' }] }] } } } }),
      ingress({ defaultBackend: { service: { name: 'web', port: { name: 'dns' } } } })]),

  // linkage: a Service an ingress controller can route to
  ok(OURS, 'ingress-backend-service-type', 'ClusterIP backend Service', paths(path())),
  ok(OURS, 'ingress-backend-service-type', 'headless backend Service is accepted, with a warning',
    [service({ spec: { clusterIP: 'None' } }), deployment(), ingress({ defaultBackend: BACKEND })], { warns: true }),
  bad(OURS, 'ingress-backend-service-type', 'headless backend Service', 'spec.defaultBackend.service.name', 'is headless (clusterIP: None)',
    [service({ spec: { clusterIP: 'None' } }), deployment(), ingress({ defaultBackend: BACKEND })]),
  bad(OURS, 'ingress-backend-service-type', 'ExternalName backend Service', 'spec.defaultBackend.service.name', 'is an ExternalName Service (db.example.com)',
    [...externalName(), deployment(), ingress({ defaultBackend: { service: { name: 'db', port: { number: 443 } } } })]),
];
