import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type HeadersObject } from '@nestjs/swagger';
import { ErrorResponseDto } from 'src/common/errors/error-response.dto';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';

interface ErrorExample {
  code: GatewayErrorCode;
  message: string;
  details?: Record<string, unknown>;
  upstream?: { status: number; errorCode?: string; debugId?: string };
}

interface ErrorResponseDoc {
  description: string;
  examples: ErrorExample[];
  headers?: HeadersObject;
}

const REQUEST_ID = '0f8c2a4e-5b7d-4c1e-9a3f-2d6b8e1c4a7f';
const DEBUG_ID = 'f57dcca3345820eb579c9317ce36dd92';

const RETRY_AFTER: HeadersObject = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
};

/** Every error status a gateway route can answer, with its codes and a realistic body each. */
export const GATEWAY_ERROR_RESPONSES: Record<number, ErrorResponseDoc> = {
  400: {
    description: 'Bad input (VALIDATION_FAILED) or GreenLake rejected it (UPSTREAM_REJECTED)',
    examples: [
      {
        code: GatewayErrorCode.VALIDATION_FAILED,
        message: 'Invalid request: limit must not be greater than 1000',
        details: { errors: ['limit must not be greater than 1000'] },
      },
      {
        code: GatewayErrorCode.UPSTREAM_REJECTED,
        message: 'GreenLake rejected the request: invalid filter',
        upstream: { status: 400, errorCode: 'HPE_GL_ERROR_BAD_REQUEST', debugId: DEBUG_ID },
      },
    ],
  },
  401: {
    description: 'Missing, unknown or malformed API key or bearer token (UNAUTHENTICATED)',
    examples: [
      {
        code: GatewayErrorCode.UNAUTHENTICATED,
        message: 'Missing API key: send X-API-Key: <key> (or Authorization: Bearer <key>)',
      },
      { code: GatewayErrorCode.UNAUTHENTICATED, message: 'Unknown API key' },
    ],
    headers: {
      'WWW-Authenticate': {
        description: 'How to authenticate',
        schema: {
          type: 'string',
          example: 'ApiKey header="X-API-Key", Bearer realm="greenlake-gateway"',
        },
      },
    },
  },
  403: {
    description: 'The caller lacks the scope this route needs (FORBIDDEN)',
    examples: [
      {
        code: GatewayErrorCode.FORBIDDEN,
        message: 'Caller "team-a" lacks the "write" scope this route needs',
        details: { requiredScope: 'write' },
      },
    ],
  },
  404: {
    description: 'Unknown region (UNKNOWN_REGION) or resource (RESOURCE_NOT_FOUND)',
    examples: [
      {
        code: GatewayErrorCode.UNKNOWN_REGION,
        message: 'Unknown region "mars"; known regions: us-west, eu-west, eu-central, ap-northeast',
        details: { knownRegions: ['us-west', 'eu-west', 'eu-central', 'ap-northeast'] },
      },
      {
        code: GatewayErrorCode.RESOURCE_NOT_FOUND,
        message: 'GreenLake has no such resource',
        upstream: { status: 404, errorCode: 'HPE_GL_ERROR_NOT_FOUND', debugId: DEBUG_ID },
      },
    ],
  },
  409: {
    description: 'Conflict with the resource as it stands (CONFLICT)',
    examples: [{ code: GatewayErrorCode.CONFLICT, message: 'GreenLake reports a conflict' }],
  },
  412: {
    description: 'Stale generation or state (PRECONDITION_FAILED)',
    examples: [
      { code: GatewayErrorCode.PRECONDITION_FAILED, message: 'The resource changed meanwhile' },
    ],
  },
  413: {
    description: 'Request body too large (PAYLOAD_TOO_LARGE)',
    examples: [{ code: GatewayErrorCode.PAYLOAD_TOO_LARGE, message: 'Request body is too large' }],
  },
  415: {
    description: 'Unsupported Content-Type (UNSUPPORTED_MEDIA_TYPE)',
    examples: [
      { code: GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE, message: 'Unsupported Media Type' },
    ],
  },
  429: {
    description:
      'Rate limited: the caller spent its budget (RATE_LIMITED) or GreenLake throttled us (UPSTREAM_RATE_LIMITED); see Retry-After',
    examples: [
      {
        code: GatewayErrorCode.RATE_LIMITED,
        message: 'Rate limit of 1200 requests per 60 s reached for caller "team-a"; retry in 12 s',
        details: { limit: 1200, windowSeconds: 60, retryAfterSeconds: 12 },
      },
      {
        code: GatewayErrorCode.UPSTREAM_RATE_LIMITED,
        message: 'GreenLake is rate limiting this workspace',
        upstream: { status: 429, errorCode: 'HPE_GL_ERROR_TOO_MANY_REQUESTS', debugId: DEBUG_ID },
      },
    ],
    headers: {
      ...RETRY_AFTER,
      'RateLimit-Limit': { description: 'Requests per window', schema: { type: 'integer' } },
      'RateLimit-Remaining': {
        description: 'Requests left in this window',
        schema: { type: 'integer' },
      },
      'RateLimit-Reset': {
        description: 'Seconds until the window resets',
        schema: { type: 'integer' },
      },
    },
  },
  502: {
    description:
      'GreenLake failed or refused our credentials (UPSTREAM_ERROR, UPSTREAM_AUTH_FAILED)',
    examples: [
      {
        code: GatewayErrorCode.UPSTREAM_ERROR,
        message: 'GreenLake failed (500)',
        upstream: {
          status: 500,
          errorCode: 'HPE_GL_ERROR_INTERNAL_SERVER_ERROR',
          debugId: DEBUG_ID,
        },
      },
    ],
  },
  503: {
    description:
      'GreenLake, its token endpoint or the identity provider unreachable (UPSTREAM_UNAVAILABLE, TOKEN_UNAVAILABLE, AUTH_PROVIDER_UNAVAILABLE)',
    examples: [
      { code: GatewayErrorCode.UPSTREAM_UNAVAILABLE, message: 'GreenLake us-west is unreachable' },
      {
        code: GatewayErrorCode.TOKEN_UNAVAILABLE,
        message: 'No GreenLake access token could be had for profile "default"',
      },
    ],
    headers: RETRY_AFTER,
  },
  504: {
    description: 'GreenLake did not answer in time (UPSTREAM_TIMEOUT)',
    examples: [
      {
        code: GatewayErrorCode.UPSTREAM_TIMEOUT,
        message: 'GreenLake us-west did not answer within 10000 ms',
      },
    ],
  },
};

