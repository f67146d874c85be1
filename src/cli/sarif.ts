// Findings as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the format code scanning services
// such as GitHub's read: one run, the tool's rules with their description and help, each finding a result with its
// level and physical location, and what the command had to say about files as tool execution notifications.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { RuleInfo } from '../check';
import type { FileNote, LocatedFinding, SkippedFile } from '../manifest-files';
import { STDIN_NAME } from './inputs';

const INFORMATION_URI = 'https://github.com/cdk8s-services/cdk8s-services';
const RULES_URI = `${INFORMATION_URI}#rules`;

/**
 * What a SARIF log is made from.
 */
export interface SarifInput {
  readonly rules: readonly RuleInfo[];
  readonly findings: readonly LocatedFinding[];
  readonly notes: readonly FileNote[];
  readonly skipped: readonly SkippedFile[];
  /** Skipped files are errors (--strict). */
  readonly strict: boolean;
}

/**
 * The SARIF log, as a JSON value.
 */
export function sarifLog(input: SarifInput): object {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
  const unreadable = input.notes.some(n => n.severity === 'error') || (input.strict && input.skipped.length > 0);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdk8s-services',
          version: packageVersion(),
          informationUri: INFORMATION_URI,
          rules: input.rules.map(sarifRule),
        },
      },
      invocations: [{
        executionSuccessful: !unreadable,
        toolExecutionNotifications: [
          ...input.notes.map(n => notification(n.severity, n.message, n.file, n.line, n.column)),
          ...input.skipped.map(s => notification(input.strict ? 'error' : 'note', `skipped: ${s.reason}`, s.file)),
        ],
      }],
      columnKind: 'utf16CodeUnits',
      results: input.findings.map(f => ({
        ruleId: f.rule,
        ruleIndex: ruleIndex.get(f.rule),
        level: f.severity,
        message: { text: `${f.field}: ${f.message}` },
        // the same finding keeps its fingerprint when lines move: code scanning matches results across runs by it
        partialFingerprints: { 'findingHash/v1': fingerprint(f) },
        locations: [{
          ...physicalLocation(f.file, f.line, f.column),
          logicalLocations: [{ fullyQualifiedName: objectName(f), kind: 'object' }],
        }],
      })),
    }],
  };
}

function sarifRule(rule: RuleInfo): object {
  const source = rule.source === 'cdk8s-services' ? 'a wiring rule of cdk8s-services' : `mirrors ${rule.source}`;
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} (${source}).` },
    help: {
      text: `${rule.description}. Each finding names the field, the value received and the fix. The rule ${source}; skip it with --skip ${rule.id}.`,
      markdown: `${rule.description}.\n\nEach finding names the field, the value received and the fix. The rule ${source}; skip it with \`--skip ${rule.id}\`. ` +
        `See [the rules](${RULES_URI}).`,
    },
    helpUri: RULES_URI,
    defaultConfiguration: { level: rule.severity },
    properties: { tags: ['kubernetes', rule.scope] },
  };
}

function notification(level: 'error' | 'warning' | 'note', message: string, file: string, line?: number, column?: number): object {
  const location = physicalLocation(file, line, column);
  return { level, message: { text: `${file}: ${message}` }, ...('physicalLocation' in location ? { locations: [location] } : {}) };
}

/** The file and region of a place; standard input has no physical location. */
function physicalLocation(file: string, line?: number, column?: number): { physicalLocation?: object } {
  if (file === STDIN_NAME) return {};
  const region = line === undefined ? undefined : { startLine: line, ...(column === undefined ? {} : { startColumn: column }) };
  return { physicalLocation: { artifactLocation: { uri: fileUri(file) }, ...(region ? { region } : {}) } };
}

/** A relative path as a URI reference, with forward slashes; an absolute path as a file: URI. */
function fileUri(file: string): string {
  const slashes = file.split(path.sep).join('/');
  if (path.isAbsolute(file)) return `file://${encodeURI(slashes.startsWith('/') ? slashes : `/${slashes}`)}`;
  return encodeURI(slashes);
}

function objectName(f: LocatedFinding): string {
  return [f.kind, f.namespace, f.name].filter(s => s !== '').join('/');
}

function fingerprint(f: LocatedFinding): string {
  return createHash('sha256').update([f.rule, f.file, f.kind, f.namespace, f.name, f.field].join('\0')).digest('hex').slice(0, 32);
}

function packageVersion(): string {
  // src/cli and lib/cli are both two levels below the package root
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return String(manifest.version);
}
