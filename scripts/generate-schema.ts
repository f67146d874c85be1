// Writes src/check/schema/openapi-1.27.ts: the field types of the kinds the checker decodes, as the Kubernetes 1.27
// OpenAPI document gives them, for the decode rules (src/check/decode-rules.ts).
//
//   ts-node --project test/tsconfig.json scripts/generate-schema.ts [--check]
//
// The source is the devDependency kubernetes-models 4.4.2, the last release generated from the Kubernetes 1.27
// OpenAPI document (4.5 adds the 1.28 fields). It ships each definition as a compiled validator
// (`_schemas/<Definition>.js`); this script reads the shape of each validator (which properties it checks, and with
// which type) from that code, so that nothing of kubernetes-models is needed at run time. With --check, it fails
// when the committed module differs from what it would write.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const OUTPUT = path.join(ROOT, 'src', 'check', 'schema', 'openapi-1.27.ts');
const MODELS = path.join(ROOT, 'node_modules', 'kubernetes-models');
const APIMACHINERY = path.join(ROOT, 'node_modules', '@kubernetes-models', 'apimachinery');
const EXPECTED_VERSION = '4.4.2';

/** The kinds decoded, by `apiVersion kind`, and their definitions. */
const KINDS: ReadonlyArray<readonly [string, string]> = [
  ['v1 Pod', 'IoK8sApiCoreV1Pod'],
  ['v1 ReplicationController', 'IoK8sApiCoreV1ReplicationController'],
  ['v1 Service', 'IoK8sApiCoreV1Service'],
  ['apps/v1 DaemonSet', 'IoK8sApiAppsV1DaemonSet'],
  ['apps/v1 Deployment', 'IoK8sApiAppsV1Deployment'],
  ['apps/v1 ReplicaSet', 'IoK8sApiAppsV1ReplicaSet'],
  ['apps/v1 StatefulSet', 'IoK8sApiAppsV1StatefulSet'],
  ['autoscaling/v2 HorizontalPodAutoscaler', 'IoK8sApiAutoscalingV2HorizontalPodAutoscaler'],
  ['batch/v1 CronJob', 'IoK8sApiBatchV1CronJob'],
  ['batch/v1 Job', 'IoK8sApiBatchV1Job'],
  ['discovery.k8s.io/v1 EndpointSlice', 'IoK8sApiDiscoveryV1EndpointSlice'],
  ['networking.k8s.io/v1 Ingress', 'IoK8sApiNetworkingV1Ingress'],
  ['networking.k8s.io/v1 NetworkPolicy', 'IoK8sApiNetworkingV1NetworkPolicy'],
  ['policy/v1 PodDisruptionBudget', 'IoK8sApiPolicyV1PodDisruptionBudget'],
];

/** Definitions whose Go type decodes itself (UnmarshalJSON): their JSON shape is not an object's. */
const SPECIAL: Readonly<Record<string, string>> = {
  IoK8sApimachineryPkgUtilIntstrIntOrString: 'int-or-string',
  IoK8sApimachineryPkgApiResourceQuantity: 'quantity',
  IoK8sApimachineryPkgApisMetaV1Time: 'time',
  IoK8sApimachineryPkgApisMetaV1MicroTime: 'time',
  IoK8sApimachineryPkgApisMetaV1FieldsV1: 'any',
  IoK8sApimachineryPkgRuntimeRawExtension: 'any',
};

/**
 * Object types that kubernetes-models compiled inline rather than as a reference, by `<type>.<field>`: the Go type
 * they are, for the messages that name it.
 */
const INLINE: Readonly<Record<string, string>> = {
  'apps/v1.StatefulSetSpec.volumeClaimTemplates': 'core/v1.PersistentVolumeClaim',
};

/** One validator function of a compiled module. */
interface Fn {
  readonly body: string;
}

/** A compiled definition module, read. */
interface Module {
  readonly requires: ReadonlyMap<string, string>;
  readonly formats: ReadonlyMap<string, string>;
  readonly functions: ReadonlyMap<string, Fn>;
  readonly main: string;
}

