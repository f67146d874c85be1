import { Finding } from './finding';
import type { PodTemplate } from './pod-template';
import { ruleInfo } from './rules';

/**
 * One object under check, with what findings need to name it.
 *
 * @internal
 */
export interface CheckedObject {
  readonly index: number;
  readonly kind: string;
  /** The namespace as written (empty when none). */
  readonly namespace: string;
  /** The namespace the object lands in: as written, or the default namespace when none is written. */
  readonly scope: string;
  readonly name: string;
  readonly manifest: any;
  /** The pod template, for a workload of a kind the checker knows (read once per check). */
  readonly template?: PodTemplate;
}

/**
 * Collects findings, dropping those of skipped rules.
 *
 * @internal
 */
export class Report {
  public readonly findings: Finding[] = [];

  constructor(private readonly skip: ReadonlySet<string>) {}

  public add(obj: CheckedObject, rule: string, field: string, message: string): void {
    if (this.skip.has(rule)) return;
    this.findings.push({
      severity: ruleInfo(rule).severity,
      rule,
      index: obj.index,
      kind: obj.kind,
      namespace: obj.namespace,
      name: obj.name,
      field,
      message,
    });
  }
}

/**
 * Renders a value the way the API server quotes it in `Invalid value: …`.
 *
 * @internal
 */
export function show(value: unknown): string {
  if (value === undefined) return 'null';
  try {
    // YAML and JSON parsers can hand us big integers and other values JSON has no form for
    return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A value as text inside a message: strings as they are, anything else as `show` renders it.
 *
 * @internal
 */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : show(value);
}

/**
 * `field.Invalid`: `Invalid value: <value>: <detail>`.
 *
 * @internal
 */
export function invalid(value: unknown, detail: string): string {
  return `Invalid value: ${show(value)}: ${detail}`;
}

/**
 * `field.NotSupported`: `Unsupported value: <value>: supported values: …`.
 *
 * @internal
 */
export function notSupported(value: unknown, supported: readonly string[]): string {
  return `Unsupported value: ${show(value)}: supported values: ${supported.map(s => `"${s}"`).join(', ')}`;
}

/**
 * `field.Duplicate`.
 *
 * @internal
 */
export function duplicate(value: unknown, detail?: string): string {
  return `Duplicate value: ${show(value)}` + (detail ? `: ${detail}` : '');
}

/**
 * `field.Required`.
 *
 * @internal
 */
export function required(detail?: string): string {
  return 'Required value' + (detail ? `: ${detail}` : '');
}

/**
 * `field.Forbidden`.
 *
 * @internal
 */
export function forbidden(detail: string): string {
  return `Forbidden: ${detail}`;
}

/** @internal */
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @internal */
export function asArray(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** @internal */
export function asStringMap(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}
