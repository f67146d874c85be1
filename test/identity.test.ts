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
      .toThrow("Identity.withLabels() app.kubernetes.io/name: Invalid value: \"web\": cannot change identity label 'app.kubernetes.io/name' from 'api': it is what existing selectors match; add a new key (such as 'track') instead");
  });

  test('fails at once when a name is not a label value, naming the key and the fix', () => {
    expect(() => Identity.of('Image Processor')).toThrow(/^Identity\.of\(\) app\.kubernetes\.io\/name: Invalid value: "Image Processor": a valid label must be an empty string or consist of alphanumeric characters.*; use a value such as 'image-processor'$/);
    expect(() => Identity.of('api', { instance: 'api eu' })).toThrow(/^Identity\.of\(\) app\.kubernetes\.io\/instance: Invalid value: "api eu": .*; use a value such as 'api-eu'$/);
    expect(() => Identity.of('')).toThrow('Identity.of() app.kubernetes.io/name: Invalid value: "": an identity label needs a non-empty value');
  });

  test('fails at once when fromLabels has a key or a value that is not a label', () => {
    expect(() => Identity.fromLabels({ 'my app': 'web' })).toThrow(/^Identity\.fromLabels\(\) labels: Invalid value: "my app": label key name part must consist of alphanumeric characters/);
    expect(() => Identity.fromLabels({ app: 'my app' })).toThrow(/^Identity\.fromLabels\(\) app: Invalid value: "my app": .*; use a value such as 'my-app'$/);
  });

  test('fails when an identity has no label', () => {
    expect(() => Identity.fromLabels({})).toThrow('an identity needs at least one label');
  });
});
