// The decoding rules beyond the conformance table: one finding per mistake, the unknownFields option and its flag,
// and the generated 1.27 schema.
import * as fs from 'fs';
import * as path from 'path';
import { deployment, service } from './cases-builders';
import { generate } from '../../scripts/generate-schema';
import { ManifestChecker, Severity, UnknownFields } from '../../src';
import { parseArgs } from '../../src/cli/flags';

function findings(manifests: unknown[], unknownFields?: UnknownFields): string[] {
  return new ManifestChecker({ unknownFields }).check(manifests as any[]).map(f => `${f.severity} ${f.rule} ${f.field}`);
}

describe('one mistake, one finding', () => {
  test('Service ports that are not a list: the decoding finding only', () => {
    expect(findings([service({ spec: { ports: { port: 80 } } }), deployment()])).toEqual(['error object-decode spec.ports']);
  });

  test('an object the API server cannot decode gets no validation findings', () => {
    // the label value and the container port would fail validation, but the API server never gets there
    const broken = deployment({ metadata: { labels: { tier: 1 } }, spec: { replicas: '2', template: { spec: { containers: [{ name: 'web', ports: [{ containerPort: 0 }] }] } } } });
    expect(findings([broken])).toEqual(['error object-decode metadata.labels[tier]', 'error object-decode spec.replicas']);
  });

  test('a value of the wrong type is reported once, not what it holds', () => {
    expect(findings([deployment({ spec: { template: { spec: { containers: { name: 'web', bogus: { deeper: 1 } } } } } })]))
      .toEqual(['error object-decode spec.template.spec.containers']);
  });

  test('an unknown field alone leaves the object checked', () => {
    expect(findings([deployment({ spec: { replica: 2, template: { spec: { containers: [{ name: 'web', image: 'web', ports: [{ containerPort: 0 }] }] } } } })]))
      .toEqual(expect.arrayContaining(['error object-unknown-field spec.replica', 'error container-port-number spec.template.spec.containers[0].ports[0].containerPort']));
  });
});

describe('unknownFields', () => {
  const misspelt = [deployment({ spec: { replica: 2 } })];

  test('error by default', () => {
    expect(findings(misspelt)).toEqual(['error object-unknown-field spec.replica']);
  });

  test('warning, as kubectl --validate=warn', () => {
    expect(findings(misspelt, UnknownFields.WARNING)).toEqual([`${Severity.WARNING} object-unknown-field spec.replica`]);
  });

  test('ignore, as kubectl --validate=false', () => {
    expect(findings(misspelt, UnknownFields.IGNORE)).toEqual([]);
  });

  test('fails when the value is not one of error, warning, ignore', () => {
    expect(() => new ManifestChecker({ unknownFields: 'warn' as UnknownFields })).toThrow(/unknownFields must be one of error, warning, ignore, got 'warn'/);
  });

  test('--unknown-fields sets it', () => {
    expect(parseArgs(['check', '--unknown-fields=warning', 'app.yaml']).options.unknownFields).toBe(UnknownFields.WARNING);
    expect(() => parseArgs(['check', '--unknown-fields', 'warn', 'app.yaml'])).toThrow(/--unknown-fields takes error, warning, ignore, got 'warn'/);
  });
});

describe('the generated Kubernetes 1.27 schema', () => {
  test('the committed module is what the generator writes, every time', () => {
    const text = generate();
    expect(generate()).toEqual(text);
    expect(fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'check', 'schema', 'openapi-1.27.ts'), 'utf8')).toEqual(text);
  });
});
