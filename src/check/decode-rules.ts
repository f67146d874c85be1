// Decoding rules: what the API server refuses before it validates anything, because the JSON body does not decode
// into the kind's Go types. kubectl converts YAML to JSON and sends it; the API server decodes it with
// sigs.k8s.io/json (encoding/json, case-sensitive) and, as kubectl asks by default (`--validate=strict`, the
// `fieldValidation=Strict` parameter), reports fields the type does not have. Either answers 400:
//
//   Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field
//   DeploymentSpec.spec.replicas of type int32
//   Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"
//
// The field types come from the Kubernetes 1.27 OpenAPI document (schema/openapi-1.27.ts, generated). Numbers are
// read as kubectl sends them: YAML `1.0` or `1e3` becomes the JSON integer 1 or 1000, which an integer field takes.
// Go names some string and map types of its own (`v1.Protocol`, `v1.ResourceList`); the OpenAPI document does not,
// so a message says `string` or `map[string]...` where the API server names that type.
import { show } from './contract';
import { Severity } from './finding';
import { isObject } from './json';
import type { DecodeProblem } from './manifest-views';
import { RuleScope, rule } from './rule';
import { KIND_TYPES, TYPES } from './schema/openapi-1.27';
import { INT32_MAX, INT32_MIN } from './validators';

const E = Severity.ERROR;
const M = RuleScope.MANIFEST;
const JSON_DECODER = 'sigs.k8s.io/json (encoding/json Unmarshal), k8s.io/apimachinery pkg/util/intstr IntOrString.UnmarshalJSON, ' +
  'pkg/api/resource Quantity.UnmarshalJSON';
const STRICT = 'sigs.k8s.io/json UnmarshalStrict (DisallowUnknownFields); k8s.io/apimachinery pkg/runtime/serializer/json (strict decoding error)';

/**
 * The rules of this family.
 *
 * @internal
 */
export const DECODE_RULES = {
  'object-decode': rule(E, M, 'every value has the JSON type its field has in Kubernetes 1.27 (a number where an integer belongs, a string, a list, a map, a quantity): the API server cannot decode the object otherwise, and refuses it before validating it', JSON_DECODER),
  'object-unknown-field': rule(E, M, 'every field is one the kind has in Kubernetes 1.27, spelt as it is (case-sensitive): kubectl\'s default strict field validation refuses others (the unknownFields option, or --unknown-fields, makes this a warning, as kubectl --validate=warn, or turns it off)', STRICT),
};

/**
 * The id of a decoding rule.
 *
 * @internal
 */
export type DecodeRuleId = keyof typeof DECODE_RULES;

/**
 * The ids of the decoding rules: an object with an `object-decode` finding gets only these.
 *
 * @internal
 */
export const DECODE_RULE_IDS: ReadonlySet<string> = new Set(Object.keys(DECODE_RULES));

/** `ErrFormatWrong` in k8s.io/apimachinery pkg/api/resource. */
const QUANTITY_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** `ErrSuffix`. */
const QUANTITY_SUFFIX = "unable to parse quantity's suffix";
/** What `parseQuantityString` reads: a sign, digits, a fraction, suffix letters, a signed exponent. */
const QUANTITY = /^[+-]?[0-9]*(?:\.[0-9]*)?([eEinumkKMGTP]*[-+]?[0-9]*)$/;
/** The suffixes `quantitySuffixer.interpret` knows: binary, decimal, or a decimal exponent. */
const QUANTITY_SUFFIXES = /^(?:[KMGTPE]i|[numkMGTPE]?|[eE][-+]?[0-9]+)$/;

const INT64_LIMIT = 2 ** 63;

/** A leaf type: how a field of that type decodes. */
type LeafKind = 'string' | 'boolean' | 'int32' | 'int64' | 'number' | 'int-or-string' | 'quantity' | 'time' | 'any';

/** A field type, compiled from the schema once. */
type FieldType =
  | { readonly kind: LeafKind; readonly go: string }
  | { readonly kind: 'list' | 'map'; readonly of: FieldType; readonly go: string }
  | ObjectType;

/** An object type: its Go struct name and its fields. */
interface ObjectType {
  readonly kind: 'object';
  /** The Go type as encoding/json names it (`v1.Container`). */
  readonly go: string;
  /** The Go struct name (`Container`), as the message names the struct that holds a field. */
  readonly struct: string;
  readonly fields: Map<string, FieldType>;
}

/** The Go type encoding/json names in a message, for a leaf the decoder reports itself. */
const LEAF_GO: Readonly<Record<LeafKind, string>> = {
  'string': 'string',
  'boolean': 'bool',
  'int32': 'int32',
  'int64': 'int64',
  'number': 'float64',
  // IntOrString.UnmarshalJSON decodes anything but a JSON string into its int32; metav1.Time decodes a string
  'int-or-string': 'int32',
  'quantity': 'resource.Quantity',
  'time': 'string',
  'any': 'interface {}',
};

