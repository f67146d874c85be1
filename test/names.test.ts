import { nameFromId } from '../src/names';

describe('nameFromId', () => {
  test.each([
    ['Backend', 'backend'],
    ['ImageProcessor', 'image-processor'],
    ['AdminUI', 'admin-ui'],
    ['AdminUIService', 'admin-ui-service'],
    ['HTTPServer', 'http-server'],
    ['admin_UI', 'admin-ui'],
    ['my service', 'my-service'],
    ['web2', 'web2'],
    ['Web2Api', 'web2-api'],
    ['--edge--', 'edge'],
    ['api.v1', 'api-v1'],
    ['A'.repeat(70), 'a'.repeat(63)],
    [`${'a'.repeat(62)}_b`, 'a'.repeat(62)],
  ])('%s -> %s', (id, expected) => {
    expect(nameFromId(id)).toBe(expected);
  });
});
