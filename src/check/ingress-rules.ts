// `ValidateIngressCreate` for one networking.k8s.io/v1 Ingress: metadata, `ValidateIngressSpec` (rules and hosts,
// HTTP paths, backends, TLS, ingressClassName), the class annotation that must agree with ingressClassName, and the
// API server's warning about that annotation (`WarningsOnCreate`). There is no defaulting in v1: `pathType` is
// required.
import { IngressBackendView, IngressRuleView, IngressTLSView, IngressView, invalid, notSupported, required, show } from './contract';
import { Severity } from './finding';
import { checkObjectMeta, subdomainName } from './metadata-rules';
import { INGRESS_CLASS_ANNOTATION } from './networking-views';
import type { CheckedObject, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { ipFamilyOf, isDns1035Label, isDns1123Subdomain, isInteger, isValidPortName, isValidPortNum } from './validators';

const { NETWORKING } = SOURCES;
const E = Severity.ERROR;
const W = Severity.WARNING;
const M = RuleScope.MANIFEST;

/**
 * The rules of this family.
 *
 * @internal
 */
export const INGRESS_RULES = {
  'ingress-spec': rule(E, M, 'an Ingress has a defaultBackend or rules; each rule\'s host, when set, is a DNS-1123 subdomain (or a wildcard `*.` subdomain), not an IP address; a rule with `http` has at least one path', `${NETWORKING} ValidateIngressSpec, validateIngressRules, validateHTTPIngressRuleValue`),
  'ingress-path': rule(E, M, 'each HTTP path has a pathType (Exact, Prefix or ImplementationSpecific; v1 has no default); an Exact or Prefix path is absolute and contains no `//`, `/./`, `/../`, `%2f` and does not end in `/..` or `/.`; an ImplementationSpecific path, when set, is absolute', `${NETWORKING} validateHTTPIngressPath`),
  'ingress-backend': rule(E, M, 'each backend is a Service or a resource, not both; a Service backend has a name (a DNS-1035 label, as Service names are) and a port by name (an IANA_SVC_NAME) or by number (1-65535), not both; a resource backend has a kind and a name', `${NETWORKING} validateIngressBackend, validateIngressTypedLocalObjectReference`),
  'ingress-tls': rule(E, M, 'TLS hosts are DNS-1123 subdomains (or wildcards) and secretName, when set, is a DNS-1123 subdomain', `${NETWORKING} validateIngressTLS`),
  'ingress-class': rule(E, M, 'spec.ingressClassName is a DNS-1123 subdomain, and the kubernetes.io/ingress.class annotation, when both are set, has the same value', `${NETWORKING} ValidateIngressSpec (ValidateIngressClassName), ValidateIngressCreate`),
  'ingress-class-annotation': rule(W, M, 'the kubernetes.io/ingress.class annotation without spec.ingressClassName: the API server warns that the annotation is deprecated', 'k8s.io/kubernetes pkg/registry/networking/ingress/strategy.go WarningsOnCreate'),
};

/** `supportedPathTypes`, sorted as `sets.String.List()` gives them. */
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
/** `invalidPathSequences`, in the order they are checked. */
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
/** `invalidPathSuffixes`. */
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

/**
 * `ValidateIngressCreate` and the create warnings, for one Ingress.
 *
 * @internal
 */
export function checkIngress(obj: CheckedObject<IngressView>, report: Report): void {
  checkObjectMeta(obj, report, subdomainName);
  const view = obj.view;
  const spec = view.spec;
  if (spec) {
    const rules = spec.rules ?? [];
    if (spec.rules !== undefined && rules.length === 0 && spec.defaultBackend === undefined) {
      report.add(obj, 'ingress-spec', 'spec', invalid([], 'either `defaultBackend` or `rules` must be specified'));
    }
    if (spec.defaultBackend) checkBackend(obj, report, spec.defaultBackend);
    rules.forEach((r, i) => {
      if (r) checkRule(obj, report, r, `spec.rules[${i}]`);
    });
    spec.tls?.forEach((t, i) => {
      if (t) checkTLS(obj, report, t, `spec.tls[${i}]`);
    });
    const className = spec.ingressClassName;
    if (className !== undefined && className !== null) {
      const msgs = typeof className === 'string' ? isDns1123Subdomain(className) : ['must be a string'];
      for (const msg of msgs) report.add(obj, 'ingress-class', 'spec.ingressClassName', invalid(className, msg));
    }
  }
  const annotation = view.classAnnotation;
  if (annotation === undefined) return;
  const className = spec?.ingressClassName;
  if (className === undefined || className === null) {
    report.add(obj, 'ingress-class-annotation', `metadata.annotations[${INGRESS_CLASS_ANNOTATION}]`,
      `annotation "${INGRESS_CLASS_ANNOTATION}" is deprecated, please use 'spec.ingressClassName' instead`);
  } else if (annotation !== className) {
    // the API server names the field annotations.kubernetes.io/ingress.class; the key in brackets finds its line
    report.add(obj, 'ingress-class', `metadata.annotations[${INGRESS_CLASS_ANNOTATION}]`,
      invalid(annotation, `must match \`ingressClassName\` when both are specified (ingressClassName is ${show(className)})`));
  }
}

/** `validateIngressRules` for one rule: its host, then its HTTP paths (`validateHTTPIngressRuleValue`). */
function checkRule(obj: CheckedObject, report: Report, r: IngressRuleView, at: string): void {
  const host = r.host;
  if (host !== undefined && host !== null && host !== '') {
    if (typeof host !== 'string') {
      report.add(obj, 'ingress-spec', `${at}.host`, invalid(host, 'must be a string'));
    } else {
      if (ipFamilyOf(host)) report.add(obj, 'ingress-spec', `${at}.host`, invalid(host, 'must be a DNS name, not an IP address'));
      for (const msg of hostReasons(host)) report.add(obj, 'ingress-spec', `${at}.host`, invalid(host, msg));
    }
  }
  const paths = r.paths;
  if (!paths) return;
  if (paths.length === 0) report.add(obj, 'ingress-spec', `${at}.http.paths`, required());
  paths.forEach((p, j) => {
    if (!p) return;
    const field = `${at}.http.paths[${j}]`;
    if (p.pathType === undefined || p.pathType === null) {
      // validation stops here for this path: its backend is not checked
      report.add(obj, 'ingress-path', `${field}.pathType`, required('pathType must be specified'));
      return;
    }
    checkPath(obj, report, p.pathType, p.path, field);
    if (p.backend) checkBackend(obj, report, p.backend);
  });
}

/** `validateHTTPIngressPath`: the path's form, by its pathType. */
function checkPath(obj: CheckedObject, report: Report, pathType: unknown, rawPath: unknown, field: string): void {
  const path = rawPath === undefined || rawPath === null ? '' : rawPath;
  if (typeof path !== 'string') {
    report.add(obj, 'ingress-path', `${field}.path`, invalid(path, 'must be a string'));
    return;
  }
  const bad = (msg: string) => report.add(obj, 'ingress-path', `${field}.path`, invalid(path, msg));
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!path.startsWith('/')) bad('must be an absolute path');
    if (path.length > 0) {
      for (const seq of INVALID_PATH_SEQUENCES) if (path.includes(seq)) bad(`must not contain '${seq}'`);
      for (const suffix of INVALID_PATH_SUFFIXES) if (path.endsWith(suffix)) bad(`cannot end with '${suffix}'`);
    }
  } else if (pathType === 'ImplementationSpecific') {
    if (path.length > 0 && !path.startsWith('/')) bad('must be an absolute path');
  } else {
    report.add(obj, 'ingress-path', `${field}.pathType`, notSupported(pathType, PATH_TYPES));
  }
}

