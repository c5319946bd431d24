import type { GreenLakeErrorWire, LegacyErrorWire } from 'src/upstream/wire/error.wire';
import { type ErrorKind, kindForStatus } from 'src/simulator/faults/simulated-error';
import { randomHex32 } from './hash.util';

/**
 * Which errorCode vocabulary a path answers with (GREENLAKE-FACTS §4): async-operations has its own
 * short codes, tags and software-* use HPE_GL_ERROR_* plus HPE_GL_DATA_SERVICES_*, and everything
 * else is assumed to use the platform's HPE_GL_ERROR_* codes (UNCONFIRMED for issues, secrets, ...).
 */
export type ErrorVocabulary = 'operations' | 'software' | 'platform';

const PLATFORM_CODES = {
  badRequest: 'HPE_GL_ERROR_BAD_REQUEST',
  invalidParameter: 'HPE_GL_ERROR_BAD_REQUEST',
  unauthenticated: 'HPE_GL_ERROR_UNAUTHORIZED',
  forbidden: 'HPE_GL_ERROR_FORBIDDEN',
  releaseDenied: 'HPE_GL_ERROR_FORBIDDEN',
  notFound: 'HPE_GL_ERROR_NOT_FOUND',
  // From here down the names follow the documented pattern but are UNCONFIRMED upstream
  methodNotAllowed: 'HPE_GL_ERROR_METHOD_NOT_ALLOWED',
  conflict: 'HPE_GL_ERROR_CONFLICT',
  preconditionFailed: 'HPE_GL_ERROR_PRECONDITION_FAILED',
  payloadTooLarge: 'HPE_GL_ERROR_PAYLOAD_TOO_LARGE',
  unsupportedMediaType: 'HPE_GL_ERROR_UNSUPPORTED_MEDIA_TYPE',
  unprocessable: 'HPE_GL_ERROR_UNPROCESSABLE_ENTITY',
  tooManyRequests: 'HPE_GL_ERROR_TOO_MANY_REQUESTS',
  internal: 'HPE_GL_ERROR_INTERNAL_SERVER_ERROR',
  badGateway: 'HPE_GL_ERROR_BAD_GATEWAY',
  unavailable: 'HPE_GL_ERROR_SERVICE_UNAVAILABLE',
  gatewayTimeout: 'HPE_GL_ERROR_GATEWAY_TIMEOUT',
} as const satisfies Record<ErrorKind, string>;

const SOFTWARE_CODES = {
  ...PLATFORM_CODES,
  invalidParameter: 'HPE_GL_DATA_SERVICES_INVALID_PARAMETER',
  releaseDenied: 'HPE_GL_DATA_SERVICES_RELEASE_DENIED',
} as const satisfies Record<ErrorKind, string>;

const OPERATIONS_CODES = {
  ...PLATFORM_CODES,
  badRequest: 'BAD_REQUEST',
  invalidParameter: 'INVALID_PARAMETER',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  releaseDenied: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  internal: 'INTERNAL_ERROR',
  unavailable: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<ErrorKind, string>;

const CODES_BY_VOCABULARY = {
  operations: OPERATIONS_CODES,
  software: SOFTWARE_CODES,
  platform: PLATFORM_CODES,
} as const satisfies Record<ErrorVocabulary, Record<ErrorKind, string>>;

const SOFTWARE_PATH =
  /^\/data-services\/v1beta1\/(tags|software-releases|software-components|software-upgrades)(\/|$)/;

export function vocabularyForPath(path: string): ErrorVocabulary {
  if (path.startsWith('/data-services/v1beta1/async-operations')) {
    return 'operations';
  }
  return SOFTWARE_PATH.test(path) ? 'software' : 'platform';
}

export function errorCodeFor(vocabulary: ErrorVocabulary, kind: ErrorKind): string {
  return CODES_BY_VOCABULARY[vocabulary][kind];
}

export type ErrorEnvelopeStyle = 'current' | 'legacy';

/** The body of an error answer with `status`, in the configured envelope. */
export function errorBody(
  style: ErrorEnvelopeStyle,
  vocabulary: ErrorVocabulary,
  status: number,
  message: string,
  kind: ErrorKind | undefined = kindForStatus(status),
): GreenLakeErrorWire | LegacyErrorWire {
  if (style === 'legacy') {
    // The 2024 body carried the HTTP status as its errorCode ("422")
    return { error: message, errorCode: String(status), traceId: randomHex32() };
  }
  const errorCode = kind
    ? errorCodeFor(vocabulary, kind)
    : status >= 500
      ? errorCodeFor(vocabulary, 'internal')
      : errorCodeFor(vocabulary, 'badRequest');
  return { httpStatusCode: status, errorCode, message, debugId: randomHex32() };
}
