// The command line of `cdk8s-services check`: one table of flags, from which both the parsing and the help text
// come. Each flag sets one field of the arguments; a checker option lives in CheckOptions.
import { CheckOptions, UnknownFields } from '../check';

/**
 * The formats findings can be written in.
 */
export type OutputFormat = 'text' | 'json' | 'sarif';

/**
 * The parsed command line.
 */
export interface ParsedArgs {
  /** `check` the manifests, or draw the `map` of their wiring. */
  readonly command: 'check' | 'map';
  readonly inputs: string[];
  output: OutputFormat;
  /** Descend into subdirectories, as `kubectl apply -R`. */
  recursive: boolean;
  /** Files that hold no Kubernetes object make the exit status 2. */
  strict: boolean;
  action?: 'help' | 'rules';
  readonly options: { -readonly [K in keyof CheckOptions]: CheckOptions[K] };
}

/**
 * A mistake on the command line: the message and the usage are printed, exit status 2.
 */
export class UsageError extends Error {}

interface Flag {
  readonly names: readonly string[];
  /** The value's placeholder, for a flag that takes one. */
  readonly value?: string;
  readonly help: string;
  readonly apply: (args: ParsedArgs, value: string) => void;
}

/** Splits a comma-separated value; the flag may be repeated. */
function list(value: string): string[] {
  return value.split(',').map(s => s.trim()).filter(s => s);
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

const FLAGS: readonly Flag[] = [
  {
    names: ['-o', '--output'],
    value: 'text|json|sarif',
    help: 'text (default): file:line:col, object, field, message and rule per finding, then a summary; json: an array of findings; sarif: SARIF 2.1.0 for code scanning',
    apply: (args, v) => {
      if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`--output takes ${FORMATS.join(', ')}, got '${v}'`);
      args.output = v as OutputFormat;
    },
  },
  {
    names: ['-R', '--recursive'],
    help: 'descend into the subdirectories of a DIR (not dot-directories, node_modules or a Helm chart\'s templates), as kubectl apply -R does',
    apply: args => { args.recursive = true; },
  },
  {
    names: ['--strict'],
    help: 'a file that holds no Kubernetes object (a kustomization, Helm values, CI configuration) makes the exit status 2 instead of a note',
    apply: args => { args.strict = true; },
  },
  {
    names: ['--no-linkage'],
    help: 'only the per-object rules, for objects whose pods live in other manifests',
    apply: args => { args.options.linkage = false; },
  },
  {
    names: ['--node-port-range'],
    value: 'MIN-MAX',
    help: "the cluster's --service-node-port-range (default 30000-32767)",
    apply: (args, v) => {
      const m = /^(\d+)-(\d+)$/.exec(v);
      if (!m) throw new UsageError(`--node-port-range takes MIN-MAX, such as 30000-32767, got '${v}'`);
      args.options.nodePortRange = { min: Number(m[1]), max: Number(m[2]) };
    },
  },
  {
    names: ['--service-cidr'],
    value: 'CIDR[,CIDR]',
    help: "the cluster's --service-cluster-ip-range: requested cluster IPs must lie in it (default: not checked)",
    apply: (args, v) => { args.options.serviceCIDRs = [...args.options.serviceCIDRs ?? [], ...list(v)]; },
  },
  {
    names: ['--kubernetes-version'],
    value: '1.N',
    help: 'the Kubernetes version the manifests are applied to: decides the fields added after 1.27 (default: 1.27)',
    apply: (args, v) => { args.options.kubernetesVersion = v; },
  },
  {
    names: ['-n', '--namespace'],
    value: 'NS',
    help: 'the namespace objects without one land in (default: default)',
    apply: (args, v) => { args.options.defaultNamespace = v; },
  },
  {
    names: ['--unknown-fields'],
    value: 'error|warning|ignore',
    help: "fields a kind does not have in Kubernetes 1.27: error (default) as kubectl's strict field validation refuses them, warning as kubectl --validate=warn, ignore as --validate=false",
    apply: (args, v) => {
      const values = Object.values(UnknownFields) as string[];
      if (!values.includes(v)) throw new UsageError(`--unknown-fields takes ${values.join(', ')}, got '${v}'`);
      args.options.unknownFields = v as UnknownFields;
    },
  },
  {
    names: ['--skip'],
    value: 'RULE[,RULE...]',
    help: 'skip rules (repeatable); --list-rules shows them',
    apply: (args, v) => { args.options.skipRules = [...args.options.skipRules ?? [], ...list(v)]; },
  },
  {
    names: ['--list-rules'],
    help: 'print the rules and exit',
    apply: args => { args.action ??= 'rules'; },
  },
  {
    names: ['-h', '--help'],
    help: 'print this help and exit',
    apply: args => { args.action = 'help'; },
  },
];

