import { HttpStatus } from '@nestjs/common';
import { GatewayErrorCode } from './gateway-error-code.enum';

/** Every code has a status, or tsc fails. */
export const HTTP_STATUS_BY_CODE = {
  [GatewayErrorCode.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [GatewayErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [GatewayErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [GatewayErrorCode.ROUTE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [GatewayErrorCode.UNKNOWN_REGION]: HttpStatus.NOT_FOUND,
  [GatewayErrorCode.RESOURCE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [GatewayErrorCode.METHOD_NOT_ALLOWED]: HttpStatus.METHOD_NOT_ALLOWED,
  [GatewayErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [GatewayErrorCode.PRECONDITION_FAILED]: HttpStatus.PRECONDITION_FAILED,
  [GatewayErrorCode.PAYLOAD_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [GatewayErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [GatewayErrorCode.UPSTREAM_REJECTED]: HttpStatus.BAD_REQUEST,
  [GatewayErrorCode.UPSTREAM_RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [GatewayErrorCode.UPSTREAM_BUDGET_EXHAUSTED]: HttpStatus.TOO_MANY_REQUESTS,
  [GatewayErrorCode.UPSTREAM_SHARE_EXCEEDED]: HttpStatus.TOO_MANY_REQUESTS,
  [GatewayErrorCode.UPSTREAM_AUTH_FAILED]: HttpStatus.BAD_GATEWAY,
  [GatewayErrorCode.UPSTREAM_ERROR]: HttpStatus.BAD_GATEWAY,
  [GatewayErrorCode.UPSTREAM_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [GatewayErrorCode.UPSTREAM_TIMEOUT]: HttpStatus.GATEWAY_TIMEOUT,
  [GatewayErrorCode.UPSTREAM_BAD_RESPONSE]: HttpStatus.BAD_GATEWAY,
  [GatewayErrorCode.TOKEN_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [GatewayErrorCode.AUTH_PROVIDER_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [GatewayErrorCode.INTERNAL_ERROR]: HttpStatus.INTERNAL_SERVER_ERROR,
} as const satisfies Record<GatewayErrorCode, HttpStatus>;

/** The code for an error Nest or Fastify raised with only a status (validation, routing, parsing). */
export const CODE_BY_HTTP_STATUS: Partial<Record<number, GatewayErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: GatewayErrorCode.VALIDATION_FAILED,
  [HttpStatus.UNAUTHORIZED]: GatewayErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: GatewayErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: GatewayErrorCode.ROUTE_NOT_FOUND,
  [HttpStatus.METHOD_NOT_ALLOWED]: GatewayErrorCode.METHOD_NOT_ALLOWED,
  [HttpStatus.CONFLICT]: GatewayErrorCode.CONFLICT,
  [HttpStatus.PRECONDITION_FAILED]: GatewayErrorCode.PRECONDITION_FAILED,
  [HttpStatus.PAYLOAD_TOO_LARGE]: GatewayErrorCode.PAYLOAD_TOO_LARGE,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE,
  [HttpStatus.TOO_MANY_REQUESTS]: GatewayErrorCode.RATE_LIMITED,
};