/**
 * Fields later releases added that a rule of their own checks against the target Kubernetes version: decoding takes
 * them as they are, so that one finding says what is wrong with them.
 */
const LATER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // Service.spec.trafficDistribution (1.30): checked by target version in service-rules.ts, which reports it as unknown before 1.30
  'core/v1.ServiceSpec': ['trafficDistribution'],
};

const OBJECTS = new Map<string, ObjectType>();

/** The compiled type of a schema type name. */
function compile(type: string): FieldType {
  if (type.startsWith('[]')) {
    const of = compile(type.slice(2));
    return { kind: 'list', of, go: `[]${of.go}` };
  }
  if (type.startsWith('map[string]')) {
    const of = compile(type.slice('map[string]'.length));
    return { kind: 'map', of, go: `map[string]${of.go}` };
  }
  const fields = TYPES[type];
  if (fields === undefined) return { kind: type as LeafKind, go: LEAF_GO[type as LeafKind] };
  let object = OBJECTS.get(type);
  if (object === undefined) {
    const go = type.slice(type.indexOf('/') + 1);
    object = { kind: 'object', go, struct: go.slice(go.indexOf('.') + 1), fields: new Map() };
    OBJECTS.set(type, object);
    for (const name of Object.keys(fields)) object.fields.set(name, compile(fields[name]));
    for (const name of LATER_FIELDS[type] ?? []) object.fields.set(name, { kind: 'any', go: LEAF_GO.any });
  }
  return object;
}

/** The root type of each kind, by `<apiVersion> <kind>`. */
const ROOTS: ReadonlyMap<string, ObjectType> = new Map(Object.entries(KIND_TYPES).map(([kind, type]) => [kind, compile(type) as ObjectType]));

/** What a path segment is: a struct field, a list index, or a map key. */
const FIELD = 0;
const INDEX = 1;
const KEY = 2;

/**
 * Walks one manifest against its kind's type. The path is kept as a stack and rendered only for a finding.
 */
class Walker {
  /** Whether the API server can decode the object: no `object-decode` problem so far. */
  public decodable = true;
  private readonly segments: Array<string | number> = [];
  private readonly kinds: number[] = [];

  constructor(private readonly problem: DecodeProblem) {}

  public object(value: Record<string, unknown>, type: ObjectType): void {
    for (const key in value) {
      const field = type.fields.get(key);
      this.push(key, FIELD);
      if (field === undefined) this.unknown(key, type);
      else this.value(value[key], field, type.struct);
      this.pop();
    }
  }

  /** A value of a field of the struct `struct` (or an entry of a list or map such a field holds). */
  private value(value: unknown, type: FieldType, struct: string): void {
    if (value === null || value === undefined) return; // null decodes into anything: nil, or no change
    switch (type.kind) {
      case 'string':
      case 'time':
        if (typeof value !== 'string') {
          const scalar = typeof value === 'number' || typeof value === 'boolean';
          this.mismatch(value, type.go, struct, scalar ? `write ${show(String(value))} in quotes to make it a string` : 'a string is needed here');
        }
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.mismatch(value, 'bool', struct, 'write true or false, without quotes');
        return;
      case 'int32':
      case 'int64':
      case 'int-or-string':
        this.integer(value, type.kind, struct);
        return;
      case 'number':
        if (typeof value !== 'number') this.mismatch(value, 'float64', struct, 'write a number, without quotes');
        return;
      case 'quantity':
        this.quantity(value);
        return;
      case 'any':
        return;
      case 'list':
        if (!Array.isArray(value)) {
          this.mismatch(value, type.go, struct, isObject(value) ? 'a list is needed here, not a map (start each entry with "- " in YAML)' : 'a list is needed here');
          return;
        }
        for (let i = 0; i < value.length; i++) {
          this.push(i, INDEX);
          this.value(value[i], type.of, struct);
          this.pop();
        }
        return;
      case 'map':
      case 'object':
        if (!isObject(value)) {
          this.mismatch(value, type.go, struct, Array.isArray(value) ? 'a map is needed here, not a list' : 'a map is needed here');
          return;
        }
        if (type.kind === 'object') {
          this.object(value, type);
          return;
        }
        for (const key in value) {
          this.push(key, KEY);
          this.value(value[key], type.of, struct);
          this.pop();
        }
        return;
    }
  }