/** `IoK8sApiAppsV1DeploymentSpec` → `apps/v1.DeploymentSpec`; `IoK8sApimachineryPkgApisMetaV1ObjectMeta` → `meta/v1.ObjectMeta`. */
function typeName(definition: string): string {
  const m = /^IoK8s(?:Api|ApimachineryPkgApis)([A-Z][a-z]+(?:[A-Z][a-z]+)*?)(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/.exec(definition);
  if (!m) throw new Error(`cannot name definition ${definition}`);
  return `${m[1].toLowerCase()}/${m[2].toLowerCase()}.${m[3]}`;
}

function fileOf(definition: string): string {
  const dir = definition.startsWith('IoK8sApimachinery') ? APIMACHINERY : MODELS;
  return path.join(dir, '_schemas', `${definition}.js`);
}

/** The index just past the `}` that closes the `{` at `open`, skipping string literals. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return i + 1;
    }
  }
  throw new Error('unbalanced braces');
}

function readModule(definition: string): Module {
  const text = fs.readFileSync(fileOf(definition), 'utf8');
  const requires = new Map<string, string>();
  for (const m of text.matchAll(/(_\w+)=require\("([^"]+)"\)/g)) requires.set(m[1], path.basename(m[2]).replace(/\.js$/, ''));
  const formats = new Map<string, string>();
  for (const m of text.matchAll(/(formats\d+)=_validate\.formats(?:\.(\w+)|\["([^"]+)"\])/g)) formats.set(m[1], m[2] ?? m[3]);
  const functions = new Map<string, Fn>();
  const signature = '(data,{instancePath="",parentData,parentDataProperty,rootData=data}={})';
  for (const m of text.matchAll(/function (validate\d+)\(/g)) {
    const open = text.indexOf(signature, m.index) + signature.length;
    if (text[open] !== '{') throw new Error(`${definition}: unexpected function shape at ${m.index}`);
    functions.set(m[1], { body: text.slice(open, closing(text, open)) });
  }
  const main = /validate=function (validate\d+)\(/.exec(text);
  if (!main) throw new Error(`${definition}: no validate function`);
  return { requires, formats, functions, main: main[1] };
}

/** What a call in a validator refers to: `validateN` in the module, or `(0,_Def.validate)`. */
const CALL = '(?:(validate\\d+)|\\(0,(_\\w+)\\.validate\\))';

class Generator {
  /** Object types by name: field → type. */
  public readonly types = new Map<string, Map<string, string>>();
  private readonly done = new Map<string, string>();

  /** The type of a definition: a special type, or the name of its object type (generated on the way). */
  public definition(definition: string): string {
    const special = SPECIAL[definition];
    if (special) return special;
    const known = this.done.get(definition);
    if (known !== undefined) return known;
    const name = typeName(definition);
    this.done.set(definition, name);
    const module = readModule(definition);
    const type = this.fn(definition, module, module.main, name);
    if (type !== name) this.done.set(definition, type);
    return type;
  }

  /** The type one validator function checks; `name` names it when it is an object with properties. */
  private fn(definition: string, module: Module, fnName: string, name?: string, at?: string): string {
    const fn = module.functions.get(fnName);
    if (!fn) throw new Error(`${definition}: no function ${fnName}`);
    const body = fn.body;
    const callee = (local: string | undefined, required: string | undefined, field?: string): string =>
      local ? this.fn(definition, module, local, undefined, field ?? at)
        : this.definition(module.requires.get(required!) ?? fail(`${definition}: unknown ${required}`));
    const props = [...body.matchAll(new RegExp(`void 0===data(?:\\.([\\w$]+)|\\["([^"]+)"\\])\\|\\|${CALL}\\(data`, 'g'))];
    if (props.length > 0) {
      name ??= INLINE[at ?? ''] ?? fail(`${definition}: an object compiled inline at ${at}: name its Go type in INLINE`);
      const fields = new Map<string, string>();
      this.types.set(name, fields);
      for (const m of props) fields.set(m[1] ?? m[2], callee(m[3], m[4], `${name}.${m[1] ?? m[2]}`));
      return name;
    }
    const map = new RegExp(`for\\(let key0 in data\\)${CALL}\\(data\\[key0\\]`).exec(body);
    if (map) return `map[string]${callee(map[1], map[2])}`;
    const list = new RegExp(`for\\(let i0=0;i0<len0;i0\\+\\+\\)${CALL}\\(data\\[i0\\]`).exec(body);
    if (list) return `[]${callee(list[1], list[2])}`;
    if (/for\(/.test(body)) throw new Error(`${definition}: an inline list or map in ${fnName}`);
    const ref = new RegExp(`^\\{[^{]*?${CALL}\\(data,`).exec(body);
    if (ref) return callee(ref[1], ref[2]);
    if (body.includes('"string"!=typeof data')) return 'string';
    if (body.includes('"boolean"!=typeof data')) return 'boolean';
    if (body.includes('!(data%1)')) {
      const format = /(formats\d+)\.validate\(data\)/.exec(body);
      return format ? module.formats.get(format[1]) ?? fail(`${definition}: unknown format ${format[1]}`) : 'int64';
    }
    if (body.includes('"number"==typeof data&&isFinite(data)')) return 'number';
    if (body.includes('"object"==typeof data')) return name ? (this.types.set(name, new Map()), name) : 'any';
    return 'any';
  }
}

function fail(message: string): never {
  throw new Error(message);
}

/** The generated module's text. */
export function generate(): string {
  const version = JSON.parse(fs.readFileSync(path.join(MODELS, 'package.json'), 'utf8')).version;
  if (version !== EXPECTED_VERSION) throw new Error(`kubernetes-models ${version} is installed; the 1.27 schema comes from ${EXPECTED_VERSION}`);
  const generator = new Generator();
  const roots = KINDS.map(([kind, definition]) => [kind, generator.definition(definition)] as const);
  const names = [...generator.types.keys()].sort();
  const q = (s: string) => (/^[A-Za-z_$][\w$]*$/.test(s) ? s : `'${s}'`);
  const lines = [
    `// Generated by scripts/generate-schema.ts from kubernetes-models ${EXPECTED_VERSION} (the Kubernetes 1.27 OpenAPI document): do not edit.`,
    '// Regenerate with `ts-node --project test/tsconfig.json scripts/generate-schema.ts`.',
    '//',
    '// A field type is `string`, `boolean`, `int32`, `int64`, `number` (float64), `int-or-string`, `quantity`, `time`,',
    '// `any` (any JSON), `[]T` (a list of T), `map[string]T` (a map of T), or the name of an object type in TYPES,',
    '// `<group>/<version>.<Go type>` (the core group is `core`, the apimachinery meta types `meta`).',
    '',
    '/**',
    ' * The root object type of each kind, by `<apiVersion> <kind>`.',
    ' *',
    ' * @internal',
    ' */',
    'export const KIND_TYPES: Readonly<Record<string, string>> = {',
    ...roots.map(([kind, type]) => `  '${kind}': '${type}',`),
    '};',
    '',
    '/**',
    ' * The fields of each object type and their types.',
    ' *',
    ' * @internal',
    ' */',
    'export const TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {',
    ...names.map(name => {
      const fields = [...generator.types.get(name)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `  '${name}': { ${fields.map(([f, t]) => `${q(f)}: '${t}'`).join(', ')} },`;
    }),
    '};',
    '',
  ];
  return lines.join('\n');
}

if (require.main === module) {
  const text = generate();
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(OUTPUT) || fs.readFileSync(OUTPUT, 'utf8') !== text) {
      process.stderr.write(`${path.relative(ROOT, OUTPUT)} is out of date: run scripts/generate-schema.ts\n`);
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
    fs.writeFileSync(OUTPUT, text);
  }
}
