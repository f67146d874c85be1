// Reading manifests as kubectl reads them: YAML 1.1 scalars (yes/no/on/off are booleans, 0755 is octal), one object
// per document, lists expanded, a repeated key keeping its last value (with a warning), a collection as a map key
// refused. Each object keeps where it starts, and any field of it can be located in the source on demand, so that
// findings carry a line and a column. Not part of the jsii API: the command line and the validation plugin use it.
import * as jsyaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, parseDocument, Node as YamlNode } from 'yaml';
import { isObject } from './check/json';

/**
 * A place in a source file: line and column, both from 1.
 */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * One Kubernetes object read from a file.
 */
export interface ReadObject {
  readonly manifest: Record<string, any>;
  /** The YAML document it is in, counting from 0. */
  readonly document: number;
  /** Where a field of the object is written (such as `spec.ports[0].port`), or the nearest enclosing field that is. */
  positionOf(field: string): SourcePosition;
}

/**
 * Something the reader has to say about a file: a problem that stops it from being read (`error`), or one it read
 * past (`warning`).
 */
export interface ReadNote {
  readonly severity: 'error' | 'warning';
  readonly position?: SourcePosition;
  readonly message: string;
}

/**
 * What reading one file gave.
 */
export interface ReadResult {
  readonly objects: ReadObject[];
  readonly notes: ReadNote[];
  /** Why the file was passed over as holding no Kubernetes object, if it was. */
  readonly skipped?: string;
}

/**
 * YAML 1.1 scalars as go-yaml (and so kubectl) resolves them. Timestamps stay strings: the API server's JSON has no
 * date type.
 */
const BOOL_11 = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(data),
  construct: (data: string) => /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/.test(data),
  predicate: (value: unknown) => typeof value === 'boolean',
  represent: (value: unknown) => String(value),
});

const INT_11 = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && /^(?:[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$/.test(data),
  construct: (data: string) => {
    const value = data.replace(/_/g, '');
    const sign = value.startsWith('-') ? -1 : 1;
    const digits = value.replace(/^[-+]/, '');
    if (digits.startsWith('0b')) return sign * parseInt(digits.slice(2), 2);
    if (digits.startsWith('0x')) return sign * parseInt(digits.slice(2), 16);
    if (digits.length > 1 && digits.startsWith('0')) return sign * parseInt(digits.slice(1), 8);
    return sign * parseInt(digits, 10);
  },
  predicate: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
  represent: (value: unknown) => String(value),
});

/**
 * The schema: null, YAML 1.1 booleans and integers, floats, and merge keys (`<<`).
 */
const BUILT_IN = (jsyaml as unknown as { types: Record<'null' | 'float' | 'merge', jsyaml.Type> }).types; // not in @types/js-yaml
const KUBECTL_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [BUILT_IN.null, BOOL_11, INT_11, BUILT_IN.float, BUILT_IN.merge],
});

/** What js-yaml stores when a map key is itself a collection. */
const COLLECTION_KEY = '[object Object]';

/**
 * Reads every Kubernetes object of one file (YAML or JSON).
 */
