// Keeps README.md in step with the code: fills every `<!-- code: region -->` marker with that region of examples/,
// every `<!-- yaml: chart/Kind/name -->` marker with the YAML the example app synthesizes, `<!-- map -->` with the
// example app's wiring map (as `npx projen example` writes it to examples/dist/wiring.md), and `<!-- rules -->` with
// the rule table. `npx projen readme` rewrites README.md; test/readme.test.ts fails when it is out of date.
import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing, Yaml } from 'cdk8s';
import { buildExampleApp } from '../examples/app';
import { AppValidation, WiringMap } from '../src';

const ROOT = path.join(__dirname, '..');
const EXAMPLE_FILES = ['examples/app.ts', 'examples/validation.ts'];

/**
 * The `// #region name` … `// #endregion` blocks of the example files, dedented, with the library imported by its
 * package name as a user would.
 */
export function exampleRegions(): Map<string, string> {
  const regions = new Map<string, string>();
  for (const file of EXAMPLE_FILES) {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const re = /^( *)\/\/ #region ([\w-]+)\n([\s\S]*?)^ *\/\/ #endregion/gm;
    for (let m = re.exec(source); m; m = re.exec(source)) {
      const indent = m[1].length;
      const body = m[3].split('\n').map(line => line.slice(indent)).join('\n').trimEnd();
      regions.set(m[2], body.replace("from '../src';", "from 'cdk8s-services';"));
    }
  }
  return regions;
}

/**
 * The YAML of every object of the example app, keyed `chart/Kind/name`.
 */
export function exampleYaml(): Map<string, string> {
  const app = buildExampleApp(Testing.app().outdir);
  const out = new Map<string, string>();
  for (const chart of app.charts) {
    for (const obj of Testing.synth(chart as Chart)) {
      out.set(`${chart.node.id}/${obj.kind}/${obj.metadata.name}`, Yaml.stringify(obj).trimEnd());
    }
  }
  return out;
}

/**
 * The rule table.
 */
export function rulesTable(): string {
  const rows = AppValidation.rules.map(r => `| \`${r.id}\` | ${r.severity} | ${r.scope} | ${r.description} | ${r.source.replace(/\|/g, '\\|')} |`);
  return ['| rule | severity | runs on | checks | source |', '|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * README.md with every marker's block regenerated.
 */
export function renderReadme(readme: string): string {
  const regions = exampleRegions();
  const yaml = exampleYaml();
  const block = (lang: string, body: string) => '```' + lang + '\n' + body + '\n```';
  // a marker, then optionally the block it owns (which is replaced)
  const owned = (fence: string) => `(?:\\n\\n${fence}\\n[\\s\\S]*?\\n\`\`\`)?`;
  return readme
    .replace(new RegExp(`<!-- code: ([\\w-]+) -->${owned('```ts')}`, 'g'), (_, name) => {
      const body = regions.get(name);
      if (body === undefined) throw new Error(`README.md names region '${name}', which no example file has`);
      return `<!-- code: ${name} -->\n\n${block('ts', body)}`;
    })
    .replace(new RegExp(`<!-- yaml: ([\\w./-]+) -->${owned('```yaml')}`, 'g'), (_, key) => {
      const body = yaml.get(key);
      if (body === undefined) throw new Error(`README.md names object '${key}', which the example app does not synthesize`);
      return `<!-- yaml: ${key} -->\n\n${block('yaml', body)}`;
    })
    .replace(/<!-- map -->(?:\n\n```mermaid\n[\s\S]*?\n```)?/, () => `<!-- map -->\n\n${WiringMap.fromApp(buildExampleApp(Testing.app().outdir)).toMermaid().trimEnd()}`)
    .replace(/<!-- rules -->(?:\n\n\| rule \|[^\n]*\n(?:\|[^\n]*\n?)*)?/, () => `<!-- rules -->\n\n${rulesTable()}\n`);
}

if (require.main === module) {
  const file = path.join(ROOT, 'README.md');
  fs.writeFileSync(file, renderReadme(fs.readFileSync(file, 'utf8')));
  console.log('README.md regenerated from examples/ and the rule table');
}
