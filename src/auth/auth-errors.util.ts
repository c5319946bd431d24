import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { CallerScope } from 'src/config/gateway-config.type';

export const WWW_AUTHENTICATE = 'ApiKey header="X-API-Key", Bearer realm="greenlake-gateway"';

export const MISSING_CREDENTIALS =
  'Missing API key: send X-API-Key: <key> (or Authorization: Bearer <key>)';

/** 401 with the challenge header; the message says what was wrong, never echoing the credential. */
export const unauthenticated = (message: string): GatewayError =>
  new GatewayError(GatewayErrorCode.UNAUTHENTICATED, message, {
    headers: { 'WWW-Authenticate': WWW_AUTHENTICATE },
  });

export const forbidden = (callerName: string, scope: CallerScope): GatewayError =>
  new GatewayError(
    GatewayErrorCode.FORBIDDEN,
    `Caller "${callerName}" lacks the "${scope}" scope this route needs`,
    { details: { requiredScope: scope } },
  );
