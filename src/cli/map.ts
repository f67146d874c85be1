// The `cdk8s-services map` command: reads manifest files as `check` does and prints the picture of their wiring, a
// Mermaid flowchart in a Markdown fence (WiringMap). What is said about the files goes to standard error, so that
// standard output is the picture alone. Not part of the jsii API.
import { FileNote } from '../manifest-files';
import { readManifests } from '../manifest-reader';
import type { ParsedArgs } from './flags';
import type { CliIo } from './index';
import { collectInputs, fileMessages, inputSources } from './inputs';
import { WiringMap } from '../map/wiring-map';

/**
 * Runs `map` and returns its exit status: 0, or 2 when a file could not be read or parsed (the others are drawn).
 */
export function mapCommand(args: ParsedArgs, io: CliIo): number {
  const inputs = collectInputs(args.inputs, args.recursive);
  const notes: FileNote[] = [...inputs.notes];
  const skipped = [...inputs.skipped];
  const manifests: Array<Record<string, any>> = [];
  for (const { file, text } of inputSources(inputs.files, io.readStdin, notes)) {
    const read = readManifests(text);
    for (const note of read.notes) {
      notes.push({ file, severity: note.severity, line: note.position?.line, column: note.position?.column, message: note.message });
    }
    if (read.skipped) skipped.push({ file, reason: read.skipped });
    for (const object of read.objects) manifests.push(object.manifest);
  }
  io.stdout(WiringMap.fromManifests(manifests, { defaultNamespace: args.options.defaultNamespace }).toMermaid());
  for (const line of fileMessages(notes, skipped, inputs.subdirectories, 'maps')) io.stderr(`${line}\n`);
  return notes.some(n => n.severity === 'error') ? 2 : 0;
}
