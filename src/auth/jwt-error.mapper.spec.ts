import { errors } from 'jose';
import { toJwtError } from './jwt-error.mapper';

describe(toJwtError.name, () => {
  it.each([
    [new errors.JWTExpired('x', {}, 'exp', 'check_failed'), 'Bearer token has expired'],
    [
      new errors.JWTClaimValidationFailed('x', {}, 'aud', 'check_failed'),
      'Bearer token is not meant for this gateway (its "aud" claim does not match)',
    ],
    [
      new errors.JWTClaimValidationFailed('x', {}, 'exp', 'missing'),
      'Bearer token rejected: its "exp" claim is missing',
    ],
    [new errors.JWSSignatureVerificationFailed(), 'Bearer token signature is invalid'],
    [
      new errors.JWKSNoMatchingKey(),
      'Bearer token is not signed with a key the identity provider publishes',
    ],
    [
      new errors.JOSEAlgNotAllowed('x'),
      'Bearer token uses a signing algorithm this gateway does not accept',
    ],
    [new errors.JWSInvalid('x'), 'Malformed bearer token'],
  ])('refuses %s with 401 UNAUTHENTICATED and a reason', (error, message) => {
    const mapped = toJwtError(error);
    expect(mapped.code).toBe('UNAUTHENTICATED');
    expect(mapped.message).toBe(message);
    expect(mapped.headers?.['WWW-Authenticate']).toContain('Bearer');
  });

  it.each([
    ['a JWKS timeout', new errors.JWKSTimeout()],
    [
      'an unreachable identity provider',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a JWKS that is not one', new errors.JWKSInvalid('x')],
  ])('answers %s with 503 AUTH_PROVIDER_UNAVAILABLE, so that clients retry', (_label, error) => {
    const mapped = toJwtError(error);
    expect(mapped.code).toBe('AUTH_PROVIDER_UNAVAILABLE');
    expect(mapped.headers).toEqual({ 'Retry-After': '30' });
  });
});
