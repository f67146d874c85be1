import * as fs from 'fs';
import * as path from 'path';
import { buildExampleApp } from './app';
import { WiringMap } from '../src';

const app = buildExampleApp();
app.synth();
// the picture of the app's wiring, next to its YAML (README.md shows it too)
fs.writeFileSync(path.join(app.outdir, 'wiring.md'), WiringMap.fromApp(app).toMermaid());