/** What every authenticated route can answer, whatever it does: the guards' refusals. */
export const CALLER_ERROR_STATUSES = [401, 403, 429] as const;

const DEFAULT_STATUSES = [400, 401, 403, 404, 429, 502, 503, 504];

/**
 * The error responses of a gateway route, in the one error shape, each with an example body per
 * error code and the headers that come with it (WWW-Authenticate, Retry-After, RateLimit-*).
 * `@ApiGatewayErrors()` documents the usual set; `@ApiGatewayErrors(409, 412)` adds to the
 * caller errors (401, 403, 429) that every authenticated route has.
 */
export const ApiGatewayErrors = (...statuses: number[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...[
      ...new Set(statuses.length > 0 ? [...CALLER_ERROR_STATUSES, ...statuses] : DEFAULT_STATUSES),
    ]
      .sort((a, b) => a - b)
      .map((status) => gatewayErrorResponse(status)),
  );

/** One documented error response; statuses outside the table get a generic description. */
export function gatewayErrorResponse(status: number): MethodDecorator & ClassDecorator {
  const doc = GATEWAY_ERROR_RESPONSES[status];
  if (!doc) {
    return ApiResponse({ status, description: 'Error', type: ErrorResponseDto });
  }
  return ApiResponse({
    status,
    description: doc.description,
    type: ErrorResponseDto,
    headers: doc.headers,
    examples: Object.fromEntries(
      doc.examples.map((example, index) => [
        doc.examples.findIndex((other) => other.code === example.code) === index
          ? example.code
          : `${example.code}_${index + 1}`,
        {
          summary: example.message,
          value: { statusCode: status, ...example, requestId: REQUEST_ID },
        },
      ]),
    ),
  });
}