export function readManifests(text: string): ReadResult {
  const notes: ReadNote[] = [];
  const lines = new LineIndex(text);
  let parsed = parseJson(text) ?? parse(text, false);
  if (parsed.duplicate) {
    const key = keyAt(text, parsed.duplicate.offset);
    notes.push({
      severity: 'warning',
      position: lines.position(parsed.duplicate.offset),
      message: `the key ${key} is repeated in its mapping; kubectl keeps the last value, and so does this check`,
    });
    parsed = parse(text, true);
  }
  if (parsed.error) {
    return { objects: [], notes: [...notes, { severity: 'error', position: lines.position(parsed.error.offset), message: `not valid YAML: ${parsed.error.reason}` }] };
  }
  const { documents, starts } = parsed;
  // each document ends where the next non-empty one starts
  const ends: number[] = new Array(starts.length);
  let next = text.length;
  for (let i = starts.length - 1; i >= 0; i--) {
    ends[i] = next;
    next = starts[i] ?? next;
  }
  const objects: ReadObject[] = [];
  const others: number[] = [];
  documents.forEach((value, document) => {
    if (value === null || value === undefined) return;
    const start = starts[document] ?? 0;
    const locate = documentLocator(text, start, ends[document] ?? text.length, lines);
    const collectionKey = hasCollectionKey(value) ? locate.collectionKey() : undefined;
    if (collectionKey) {
      notes.push({ severity: 'error', position: collectionKey, message: 'a map key is itself a map or a list, which kubectl refuses (quote it, such as "{{args.x}}")' });
      return;
    }
    if (!isKubernetesObject(value)) {
      if (looksLikeObject(value)) {
        notes.push({ severity: 'error', position: lines.position(start), message: `document ${document} is not a Kubernetes object: it needs apiVersion and kind, both strings` });
      } else {
        others.push(document);
      }
      return;
    }
    if (Array.isArray(value.items) && value.kind.endsWith('List')) {
      // kubectl reads any kind ending in List with items as a list (meta.IsListType), not only kind: List
      value.items.forEach((item: unknown, i: number) => {
        const prefix = `items[${i}]`;
        if (!isKubernetesObject(item)) {
          notes.push({ severity: 'error', position: locate.position(prefix), message: `${prefix} of the ${value.kind} in document ${document} is not a Kubernetes object: it needs apiVersion and kind` });
          return;
        }
        objects.push({ manifest: item, document, positionOf: field => locate.position(`${prefix}.${field}`) });
      });
      return;
    }
    objects.push({ manifest: value, document, positionOf: field => locate.position(field) });
  });
  if (objects.length === 1 && KUSTOMIZE_GROUP.test(objects[0].manifest.apiVersion)) {
    return { objects: [], notes, skipped: KUSTOMIZATION };
  }
  if (others.length > 0 && objects.length === 0 && !notes.some(n => n.severity === 'error')) {
    // Helm values, a Chart.yaml, a CI configuration: nothing to check, and not an error unless --strict
    return { objects: [], notes, skipped: 'it holds no Kubernetes object' };
  }
  for (const document of others) {
    // among objects, a document that is not one is a mistake, as kubectl reports it
    notes.push({ severity: 'error', position: lines.position(starts[document] ?? 0), message: `document ${document} is not a Kubernetes object: every document needs a mapping with apiVersion and kind` });
  }
  return { objects, notes };
}

/**
 * Why a kustomization is passed over.
 *
 * @internal
 */
export const KUSTOMIZATION = 'it is a kustomization: check the output of kustomize build';

const KUSTOMIZE_GROUP = /^kustomize\.config\.k8s\.io\//;

function isKubernetesObject(value: unknown): value is Record<string, any> & { apiVersion: string; kind: string } {
  return isObject(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

/**
 * A mapping meant as a Kubernetes object but written wrong (`Kind:`, a numeric apiVersion, no apiVersion): it has
 * a kind key in any spelling, or metadata. A Chart.yaml (apiVersion, name, version) or Helm values are not.
 */
function looksLikeObject(value: unknown): boolean {
  if (!isObject(value)) return false;
  return 'metadata' in value || Object.keys(value).some(k => k.toLowerCase() === 'kind');
}

/** The map key written at an offset, quoted as the source quotes it. */
function keyAt(text: string, offset: number): string {
  const m = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:\s,{}[\]]+)/.exec(text.slice(offset, offset + 300));
  return m ? (m[0].startsWith('"') || m[0].startsWith("'") ? m[0] : `'${m[0]}'`) : 'a key';
}

interface Parsed {
  readonly documents: unknown[];
  /** The offset where each document's root node starts (undefined for an empty document). */
  readonly starts: Array<number | undefined>;
  /** Where the first repeated key is. */
  readonly duplicate?: { readonly offset: number };
  readonly error?: { readonly offset: number; readonly reason: string };
}

/**
 * A file that is one JSON value, read with the JSON parser: faster, and kubectl reads JSON as JSON (a repeated key
 * keeps its last value, without the warning the YAML reader gives). Undefined when the text is not JSON.
 */
