// Builders for the conformance table (conformance.test.ts): a valid base Service and Deployment that each case
// patches, and the case constructors.
import { CheckOptions } from '../../src';

/**
 * What a case checks, shared by accepting and rejecting cases.
 */
interface CaseBase {
  /** A short description of the input. */
  readonly name: string;
  /** The Kubernetes Go function the expectation comes from, or `cdk8s-services` for our own rules. */
  readonly source: string;
  /** The rule id the case exercises. */
  readonly rule: string;
  /** The manifests to check. */
  readonly manifests: unknown[];
  /** Checker options. */
  readonly options?: CheckOptions;
}

/**
 * The manifests pass: no finding of severity `error`, and no finding of `rule` at all unless `warns` is set, in
 * which case `rule` must be reported.
 */
export interface AcceptCase extends CaseBase {
  readonly expect: 'accept';
  readonly warns?: boolean;
}

/**
 * The manifests fail: some finding has exactly `rule` and `field`, and a message containing `message`.
 */
export interface RejectCase extends CaseBase {
  readonly expect: 'reject';
  readonly field: string;
  readonly message: string;
}

export type Case = AcceptCase | RejectCase;

/**
 * An accepting case.
 */
export function ok(
  source: string, rule: string, name: string, manifests: unknown[], extra: { options?: CheckOptions; warns?: boolean } = {},
): AcceptCase {
  return { expect: 'accept', source, rule, name, manifests, ...extra };
}

/**
 * A rejecting case.
 */
export function bad(
  source: string, rule: string, name: string, field: string, message: string, manifests: unknown[], options?: CheckOptions,
): RejectCase {
  return { expect: 'reject', source, rule, name, field, message, manifests, ...(options ? { options } : {}) };
}

type Json = any;

function isPlainObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A deep copy of `base` with `patch` applied: objects merge, arrays and scalars replace, `undefined` deletes.
 */
export function merge(base: Json, patch: Json): Json {
  if (!isPlainObject(base) || !isPlainObject(patch)) return structuredClone(patch);
  const out: Record<string, Json> = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      delete out[key];
    } else {
      out[key] = key in out ? merge(out[key], value) : structuredClone(value);
    }
  }
  return out;
}

/** The base Service port: `http`, 80, to the container port named `http`. */
export const HTTP_PORT = { name: 'http', port: 80, targetPort: 'http' };

/**
 * A valid ClusterIP Service `web` selecting `app: web` on port 80 → `http`, with `patch` applied.
 */
export function service(patch: Json = {}): Json {
  return merge({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: { app: 'web' }, ports: [HTTP_PORT] },
  }, patch);
}

/**
 * A valid container `web` exposing `ports` (by default `http` 8080/TCP).
 */
export function container(ports: Json[] = [{ name: 'http', containerPort: 8080 }], name = 'web'): Json {
  return { name, image: 'registry.example.com/web:1', ports };
}

/**
 * A valid Deployment `web` whose pods are labelled `app: web` and expose `http` 8080/TCP, with `patch` applied.
 */
export function deployment(patch: Json = {}): Json {
  return merge({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [container()] },
      },
    },
  }, patch);
}

/**
 * The base Service (patched) together with the base Deployment (patched) it selects.
 */
export function app(servicePatch: Json = {}, deploymentPatch: Json = {}): Json[] {
  return [service(servicePatch), deployment(deploymentPatch)];
}

/**
 * The base Service with `spec` patched, with the base Deployment.
 */
export function svcSpec(spec: Json): Json[] {
  return app({ spec });
}

/**
 * The base Service with these ports, with the base Deployment.
 */
export function svcPorts(...ports: Json[]): Json[] {
  return app({ spec: { ports } });
}

/**
 * A Service that selects nothing (no selector, so no linkage), with `spec` patched; alone.
 */
export function lone(spec: Json, metadata: Json = {}): Json[] {
  return [service({ metadata, spec: { selector: undefined, ...spec } })];
}

/**
 * An ExternalName Service `db` aliasing `db.example.com`, with `spec` patched; alone.
 */
export function externalName(spec: Json = {}): Json[] {
  return [service({ metadata: { name: 'db' }, spec: { type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: undefined, ...spec } })];
}

/**
 * The base Deployment with these containers; alone.
 */
export function withContainers(...containers: Json[]): Json[] {
  return [deployment({ spec: { template: { spec: { containers } } } })];
}

/**
 * The base Deployment with one container exposing these ports; alone.
 */
export function ctrPorts(...ports: Json[]): Json[] {
  return withContainers(container(ports));
}

/**
 * The base Deployment with this selector and, when given, these template labels; alone.
 */
export function withSelector(selector: Json, labels?: Json): Json[] {
  const d = deployment();
  d.spec.selector = selector;
  if (labels !== undefined) d.spec.template.metadata.labels = labels;
  return [d];
}

/**
 * The manifests, each put in namespace `ns`.
 */
export function inNamespace(ns: string, manifests: Json[]): Json[] {
  return manifests.map(m => merge(m, { metadata: { namespace: ns } }));
}

/**
 * `n` copies of `c`.
 */
export function repeat(c: string, n: number): string {
  return c.repeat(n);
}

/**
 * A dotted DNS name of exactly `length` characters, made of labels of at most 63 characters.
 */
export function dnsName(length: number): string {
  const labels: string[] = [];
  let left = length;
  while (left > 0) {
    const take = Math.min(63, left);
    labels.push('a'.repeat(take));
    left -= take + 1;
    if (left === 0) {
      // a trailing separator would be left: shorten the last label and add a one-character one
      labels[labels.length - 1] = labels[labels.length - 1].slice(0, -1);
      labels.push('b');
    }
  }
  const name = labels.join('.');
  if (name.length !== length) throw new Error(`dnsName(${length}) built ${name.length} characters`);
  return name;
}

/**
 * Message texts of the Kubernetes validators (k8s.io/apimachinery pkg/util/validation), as the API server prints them.
 */
export const MSG = {
  portRange: 'must be between 1 and 65535, inclusive',
  max15: 'must be no more than 15 characters',
  max63: 'must be no more than 63 characters',
  max253: 'must be no more than 253 characters',
  dns1035: "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  dns1123Label: "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  dns1123Subdomain: "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  qualifiedNamePart: "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  qualifiedNameSlashes: "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
  prefixEmpty: 'prefix part must be non-empty',
  prefixSubdomain: 'prefix part a lowercase RFC 1123 subdomain must consist of',
  nameEmpty: 'name part must be non-empty',
  nameMax63: 'name part must be no more than 63 characters',
  labelValue: "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  ip: 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  portNameCharset: 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
  portNameLetter: 'must contain at least one letter (a-z)',
  portNameHyphens: 'must not contain consecutive hyphens',
  portNameEnds: 'must not begin or end with a hyphen',
  onlyLoadBalancer: "Forbidden: may only be used when `type` is 'LoadBalancer'",
  sourceRanges: 'must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24',
  notInNodePortRange: 'provided port is not in the valid range. The range of valid ports is 30000-32767',
  externalNameForbidden: 'Forbidden: may not be set for ExternalName services',
  selectorMismatch: '`selector` does not match template `labels`',
};