  /** An int32 or int64 field, or an IntOrString (a string, or else its int32). */
  private integer(value: unknown, kind: 'int32' | 'int64' | 'int-or-string', struct: string): void {
    if (kind === 'int-or-string' && typeof value === 'string') return;
    const go = kind === 'int64' ? 'int64' : 'int32';
    const either = kind === 'int-or-string' ? ' or a string' : '';
    if (typeof value === 'bigint') {
      // a YAML parser hands over integers past 2^53 as big integers
      const [min, max] = go === 'int32' ? [BigInt(INT32_MIN), BigInt(INT32_MAX)] : [-(2n ** 63n), 2n ** 63n - 1n];
      if (value < min || value > max) this.mismatch(value, go, struct, `${show(value)} is out of the ${go} range`);
      return;
    }
    if (typeof value !== 'number') {
      const hint = typeof value === 'string' ? `${show(value)} must be a number, written without quotes` : `an integer${either} is needed here`;
      this.mismatch(value, go, struct, hint);
      return;
    }
    if (!Number.isInteger(value)) {
      this.mismatch(value, go, struct, `${show(value)} must be a whole number${either}`);
    } else if (go === 'int32' ? value < INT32_MIN || value > INT32_MAX : value < -INT64_LIMIT || value > INT64_LIMIT) {
      this.mismatch(value, go, struct, `${show(value)} is out of the ${go} range`);
    }
  }

  /** `Quantity.UnmarshalJSON`: null, a number, or a string `ParseQuantity` reads. */
  private quantity(value: unknown): void {
    if (typeof value === 'number' || typeof value === 'bigint') return;
    if (typeof value !== 'string') {
      this.report('object-decode', `${QUANTITY_FORMAT}: got ${show(value)}; write a quantity such as 500m, 128Mi or 2`);
      return;
    }
    const text = value.trim();
    if (text === '0') return;
    const m = QUANTITY.exec(text);
    if (text === '' || !m) {
      this.report('object-decode', `${QUANTITY_FORMAT}: got ${show(value)}; write a quantity such as 500m, 128Mi or 2`);
    } else if (!QUANTITY_SUFFIXES.test(m[1])) {
      this.report('object-decode', `${QUANTITY_SUFFIX}: got ${show(value)}; the suffixes are Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E`);
    }
  }

  /** `UnmarshalTypeError`, worded as encoding/json words it, then what to write instead. */
  private mismatch(value: unknown, go: string, struct: string, hint: string): void {
    let what: string;
    if (typeof value === 'string') what = 'string';
    else if (typeof value === 'boolean') what = 'bool';
    else if (Array.isArray(value)) what = 'array';
    else if (typeof value === 'number' || typeof value === 'bigint') what = go === 'int32' || go === 'int64' ? `number ${show(value)}` : 'number';
    else what = 'object';
    this.report('object-decode', `json: cannot unmarshal ${what} into Go struct field ${struct}.${this.goPath()} of type ${go}: ${hint}`);
  }

  private unknown(key: string, type: ObjectType): void {
    let hint = '';
    const lower = key.toLowerCase();
    for (const name of type.fields.keys()) {
      if (name.toLowerCase() === lower) hint = `; did you mean "${name}"? field names are case-sensitive`;
    }
    this.report('object-unknown-field', `unknown field "${this.path()}"${hint}`);
  }

  private report(ruleId: DecodeRuleId, message: string): void {
    if (ruleId === 'object-decode') this.decodable = false;
    this.problem(ruleId, this.path(), message);
  }

  private push(segment: string | number, kind: number): void {
    this.segments.push(segment);
    this.kinds.push(kind);
  }

  private pop(): void {
    this.segments.pop();
    this.kinds.pop();
  }

  /** The field path as the findings write it: `spec.template.spec.containers[0].ports[1]`, `metadata.labels[app]`. */
  private path(): string {
    let path = '';
    for (let i = 0; i < this.segments.length; i++) {
      const segment = this.segments[i];
      if (this.kinds[i] === FIELD) path += path === '' ? segment : `.${segment}`;
      else path += `[${segment}]`;
    }
    return path;
  }

  /** The path as encoding/json names it: the struct fields only (`spec.template.spec.containers.ports`). */
  private goPath(): string {
    const names: Array<string | number> = [];
    for (let i = 0; i < this.segments.length; i++) if (this.kinds[i] === FIELD) names.push(this.segments[i]);
    return names.join('.');
  }
}

/**
 * Checks a manifest of a kind the 1.27 schema has against its types, and reports each value of the wrong type and
 * each unknown field once, at its field, without looking inside a value of the wrong type. Other kinds (custom
 * resources, kinds the checker does not know) are not checked.
 *
 * @returns whether the API server can decode the object (no `object-decode` problem)
 * @internal
 */
export function checkDecoding(manifest: Record<string, unknown>, problem: DecodeProblem): boolean {
  const type = typeof manifest.apiVersion === 'string' ? ROOTS.get(`${manifest.apiVersion} ${manifest.kind}`) : undefined;
  if (type === undefined) return true;
  const walker = new Walker(problem);
  walker.object(manifest, type);
  return walker.decodable;
}
