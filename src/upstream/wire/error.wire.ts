/** The current GreenLake error envelope (`ErrorResponse` / `GLCPErrorResponse`): all four fields required. */
export interface GreenLakeErrorWire {
  httpStatusCode: number;
  errorCode: string;
  message: string;
  /** 32 hex characters, quoted by HPE support. */
  debugId: string;
}

/**
 * The older envelope seen live in March 2024 (`GET /issues?select=body` → 422). `errorCode` carried
 * the HTTP status as a string ("422"). It survives in the spec only as an operation's `error`.
 */
export interface LegacyErrorWire {
  error: string;
  errorCode: string;
  traceId: string;
}