/**
 * The help text.
 */
export const USAGE = [
  'usage: cdk8s-services check [options] FILE|DIR|- ...',
  '',
  'Checks Kubernetes manifests (YAML or JSON, such as the output of cdk8s synth, helm template or kustomize build)',
  "against the API server's create-time rules for Services and the workloads they select, and for broken Service",
  'wiring: selectors that match no pods, target ports no selected pod exposes.',
  '',
  'Files are read as kubectl reads them. A DIR contributes its *.yaml, *.yml and *.json files (and with -R those of',
  'its subdirectories); - reads standard input. Files that hold no Kubernetes object are skipped with a note.',
  '',
  'usage: cdk8s-services map [-R] [-n NS] FILE|DIR|- ...',
  '',
  'Prints a picture of the wiring as a Mermaid flowchart in a Markdown fence: Ingress to Service port to container',
  'port, what NetworkPolicies allow, ExternalName hosts, EndpointSlice addresses, StatefulSets and their Services,',
  'grouped by namespace; what check finds broken in red with the reason. Exit status 0, or 2 as for check.',
  '',
  'options:',
  ...FLAGS.map(f => {
    const left = `  ${f.names.join(', ')}${f.value ? ` ${f.value}` : ''}`;
    return left.length < 28 ? `${left.padEnd(28)}${f.help}` : `${left}\n${' '.repeat(28)}${f.help}`;
  }),
  '',
  'exit status: 0 no errors (warnings allowed), 1 errors found, 2 a file could not be read or parsed (the others are',
  'still checked), a file held no Kubernetes object under --strict, or bad usage',
  '',
].join('\n');

const FLAG_BY_NAME = new Map(FLAGS.flatMap(f => f.names.map(n => [n, f] as const)));

/** The flags of `map`: what it reads and where objects land; the checker's other settings change no wiring. */
const MAP_FLAGS: ReadonlySet<string> = new Set(['-R', '--recursive', '-n', '--namespace', '-h', '--help']);

/**
 * Parses `check [options] INPUT...` and `map [-R] [-n NS] INPUT...`.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const args: ParsedArgs = { command: command === 'map' ? 'map' : 'check', inputs: [], output: 'text', recursive: false, strict: false, options: {} };
  if (command === '-h' || command === '--help' || command === 'help') return { ...args, action: 'help' };
  if (command !== 'check' && command !== 'map') {
    throw new UsageError(command === undefined ? 'missing command' : `unknown command '${command}'`);
  }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = FLAG_BY_NAME.get(name);
    if (!flag) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
      args.inputs.push(arg);
      continue;
    }
    if (args.command === 'map' && !MAP_FLAGS.has(name)) throw new UsageError(`${name} is not an option of map, which takes -R and -n`);
    let value = '';
    if (flag.value) {
      const next = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      value = next;
    } else if (eq > 0) {
      throw new UsageError(`${name} takes no value`);
    }
    flag.apply(args, value);
  }
  if (args.action) return args;
  if (args.inputs.length === 0) throw new UsageError('no input: name files, directories, or - for standard input');
  return args;
}
