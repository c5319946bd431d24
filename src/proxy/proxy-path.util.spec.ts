import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { proxyTargetOf } from './proxy-path.util';

const PREFIX = '/v1/regions/us-west/proxy';

function refusal(rawUrl: string): GatewayError {
  try {
    proxyTargetOf(rawUrl);
  } catch (error) {
    if (error instanceof GatewayError) {
      return error;
    }
    throw error;
  }
  throw new Error(`${rawUrl} was accepted`);
}

describe(proxyTargetOf.name, () => {
  it.each([
    [
      '/virtualization/v1beta1/virtual-machines',
      '/virtualization/v1beta1/virtual-machines',
      undefined,
    ],
    [
      '/virtualization/v1beta1/virtual-machines/',
      '/virtualization/v1beta1/virtual-machines/',
      undefined,
    ],
    [
      '/data-services/v1beta1/storage-locations/aws:us-east-1',
      '/data-services/v1beta1/storage-locations/aws:us-east-1',
      undefined,
    ],
    ['/data-services/v1beta1/%74ags', '/data-services/v1beta1/tags', undefined],
    [
      '/backup-recovery/v1beta1/jobs?a=1&a=2&filter=name%20eq%20%27x%27',
      '/backup-recovery/v1beta1/jobs',
      'a=1&a=2&filter=name%20eq%20%27x%27',
    ],
    ["/x/y?filter=name+eq+'x'&select=id,name", '/x/y', "filter=name+eq+'x'&select=id,name"],
    ['/x/y?', '/x/y', undefined],
    ['/x/v1.2/file.name~1', '/x/v1.2/file.name~1', undefined],
    // Swagger UI's forms: the path as one segment with "/" as %2F, the query string in gw-query
    ['/data-services%2Fv1beta1%2Ftags', '/data-services/v1beta1/tags', undefined],
    ['/a%2fb', '/a/b', undefined],
    [
      "/a%2Fb?gw-query=limit%3D2%26filter%3Dkey%20eq%20'x'",
      '/a/b',
      "limit=2&filter=key%20eq%20'x'",
    ],
    ['/a/b?gw-query=%3Flimit%3D2', '/a/b', 'limit=2'],
  ])('accepts %s', (path, expected, rawQuery) => {
    expect(proxyTargetOf(`${PREFIX}${path}`)).toEqual({ path: expected, rawQuery });
  });

  it.each([
    ['/..', 'dot segments'],
    ['/a/../b', 'dot segments'],
    ['/a/./b', 'dot segments'],
    ['/a/...', 'dot segments'],
    ['/a/%2e%2E/b', 'dot segments'],
    ['/a/%252e%252e/b', 'encoded'],
    ['/a/b%2fc', 'encoded'],
    ['/a%2f..%2fb', 'dot segments'],
    ['/a%2f%2fb', 'empty path segments'],
    ['/a%252fb', 'encoded'],
    ['/a?gw-query=x%3D1&limit=2', 'send it alone'],
    ['/a%5cb', 'encoded'],
    ['/a%25/b', 'encoded'],
    ['/a\\b', 'characters that are not allowed'],
    ['/a b', 'characters that are not allowed'],
    ['/a/"b"', 'characters that are not allowed'],
    ['/a/%zz', 'characters that are not allowed'],
    ['/a/%c0%ae', 'invalid %-escape'],
    ['/a/%e2%80%a8', 'encoded'],
    ['/a/%3f', 'encoded'],
    ['/a/%23', 'encoded'],
    ['//evil.example/x', 'empty path segments'],
    ['/a//b', 'empty path segments'],
    ['/http:/evil.example', 'API family'],
    ['/-x/y', 'API family'],
    ['/', 'required'],
    ['/a?x=1#frag', 'query string'],
    ['/a?x=%zz', 'query string'],
    ['/a?x=a b', 'query string'],
  ])('refuses %s (%s)', (path, reason) => {
    const error = refusal(`${PREFIX}${path}`);
    expect(error.code).toBe(GatewayErrorCode.VALIDATION_FAILED);
    expect(error.message).toContain(reason);
    expect(error.details).toEqual({ reason: expect.any(String) });
  });

  it('refuses targets that are not origin-form paths of the proxy route', () => {
    expect(refusal(`http://evil.example${PREFIX}/a`).code).toBe(GatewayErrorCode.VALIDATION_FAILED);
    expect(refusal('/v1/regions/us-west/other/a').code).toBe(GatewayErrorCode.VALIDATION_FAILED);
  });

  it('refuses paths and queries that are too long', () => {
    expect(refusal(`${PREFIX}/a/${'b'.repeat(2100)}`).message).toContain('longer than');
    expect(refusal(`${PREFIX}/a?q=${'b'.repeat(9000)}`).message).toContain('longer than');
  });
});
