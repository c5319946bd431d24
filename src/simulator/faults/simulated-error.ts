/** What went wrong, independent of the errorCode vocabulary of the resource family. */
export type ErrorKind =
  | 'badRequest'
  | 'invalidParameter'
  | 'unauthenticated'
  | 'forbidden'
  | 'releaseDenied'
  | 'notFound'
  | 'methodNotAllowed'
  | 'conflict'
  | 'preconditionFailed'
  | 'payloadTooLarge'
  | 'unsupportedMediaType'
  | 'unprocessable'
  | 'tooManyRequests'
  | 'internal'
  | 'badGateway'
  | 'unavailable'
  | 'gatewayTimeout';

export const STATUS_BY_KIND = {
  badRequest: 400,
  invalidParameter: 400,
  unauthenticated: 401,
  forbidden: 403,
  releaseDenied: 403,
  notFound: 404,
  methodNotAllowed: 405,
  conflict: 409,
  preconditionFailed: 412,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  unprocessable: 422,
  tooManyRequests: 429,
  internal: 500,
  badGateway: 502,
  unavailable: 503,
  gatewayTimeout: 504,
} as const satisfies Record<ErrorKind, number>;

/** Thrown by route handlers; the listener's error handler turns it into the configured envelope. */
export class SimulatedError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SimulatedError';
  }

  get status(): number {
    return STATUS_BY_KIND[this.kind];
  }
}

/** The kind that best describes an arbitrary status (for failNext and framework errors). */
export function kindForStatus(status: number): ErrorKind | undefined {
  const entry = (Object.entries(STATUS_BY_KIND) as [ErrorKind, number][]).find(
    ([kind, code]) => code === status && kind !== 'invalidParameter' && kind !== 'releaseDenied',
  );
  return entry?.[0];
}
