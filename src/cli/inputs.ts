// Which files the command reads: the files named, and the manifest files of the directories named, walked the way
// `kubectl apply -f DIR` walks them (not into subdirectories without -R). Unlike kubectl, the walk passes over what
// a project or GitOps repository holds beside its manifests: dot-files and dot-directories (.git, .github,
// .eslintrc.json), node_modules, a Helm chart's templates (not YAML until rendered), and kustomizations by name.
import * as fs from 'fs';
import * as path from 'path';
import { FileNote, ManifestSource, SkippedFile, reason } from '../manifest-files';
import { KUSTOMIZATION } from '../manifest-reader';

/** What `-` reads, and how findings name it. */
const STDIN = '-';
export const STDIN_NAME = '<stdin>';

/** The extensions kubectl reads in a directory. */
const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** The file names kustomize reads as a kustomization. */
const KUSTOMIZATION_FILES: ReadonlySet<string> = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

/** Directory entries never read. */
function isPassedOver(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * The files to read, and what the walk had to say.
 */
export interface Inputs {
  /** Files to read, in order: as named, and each directory's in name order. `-` is standard input. */
  readonly files: string[];
  readonly skipped: SkippedFile[];
  /** Inputs that do not exist or cannot be listed. */
  readonly notes: FileNote[];
  /** Subdirectories not entered for want of -R. */
  readonly subdirectories: number;
}

/**
 * Expands the inputs of the command line into files.
 */
export function collectInputs(inputs: readonly string[], recursive: boolean): Inputs {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const notes: FileNote[] = [];
  let subdirectories = 0;
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      notes.push({ file: dir, severity: 'error', message: `cannot read: ${reason(e)}` });
      return;
    }
    // code-point order, as Go's filepath.Walk: the same on every machine and in every locale
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const chart = entries.some(e => e.name === 'Chart.yaml' && isFile(dir, e));
    for (const entry of entries) {
      if (isPassedOver(entry.name)) continue;
      const full = path.join(dir, entry.name);
      // symbolic links to directories are not followed, as kubectl does not
      if (entry.isDirectory()) {
        if (!recursive) subdirectories++;
        else if (chart && entry.name === 'templates') skipped.push({ file: full, reason: 'it holds the templates of a Helm chart: check the output of helm template' });
        else walk(full);
      } else if (KUSTOMIZATION_FILES.has(entry.name)) {
        skipped.push({ file: full, reason: KUSTOMIZATION });
      } else if (MANIFEST_FILE.test(entry.name) && isFile(dir, entry)) {
        files.push(full);
      }
    }
  };
  for (const input of inputs) {
    if (input === STDIN) {
      files.push(STDIN);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      notes.push({ file: input, severity: 'error', message: `cannot read: ${reason(e)}` });
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else if (KUSTOMIZATION_FILES.has(path.basename(input))) skipped.push({ file: input, reason: KUSTOMIZATION });
    else files.push(input);
  }
  return { files, skipped, notes, subdirectories };
}

/** The text of a file, or `-`'s. */
function readInput(file: string, readStdin: () => string): string {
  return file === STDIN ? readStdin() : fs.readFileSync(file, 'utf8');
}

/**
 * The text of each file, in order, named as findings name it; a file that cannot be read becomes an error note and
 * is passed over, so that the others are still read.
 */
export function* inputSources(files: readonly string[], readStdin: () => string, notes: FileNote[]): Generator<ManifestSource> {
  for (const file of files) {
    const name = file === STDIN ? STDIN_NAME : file;
    let text: string;
    try {
      text = readInput(file, readStdin);
    } catch (e) {
      notes.push({ file: name, severity: 'error', message: `cannot read: ${reason(e)}` });
      continue;
    }
    yield { file: name, text };
  }
}

/**
 * What a command says about its files, for standard error: the notes, the files skipped, and the subdirectories not
 * entered.
 *
 * @param verb what `-R` would do to them, such as `checks`
 * @param strict whether a skipped file is an error (no `note:` then)
 */
export function fileMessages(
  notes: readonly FileNote[], skipped: readonly SkippedFile[], subdirectories: number, verb: string, strict = false,
): string[] {
  const where = (n: FileNote) => (n.line === undefined ? n.file : `${n.file}:${n.line}:${n.column ?? 1}`);
  const lines = notes.map(n => `cdk8s-services: ${where(n)}: ${n.severity === 'warning' ? 'warning: ' : ''}${n.message}`);
  for (const s of skipped) lines.push(`cdk8s-services: ${s.file}: ${strict ? '' : 'note: '}skipped: ${s.reason}`);
  if (subdirectories > 0) {
    lines.push(`cdk8s-services: note: ${subdirectories} ${subdirectories === 1 ? 'subdirectory' : 'subdirectories'} not entered; -R ${verb} them too`);
  }
  return lines;
}

/** Whether an entry is a file, following a symbolic link. */
function isFile(dir: string, entry: fs.Dirent): boolean {
  if (entry.isFile()) return true;
  return entry.isSymbolicLink() && statOf(path.join(dir, entry.name))?.isFile() === true;
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
