import { errors } from 'jose';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { unauthenticated } from './auth-errors.util';

const REASONS: Record<string, string> = {
  missing: 'is missing',
  check_failed: 'does not match',
  invalid: 'is invalid',
  unexpected: 'is not acceptable',
};

/**
 * Why a JWT was refused, in words a caller can act on (never echoing the token). Failures to get
 * the identity provider's keys are not the caller's fault: 503, so that clients retry.
 */
export function toJwtError(error: unknown): GatewayError {
  if (error instanceof errors.JWTExpired) {
    return unauthenticated('Bearer token has expired');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthenticated(
      error.claim === 'aud'
        ? 'Bearer token is not meant for this gateway (its "aud" claim does not match)'
        : `Bearer token rejected: its "${error.claim}" claim ${REASONS[error.reason] ?? 'is not acceptable'}`,
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return unauthenticated('Bearer token signature is invalid');
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return unauthenticated('Bearer token is not signed with a key the identity provider publishes');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return unauthenticated('Bearer token uses a signing algorithm this gateway does not accept');
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  ) {
    return unauthenticated('Malformed bearer token');
  }
  return new GatewayError(
    GatewayErrorCode.AUTH_PROVIDER_UNAVAILABLE,
    "Cannot verify bearer tokens right now: the identity provider's signing keys are unavailable",
    { headers: { 'Retry-After': '30' }, cause: error },
  );
}
