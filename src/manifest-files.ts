// Checking manifest files together: each file read as kubectl reads it (manifest-reader.ts), every object checked
// by one ManifestChecker (so a Service in one file can select a Deployment in another), and each finding located
// at the file, line and column of its field. The command line and the cdk8s validation plugin both go through here.
// Not part of the jsii API.
import { Finding, ManifestChecker, Severity } from './check';
import { ReadObject, readManifests } from './manifest-reader';

/**
 * A file to check: its name as findings should show it, and its text.
 */
export interface ManifestSource {
  readonly file: string;
  readonly text: string;
}

/**
 * A finding with the place it was found: the file, the YAML document (from 0), and the line and column (from 1)
 * of its field where the file writes it, else of the nearest enclosing field, else of its object.
 */
export interface LocatedFinding extends Finding {
  readonly file: string;
  readonly document: number;
  readonly line: number;
  readonly column: number;
}

/**
 * Something about a file itself rather than an object in it: it could not be read (`error`), or it was read past a
 * problem (`warning`, such as a repeated key).
 */
export interface FileNote {
  readonly file: string;
  readonly severity: 'error' | 'warning';
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/**
 * A file passed over because it holds no Kubernetes object (a kustomization, Helm values, a CI configuration).
 */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

/**
 * What checking a set of files found.
 */
export interface FilesCheck {
  /** Every finding, by file, then by object, in input order. */
  readonly findings: LocatedFinding[];
  readonly notes: FileNote[];
  readonly skipped: SkippedFile[];
  /** The findings of severity error. */
  readonly errors: number;
  /** The objects checked. */
  readonly objects: number;
  /** The files read (skipped ones included, unreadable ones not). */
  readonly files: number;
}

/**
 * Reads and checks manifest files together. A file that cannot be parsed is noted and the others are still
 * checked.
 */
export function checkManifestFiles(sources: Iterable<ManifestSource>, checker: ManifestChecker, notes: FileNote[] = []): FilesCheck {
  const objects: Array<{ file: string; object: ReadObject }> = [];
  const skipped: SkippedFile[] = [];
  let files = 0;
  for (const source of sources) {
    const read = readManifests(source.text);
    files++;
    for (const note of read.notes) {
      notes.push({ file: source.file, severity: note.severity, line: note.position?.line, column: note.position?.column, message: note.message });
    }
    if (read.skipped) skipped.push({ file: source.file, reason: read.skipped });
    for (const object of read.objects) objects.push({ file: source.file, object });
  }
  const findings = checker.check(objects.map(o => o.object.manifest)).map((f): LocatedFinding => {
    const { file, object } = objects[f.index];
    const at = object.positionOf(f.field);
    return { ...f, file, document: object.document, line: at.line, column: at.column };
  });
  const errors = findings.filter(f => f.severity === Severity.ERROR).length;
  return { findings, notes, skipped, errors, objects: objects.length, files };
}

/**
 * Why a file could not be read, in words.
 */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error).message;
}

