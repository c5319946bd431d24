import { canonicalRequestOf, requestHashOf, scopeIdOf, scopePatternOf } from './cache-key.util';

describe('canonicalRequestOf', () => {
  const path = '/data-services/v1beta1/tags';

  it('sorts parameters by name, whatever the order they came in', () => {
    expect(canonicalRequestOf(path, { limit: 5, sort: 'key asc', offset: 0 })).toBe(
      `${path}?limit=5&offset=0&sort=key%20asc`,
    );
    expect(canonicalRequestOf(path, 'sort=key%20asc&offset=0&limit=5')).toBe(
      canonicalRequestOf(path, { limit: 5, sort: 'key asc', offset: 0 }),
    );
  });

  it('keeps the order of a repeated parameter, and tells + from a space', () => {
    expect(canonicalRequestOf(path, 'b=2&a=y&a=x')).toBe(`${path}?a=y&a=x&b=2`);
    expect(canonicalRequestOf(path, 'sort=key+asc')).not.toBe(
      canonicalRequestOf(path, 'sort=key%20asc'),
    );
  });

  it('reads a needless escape like the character itself, and survives a malformed one', () => {
    expect(canonicalRequestOf(path, 'limit=%35')).toBe(canonicalRequestOf(path, 'limit=5'));
    expect(canonicalRequestOf(path, 'filter=%c0%ae')).toContain('filter=');
  });

  it('drops undefined values and an empty query', () => {
    expect(canonicalRequestOf(path, { limit: undefined })).toBe(path);
    expect(canonicalRequestOf(path, '')).toBe(path);
  });

  it('hashes to a fixed-length key', () => {
    expect(requestHashOf(`${path}?filter=${'x'.repeat(5000)}`)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});

describe('scopeIdOf', () => {
  it('encodes the parts, so that no profile or path can break out of its scope', () => {
    expect(scopeIdOf({ profile: 'a:b', region: 'us-west', resource: 'vm/v1/x*' })).toBe(
      'a%3Ab:us-west:vm%2Fv1%2Fx%2A',
    );
    expect(scopePatternOf({ region: 'us-west' })).toBe('*:us-west:*');
  });
});
