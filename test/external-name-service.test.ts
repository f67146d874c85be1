import { ExternalNameService } from '../src';
import { find, newChart, synth, validationErrors } from './util';

describe('ExternalNameService', () => {
  test('renders a CNAME with no selector and no ports', () => {
    const { chart } = newChart({ namespace: 'data' });
    new ExternalNameService(chart, 'OrdersDb', { externalName: 'orders.db.example.com' });
    expect(find(synth(chart), 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'orders-db', namespace: 'data' },
      spec: { type: 'ExternalName', externalName: 'orders.db.example.com' },
    });
  });

  test('accepts a fully qualified name with a trailing dot', () => {
    const { chart } = newChart();
    new ExternalNameService(chart, 'Db', { externalName: 'db.example.com.' });
    expect(validationErrors(chart)).toEqual([]);
  });

  test.each([
    ['DB.example.com', /Invalid value: "DB\.example\.com": a lowercase RFC 1123 subdomain must consist of/],
    ['db_1.example.com', /Invalid value: "db_1\.example\.com": a lowercase RFC 1123 subdomain/],
    [`${'a'.repeat(250)}.com`, /must be no more than 253 characters/],
  ])('fails when externalName is %s', (externalName, message) => {
    const { chart } = newChart();
    new ExternalNameService(chart, 'Db', { externalName });
    const errors = validationErrors(chart);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^\[test\/Db\] spec\.externalName: /);
    expect(errors.join('\n')).toMatch(message);
    expect(errors[0]).toMatch(/\[service-external-name\]$/);
  });

  test('fails when externalName is empty', () => {
    const { chart } = newChart();
    new ExternalNameService(chart, 'Db', { externalName: '' });
    expect(validationErrors(chart)).toEqual([
      '[test/Db] spec.externalName: Required value: an ExternalName Service needs the DNS name it aliases, such as db.example.com [service-external-name]',
    ]);
  });
});
