import { isConfinedPath } from './upstream-path.util';

describe(isConfinedPath.name, () => {
  it.each([
    '/data-services/v1beta1/async-operations',
    '/data-services/v1beta1/storage-locations/aws:us-east-1',
    '/data-services/v1beta1/secrets/8e594a77-3809-4620-be52-74270abdf60b',
    '/virtualization/v1beta1/virtual-machines/',
    '/a/b%20c',
  ])('accepts %s', (path) => {
    expect(isConfinedPath(path)).toBe(true);
  });

  it.each([
    'data-services/v1beta1',
    '//evil.example/x',
    'http://evil.example/x',
    '/a/../b',
    '/a/./b',
    '/a/%2e%2e/b',
    '/a/.%2E',
    '/a%2fb',
    '/a%5cb',
    '/a%252e',
    '/a\\b',
    '/a?x=1',
    '/a#x',
    '/a b',
  ])('refuses %s', (path) => {
    expect(isConfinedPath(path)).toBe(false);
  });
});
