import { GatewayErrorCode } from './gateway-error-code.enum';

/** What GreenLake said, kept for the caller: never its raw body or headers. */
export interface UpstreamErrorInfo {
  status: number;
  errorCode?: string;
  debugId?: string;
}

export interface GatewayErrorOptions {
  details?: Record<string, unknown>;
  upstream?: UpstreamErrorInfo;
  /** Response headers the caller needs, e.g. `Retry-After` or `WWW-Authenticate`. */
  headers?: Record<string, string>;
  cause?: unknown;
}

/** The one error type services and clients throw; the exception filter turns it into the error body. */
export class GatewayError extends Error {
  readonly details?: Record<string, unknown>;
  readonly upstream?: UpstreamErrorInfo;
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    options: GatewayErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.details = options.details;
    this.upstream = options.upstream;
    this.headers = options.headers;
  }
}
