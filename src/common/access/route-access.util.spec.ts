import { auditActionFor } from './route-access.util';

describe(auditActionFor.name, () => {
  it.each([
    ['token', 'GET', 'token'],
    ['admin', 'GET', 'admin'],
    ['write', 'POST', 'write'],
    ['write', 'DELETE', 'write'],
    ['read', 'POST', 'write'],
    ['read', 'GET', undefined],
    ['read', 'HEAD', undefined],
  ] as const)('audits a %s-scope %s as %s', (scope, method, action) => {
    expect(auditActionFor(scope, method)).toBe(action);
  });
});
