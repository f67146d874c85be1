// Test helpers: synthesize with validation (as `cdk8s synth` does) and check every object against the Kubernetes
// OpenAPI schema.
import { ApiObject, App, Chart, ChartProps, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AppValidation } from '../src';
import { renderedView } from '../src/views';

/**
 * A fresh app and chart, with warnings collected instead of printed.
 */
export function newChart(props: ChartProps = {}): { app: App; chart: Chart } {
  const app = Testing.app();
  AppValidation.configure(app, { printWarnings: false });
  const chart = new Chart(app, 'test', props);
  return { app, chart };
}

/**
 * The validation errors of an app, as `cdk8s synth` reports them: `[path] message`, in construct order.
 */
export function validationErrors(scope: IConstruct): string[] {
  const errors: string[] = [];
  for (const c of scope.node.root.node.findAll()) {
    for (const e of c.node.validate()) errors.push(`[${c.node.path}] ${e}`);
  }
  return errors;
}

/**
 * Validates the app like `cdk8s synth`, fails the test on any error, checks every object of the chart against the
 * OpenAPI schema, and returns the chart's manifests.
 */
export function synth(chart: Chart): any[] {
  expect(validationErrors(chart)).toEqual([]);
  const manifests = Testing.synth(chart);
  for (const m of manifests) expectSchemaValid(m);
  return manifests;
}

/**
 * Fails when a manifest does not pass the Kubernetes OpenAPI schema (kubernetes-models).
 */
export function expectSchemaValid(manifest: any): void {
  const modulePath = `kubernetes-models/${manifest.apiVersion}/${manifest.kind}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const models = require(modulePath);
  const Model = models[manifest.kind];
  try {
    new Model(manifest).validate();
  } catch (e) {
    throw new Error(`${manifest.kind} ${manifest.metadata?.name} fails the OpenAPI schema: ${(e as Error).message}`);
  }
}

/**
 * The first manifest of a kind (and name, when given).
 */
export function find(manifests: any[], kind: string, name?: string): any {
  const found = manifests.find(m => m.kind === kind && (name === undefined || m.metadata?.name === name));
  if (!found) throw new Error(`no ${kind}${name ? ` named ${name}` : ''} in ${manifests.map(m => `${m.kind}/${m.metadata?.name}`).join(', ')}`);
  return found;
}

/**
 * The view a construct of this library hands the checker (undefined once a JSON patch may change its output), and
 * the view the checker decodes from the construct's rendering, both as JSON (absent fields dropped).
 */
export function views(construct: IConstruct): { own: any; rendered: any } {
  const json = (x: unknown) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));
  const apiObject = ApiObject.of(construct);
  // what the construct registered with the app's validation state
  const state: any = construct.node.root.node.findChild('cdk8s-services.AppValidation');
  return {
    own: json(state.registrations.get(apiObject).view()),
    rendered: json(renderedView(apiObject).view),
  };
}