/** `validateIngressBackend`: a Service (name and port) or a resource, exactly one. */
function checkBackend(obj: CheckedObject, report: Report, backend: IngressBackendView): void {
  const at = backend.path;
  const { service, resource } = backend;
  if (service && resource) {
    report.add(obj, 'ingress-backend', at, invalid('', 'cannot set both resource and service backends'));
    return;
  }
  if (resource) {
    checkResourceBackend(obj, report, resource.apiGroup, resource.kind, resource.name, `${at}.resource`);
    return;
  }
  if (!service) {
    report.add(obj, 'ingress-backend', at, invalid('', 'resource or service backend is required'));
    return;
  }
  const name = service.name;
  if (name === undefined || name === null || name === '') {
    report.add(obj, 'ingress-backend', `${at}.service.name`, required());
  } else {
    for (const msg of typeof name === 'string' ? isDns1035Label(name) : ['must be a string']) {
      report.add(obj, 'ingress-backend', `${at}.service.name`, invalid(name, msg));
    }
  }
  const portName = service.port?.name;
  const portNumber = service.port?.number;
  const hasName = portName !== undefined && portName !== null && portName !== '';
  const hasNumber = portNumber !== undefined && portNumber !== null && portNumber !== 0;
  if (hasName && hasNumber) {
    report.add(obj, 'ingress-backend', at, invalid('', 'cannot set both port name & port number'));
  } else if (hasName) {
    for (const msg of typeof portName === 'string' ? isValidPortName(portName) : ['must be a string']) {
      report.add(obj, 'ingress-backend', `${at}.service.port.name`, invalid(portName, msg));
    }
  } else if (hasNumber) {
    const msgs = isInteger(portNumber) ? isValidPortNum(portNumber) : ['must be an integer (a Service port number, not a quoted string)'];
    for (const msg of msgs) report.add(obj, 'ingress-backend', `${at}.service.port.number`, invalid(portNumber, msg));
  } else {
    report.add(obj, 'ingress-backend', at, required('port name or number is required'));
  }
}

