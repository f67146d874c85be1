import { Identity } from '../src';

describe('Identity', () => {
  test('of() uses the recommended name and instance labels, instance defaulting to the name', () => {
    expect(Identity.of('api').labels).toEqual({
      'app.kubernetes.io/name': 'api',
      'app.kubernetes.io/instance': 'api',
    });
    expect(Identity.of('api', { instance: 'api-eu' }).labels).toEqual({
      'app.kubernetes.io/name': 'api',
      'app.kubernetes.io/instance': 'api-eu',
    });
  });

  test('fromLabels() takes the labels as given, such as the docs\' app: MyApp', () => {
    expect(Identity.fromLabels({ app: 'MyApp' }).labels).toEqual({ app: 'MyApp' });
  });

  test('labels is a copy', () => {
    const id = Identity.fromLabels({ app: 'a' });
    id.labels.app = 'changed';
    expect(id.labels).toEqual({ app: 'a' });
  });

  test('withLabels() narrows without changing the original', () => {
    const api = Identity.of('api');
    const canary = api.withLabels({ track: 'canary' });
    expect(canary.labels).toEqual({ ...api.labels, track: 'canary' });
    expect(api.labels).not.toHaveProperty('track');
    expect(api.withLabels({ 'app.kubernetes.io/name': 'api' }).labels).toEqual(api.labels);
  });

  test('fails when withLabels() changes an identity label', () => {
    expect(() => Identity.of('api').withLabels({ 'app.kubernetes.io/name': 'web' }))
      .toThrow("withLabels cannot change identity label 'app.kubernetes.io/name' from 'api' to 'web'");
  });

  test('fails when an identity has no label', () => {
    expect(() => Identity.fromLabels({})).toThrow('an identity needs at least one label');
  });
});
