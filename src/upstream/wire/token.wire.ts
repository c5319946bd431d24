/** 200 from either token endpoint (client-credentials grant). */
export interface TokenResponseWire {
  access_token: string;
  token_type: string;
  /** Seconds; 7199 seen on the legacy issuer, 15 minutes documented for workspace tokens. */
  expires_in: number;
  scope?: string;
}

/** RFC 6749 §5.2 error body of the token endpoints (`invalid_client`, `unsupported_grant_type`, ...). */
export interface TokenErrorWire {
  error: string;
  error_description?: string;
}