function parseJson(text: string): Parsed | undefined {
  const start = text.search(/\S/);
  if (start < 0 || (text[start] !== '{' && text[start] !== '[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return { documents: [value], starts: [start] };
}

function parse(text: string, lastKeyWins: boolean): Parsed {
  const starts: Array<number | undefined> = [];
  let depth = 0;
  const documents: unknown[] = [];
  try {
    jsyaml.loadAll(text, d => documents.push(d), {
      schema: KUBECTL_SCHEMA,
      json: lastKeyWins,
      listener: (event: 'open' | 'close', state: any) => {
        if (event === 'open') {
          if (depth === 0) starts[state.documents.length] = state.position;
          depth++;
        } else {
          depth--;
        }
      },
    });
  } catch (e) {
    const err = e as jsyaml.YAMLException;
    const offset = err.mark?.position ?? 0;
    const reason = err.reason ?? err.message;
    if (!lastKeyWins && reason === 'duplicated mapping key') return { documents: [], starts: [], duplicate: { offset } };
    return { documents: [], starts: [], error: { offset, reason } };
  }
  return { documents, starts };
}

/**
 * Finds fields of one document in the source, parsing the document again (with a parser that keeps positions) the
 * first time a position is asked for: only documents with findings pay for it.
 */
function documentLocator(text: string, start: number, end: number, lines: LineIndex) {
  let root: YamlNode | null | undefined;
  const tree = () => {
    if (root === undefined) root = parseDocument(text.slice(start, end), { version: '1.1', uniqueKeys: false, strict: false }).contents as YamlNode | null;
    return root;
  };
  return {
    /** The position of a field, or of its nearest enclosing field that the source writes. */
    position(field: string): SourcePosition {
      let node: unknown = tree();
      let offset = 0;
      for (const segment of fieldSegments(field)) {
        if (isMap(node)) {
          // the last of repeated keys is the one read
          const pair = [...node.items].reverse().find(p => isScalar(p.key) && String(p.key.value) === segment)
            ?? node.items.find(p => isScalar(p.key) && String(p.key.value) === WRITTEN_AS[segment]);
          if (!pair) break;
          offset = (pair.key as YamlNode).range?.[0] ?? offset;
          node = pair.value;
        } else if (isSeq(node) && /^\d+$/.test(segment) && Number(segment) < node.items.length) {
          node = node.items[Number(segment)];
          offset = (node as YamlNode).range?.[0] ?? offset;
        } else {
          break;
        }
      }
      return lines.position(start + offset);
    },
    /** Where a map key that is a collection stands, if there is one. */
    collectionKey(): SourcePosition | undefined {
      const found = findCollectionKey(tree());
      return found === undefined ? undefined : lines.position(start + found);
    },
  };
}

/**
 * Fields the API server reports under another name than the one usually written: a requested `clusterIP` is
 * validated (and reported) as `clusterIPs`.
 */
const WRITTEN_AS: Readonly<Record<string, string>> = { clusterIPs: 'clusterIP' };

/** `spec.ports[0].targetPort` → spec, ports, 0, targetPort; `metadata.annotations[a.b/c]` → metadata, annotations, a.b/c. */
function fieldSegments(field: string): string[] {
  const segments: string[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) segments.push(m[1] ?? m[2]);
  return segments;
}

function findCollectionKey(node: unknown): number | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && (isMap(pair.key) || isSeq(pair.key))) return (pair.key as YamlNode).range?.[0] ?? 0;
      const inner = findCollectionKey(pair.value);
      if (inner !== undefined) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = findCollectionKey(item);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

function hasCollectionKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasCollectionKey);
  if (!isObject(value)) return false;
  for (const key in value) {
    if (key === COLLECTION_KEY || hasCollectionKey(value[key])) return true;
  }
  return false;
}


/**
 * Line and column of an offset, from a table of line starts built once.
 */
class LineIndex {
  private starts?: number[];

  constructor(private readonly text: string) {}

  public position(offset: number): SourcePosition {
    const starts = this.starts ??= lineStarts(this.text);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi + 1) / 2);
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
