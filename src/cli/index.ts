// The `cdk8s-services check` command: checks manifest files (cdk8s synth, helm template, kustomize build output, a
// GitOps repository) with ManifestChecker and writes the findings as text, JSON or SARIF. Not part of the jsii API:
// bin/cdk8s-services calls `main`.
import { ManifestChecker, Severity } from '../check';
import { FileNote, LocatedFinding, checkManifestFiles } from '../manifest-files';
import { ParsedArgs, USAGE, UsageError, parseArgs } from './flags';
import { collectInputs, fileMessages, inputSources } from './inputs';
import { mapCommand } from './map';
import { sarifLog } from './sarif';

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
 * Runs the command and returns its exit status.
 */
export function main(argv: string[], io: CliIo): number {
  let args: ParsedArgs;
  let checker: ManifestChecker;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`cdk8s-services: ${e.message}\n\n${USAGE}`);
    return UNREADABLE;
  }
  if (args.action === 'help') {
    io.stdout(USAGE);
    return CLEAN;
  }
  if (args.command === 'map') return mapCommand(args, io);
  if (args.action === 'rules') {
    for (const r of ManifestChecker.rules) io.stdout(`${r.id.padEnd(32)} ${r.severity.padEnd(8)} ${r.description}\n`);
    return CLEAN;
  }
  try {
    checker = new ManifestChecker(args.options);
  } catch (e) {
    io.stderr(`cdk8s-services: ${(e as Error).message}\n`);
    return UNREADABLE;
  }

  const inputs = collectInputs(args.inputs, args.recursive);
  const notes: FileNote[] = [...inputs.notes];
  const result = checkManifestFiles(inputSources(inputs.files, io.readStdin, notes), checker, notes);
  const skipped = [...inputs.skipped, ...result.skipped];
  const errors = result.errors;
  const unreadable = notes.filter(n => n.severity === 'error').length;

  if (args.output === 'sarif') {
    const log = sarifLog({ rules: ManifestChecker.rules, findings: result.findings, notes, skipped, strict: args.strict });
    io.stdout(JSON.stringify(log, undefined, 2) + '\n');
  } else if (args.output === 'json') {
    io.stdout(JSON.stringify(result.findings.map(jsonRow), undefined, 2) + '\n');
  } else {
    for (const f of result.findings) io.stdout(`${describe(f)}\n`);
    const warnings = result.findings.length - errors;
    const passedOver = skipped.length > 0 ? `, ${skipped.length} skipped` : '';
    io.stdout(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(result.objects, 'object')} from ${plural(result.files - result.skipped.length, 'file')}${passedOver}\n`);
  }
  // what is said about files goes to standard error, so that JSON and SARIF on standard output stay parseable
  for (const line of fileMessages(notes, skipped, inputs.subdirectories, 'checks', args.strict)) io.stderr(`${line}\n`);

  if (unreadable > 0 || (args.strict && skipped.length > 0)) return UNREADABLE;
  return errors > 0 ? ERRORS : CLEAN;
}

/** `file:line:col kind/namespace/name field: message [rule]` (`kind/name` without a namespace); warnings say so. */
function describe(f: LocatedFinding): string {
  const object = f.namespace ? `${f.kind}/${f.namespace}/${f.name}` : `${f.kind}/${f.name}`;
  const severity = f.severity === Severity.WARNING ? 'warning: ' : '';
  return `${f.file}:${f.line}:${f.column} ${object} ${f.field}: ${severity}${f.message} [${f.rule}]`;
}

function jsonRow(f: LocatedFinding) {
  return {
    file: f.file,
    line: f.line,
    column: f.column,
    document: f.document,
    severity: f.severity,
    rule: f.rule,
    kind: f.kind,
    namespace: f.namespace,
    name: f.name,
    field: f.field,
    message: f.message,
  };
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
