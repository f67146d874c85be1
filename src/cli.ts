// The `cdk8s-services check` command: checks multi-document YAML (cdk8s synth, helm template, kustomize build
// output) with ManifestChecker. Not part of the jsii API: bin/cdk8s-services calls `main`.
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { CheckOptions, Finding, ManifestChecker, Severity } from './check';

/** Exit codes. */
const CLEAN = 0;
const ERRORS = 1;
const UNREADABLE = 2;

/**
 * Where the command writes and reads, so tests can run it in-process.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): string;
}

/**
 * A finding with the file and document it came from.
 */
export interface FileFinding extends Finding {
  readonly file: string;
  readonly document: number;
}

interface Source {
  readonly file: string;
  readonly document: number;
}

/**
 * The command's options, one row each: the help text and the parsing both come from this table, and each sets
 * one field of the arguments (a checker option lives in CheckOptions).
 */
interface Flag {
  readonly names: readonly string[];
  /** The value's placeholder, for a flag that takes one. */
  readonly value?: string;
  readonly help: string;
  readonly apply: (args: ParsedArgs, value: string) => void;
}

interface ParsedArgs {
  readonly inputs: string[];
  output: 'text' | 'json';
  action?: 'help' | 'rules';
  readonly options: { -readonly [K in keyof CheckOptions]: CheckOptions[K] };
}

/** Splits a comma-separated value; the flag may be repeated. */
function list(value: string): string[] {
  return value.split(',').map(s => s.trim()).filter(s => s);
}

const FLAGS: readonly Flag[] = [
  {
    names: ['--output'],
    value: 'text|json',
    help: 'text (default): one line per finding and a summary; json: an array of findings',
    apply: (args, v) => {
      if (v !== 'text' && v !== 'json') throw new UsageError(`--output takes text or json, got '${v}'`);
      args.output = v;
    },
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
    names: ['-n', '--namespace'],
    value: 'NS',
    help: 'the namespace objects without one land in (default: default)',
    apply: (args, v) => { args.options.defaultNamespace = v; },
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

const USAGE = [
  'usage: cdk8s-services check [options] FILE|DIR|- ...',
  '',
  'Checks Kubernetes manifests (multi-document YAML, such as the output of cdk8s synth, helm template or',
  "kustomize build) against the API server's create-time rules for Services and the workloads they select, and",
  'for broken Service wiring: selectors that match no pods, target ports no selected pod exposes.',
  '',
  'A DIR is searched for *.yaml and *.yml files; - reads standard input.',
  '',
  'options:',
  ...FLAGS.map(f => {
    const left = `  ${f.names.join(', ')}${f.value ? ` ${f.value}` : ''}`;
    return left.length < 28 ? `${left.padEnd(28)}${f.help}` : `${left}\n${' '.repeat(28)}${f.help}`;
  }),
  '',
  'exit status: 0 no errors (warnings allowed), 1 errors found, 2 input unreadable, not YAML or not Kubernetes',
  'objects, or bad usage',
  '',
].join('\n');

class UsageError extends Error {}
class InputError extends Error {}

const FLAG_BY_NAME = new Map(FLAGS.flatMap(f => f.names.map(n => [n, f] as const)));

function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const args: ParsedArgs = { inputs: [], output: 'text', options: {} };
  if (command === '-h' || command === '--help' || command === 'help') return { ...args, action: 'help' };
  if (command !== 'check') {
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

/** The YAML files of an input, in a stable order. */
function expand(input: string): string[] {
  if (input === '-') return ['-'];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch (e) {
    throw new InputError(`${input}: cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
  }
  if (!stat.isDirectory()) return [input];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/i.test(entry.name)) files.push(full);
    }
  };
  walk(input);
  if (files.length === 0) throw new InputError(`${input}: no .yaml or .yml files in this directory`);
  return files;
}

/** Parses one file's documents; `kind: List` documents contribute their items. */
function readManifests(file: string, io: CliIo, into: { manifests: any[]; sources: Source[] }): void {
  const name = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text = file === '-' ? io.readStdin() : fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${name}: cannot read: ${(e as Error).message}`);
  }
  // kubectl and Helm read YAML 1.1 (yes/no/on/off are booleans, 0755 is octal): so does the checker
  const docs = parseAllDocuments(text, { version: '1.1' });
  const all = Array.isArray(docs) ? docs : [docs];
  all.forEach((doc, document) => {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0];
      const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new InputError(`${name}:${document}: not valid YAML${line ? ` (line ${line.line}, column ${line.col})` : ''}: ${reason}`);
    }
    const value = doc.toJS({ maxAliasCount: 1000 });
    if (value === null || value === undefined) return;
    const items = value && typeof value === 'object' && value.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
    for (const item of items) {
      if (!item || typeof item !== 'object' || Array.isArray(item) || typeof item.apiVersion !== 'string' || typeof item.kind !== 'string') {
        throw new InputError(`${name}:${document}: not a Kubernetes object: every document needs a mapping with apiVersion and kind`);
      }
      into.manifests.push(item);
      into.sources.push({ file: name, document });
    }
  });
}

/** `file:document kind/namespace/name field: message [rule]` (`kind/name` without a namespace); warnings say so. */
function describe(f: FileFinding): string {
  const object = f.namespace ? `${f.kind}/${f.namespace}/${f.name}` : `${f.kind}/${f.name}`;
  const severity = f.severity === Severity.WARNING ? 'warning: ' : '';
  return `${f.file}:${f.document} ${object} ${f.field}: ${severity}${f.message} [${f.rule}]`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Runs the command and returns its exit status.
 */
export function main(argv: string[], io: CliIo): number {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr(`cdk8s-services: ${(e as Error).message}\n\n${USAGE}`);
    return UNREADABLE;
  }
  if (args.action === 'help') {
    io.stdout(USAGE);
    return CLEAN;
  }
  if (args.action === 'rules') {
    for (const r of ManifestChecker.rules) io.stdout(`${r.id.padEnd(32)} ${r.severity.padEnd(8)} ${r.description}\n`);
    return CLEAN;
  }
  const read = { manifests: [] as any[], sources: [] as Source[] };
  let checker: ManifestChecker;
  try {
    checker = new ManifestChecker(args.options);
  } catch (e) {
    io.stderr(`cdk8s-services: ${(e as Error).message}\n`);
    return UNREADABLE;
  }
  const files: string[] = [];
  try {
    for (const input of args.inputs) files.push(...expand(input));
    for (const file of files) readManifests(file, io, read);
  } catch (e) {
    io.stderr(`cdk8s-services: ${(e as Error).message}\n`);
    return UNREADABLE;
  }
  const findings: FileFinding[] = checker.check(read.manifests).map(f => ({ ...read.sources[f.index], ...f }));
  const errors = findings.filter(f => f.severity === Severity.ERROR).length;
  const warnings = findings.length - errors;
  if (args.output === 'json') {
    const rows = findings.map(f => ({
      file: f.file,
      document: f.document,
      severity: f.severity,
      rule: f.rule,
      kind: f.kind,
      namespace: f.namespace,
      name: f.name,
      field: f.field,
      message: f.message,
    }));
    io.stdout(JSON.stringify(rows, undefined, 2) + '\n');
  } else {
    for (const f of findings) io.stdout(`${describe(f)}\n`);
    io.stdout(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(read.manifests.length, 'object')} from ${plural(files.length, 'file')}\n`);
  }
  return errors > 0 ? ERRORS : CLEAN;
}
