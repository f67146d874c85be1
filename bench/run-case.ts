// One measurement in a fresh process: `node run-case.js <variant> <n> <outdir>`, `node run-case.js parse|check
// <yaml-file>`, `node run-case.js command|command-before <yaml-file>` (what the check command does with a file:
// read, check and locate each finding, now and as it was before it read YAML with js-yaml), or `node run-case.js
// write <json-file> <outdir>` (write given objects as YAML: the floor for that output). Prints {"ms": wall time of
// the measured work, "rssMb": peak RSS}.
import * as fs from 'fs';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { ManifestChecker } from '../src';
import { VARIANTS } from './workloads';
import { checkManifestFiles } from '../src/manifest-files';

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function time(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const [what, arg, outdir] = process.argv.slice(2);
let ms: number;
if (what === 'parse' || what === 'check') {
  const text = fs.readFileSync(arg, 'utf8');
  let manifests: any[] = [];
  const parseMs = time(() => {
    manifests = parseAllDocuments(text).map(d => d.toJS());
  });
  if (what === 'parse') {
    ms = parseMs;
  } else {
    let errors = 0;
    ms = time(() => {
      errors = new ManifestChecker().check(manifests).filter(f => f.severity === 'error').length;
    });
    if (errors > 0) throw new Error(`the benchmark input has ${errors} errors`);
  }
} else if (what === 'command' || what === 'command-before') {
  const text = fs.readFileSync(arg, 'utf8');
  let errors = 0;
  ms = time(() => {
    const checker = new ManifestChecker();
    if (what === 'command') {
      // js-yaml with kubectl's YAML 1.1 scalars; each finding located at its field's line and column
      errors = checkManifestFiles([{ file: arg, text }], checker).findings.filter(f => f.severity === 'error').length;
    } else {
      // the command before: the `yaml` library's documents (YAML 1.1), then the checker; no positions
      const manifests = parseAllDocuments(text, { version: '1.1' }).map(d => d.toJS());
      errors = checker.check(manifests).filter(f => f.severity === 'error').length;
    }
  });
  if (errors > 0) throw new Error(`the benchmark input has ${errors} errors`);
} else if (what === 'write') {
  const docs = JSON.parse(fs.readFileSync(arg, 'utf8'));
  ms = time(() => {
    fs.mkdirSync(outdir, { recursive: true });
    Yaml.save(path.join(outdir, 'out.k8s.yaml'), docs);
  });
} else {
  const variant = VARIANTS[what];
  if (!variant) throw new Error(`unknown variant ${what}`);
  const n = Number(arg);
  ms = time(() => variant(n, outdir));
}
process.stdout.write(JSON.stringify({ ms, rssMb: peakRssMb() }) + '\n');