/** `validateIngressTypedLocalObjectReference`. */
function checkResourceBackend(obj: CheckedObject, report: Report, apiGroup: unknown, kind: unknown, name: unknown, at: string): void {
  if (apiGroup !== undefined && apiGroup !== null) {
    for (const msg of typeof apiGroup === 'string' ? isDns1123Subdomain(apiGroup) : ['must be a string']) {
      report.add(obj, 'ingress-backend', `${at}.apiGroup`, invalid(apiGroup, msg));
    }
  }
  for (const [field, value] of [['kind', kind], ['name', name]] as const) {
    if (value === undefined || value === null || value === '') {
      report.add(obj, 'ingress-backend', `${at}.${field}`, required(`${field} is required`));
      continue;
    }
    for (const msg of typeof value === 'string' ? pathSegmentReasons(value) : ['must be a string']) {
      report.add(obj, 'ingress-backend', `${at}.${field}`, invalid(value, msg));
    }
  }
}

/** `validateIngressTLS` for one entry: its hosts and its secret's name. */
function checkTLS(obj: CheckedObject, report: Report, tls: IngressTLSView, at: string): void {
  const hosts = tls.hosts;
  if (hosts !== undefined && hosts !== null && !Array.isArray(hosts)) {
    report.add(obj, 'ingress-tls', `${at}.hosts`, invalid(hosts, 'must be a list of host names'));
  } else {
    (hosts ?? []).forEach((host: unknown, i: number) => {
      const msgs = typeof host === 'string' ? hostReasons(host) : ['must be a string'];
      for (const msg of msgs) report.add(obj, 'ingress-tls', `${at}.hosts[${i}]`, invalid(host, msg));
    });
  }
  const secret = tls.secretName;
  if (secret === undefined || secret === null || secret === '') return;
  for (const msg of typeof secret === 'string' ? isDns1123Subdomain(secret) : ['must be a string']) {
    report.add(obj, 'ingress-tls', `${at}.secretName`, invalid(secret, msg));
  }
}

const WILDCARD_FMT = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const WILDCARD_RE = new RegExp(`^${WILDCARD_FMT}$`);

/** A host: `IsWildcardDNS1123Subdomain` when it contains `*`, else `IsDNS1123Subdomain`. */
function hostReasons(host: string): string[] {
  if (!host.includes('*')) return isDns1123Subdomain(host);
  const errs: string[] = [];
  if (host.length > 253) errs.push('must be no more than 253 characters');
  if (!WILDCARD_RE.test(host)) {
    errs.push('a wildcard DNS-1123 subdomain must start with \'*.\', followed by a valid DNS subdomain, which must consist of lower case alphanumeric ' +
      `characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '${WILDCARD_FMT}')`);
  }
  return errs;
}

/** `IsValidPathSegmentName`. */
function pathSegmentReasons(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const c of ['/', '%']) if (name.includes(c)) errs.push(`may not contain '${c}'`);
  return errs;
}
