import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiResponse,
  DECORATORS,
  getSchemaPath,
  type HeadersObject,
} from '@nestjs/swagger';
import { ErrorResponseDto } from 'src/common/errors/error-response.dto';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import type { UpstreamErrorInfo } from 'src/common/errors/gateway-error';

/** One example body of an error response; `statusCode` and `requestId` are filled in. */
export interface ErrorExample {
  code: GatewayErrorCode;
  message: string;
  details?: Record<string, unknown>;
  upstream?: UpstreamErrorInfo;
}

/** How the table documents one error status. */
interface ErrorResponseDoc {
  description: string;
  examples: readonly ErrorExample[];
  headers?: HeadersObject;
  /**
   * How a route's own reason (`@ApiGatewayErrors({ 409: 'A secret with this name exists' })`)
   * reads at this status: its example body and, for a route-specific status, its description.
   */
  reason?: {
    example: (reason: string) => ErrorExample;
    description?: (reason: string) => string;
  };
}

/**
 * What a route says about one of its error statuses:
 * - a reason, or several: each becomes an example through the table (at 400 a validation message,
 *   `Invalid request: <reason>`; at 409 and 412 what GreenLake refused, also the description);
 *   the table's examples of other codes stay (at 400 GreenLake's own refusal, UPSTREAM_REJECTED);
 * - `{ description?, examples? }`: the route's own text; given examples are all the status shows.
 */
export type RouteErrorDoc =
  string | readonly string[] | { description?: string; examples?: readonly ErrorExample[] };

/** A route's error statuses, each with its own text: `{ 400: ..., 409: ... }`. */
export type RouteErrorDocs = Readonly<Partial<Record<number, RouteErrorDoc>>>;

const JSON_MEDIA_TYPE = 'application/json';
const REQUEST_ID = '0f8c2a4e-5b7d-4c1e-9a3f-2d6b8e1c4a7f';
const DEBUG_ID = 'f57dcca3345820eb579c9317ce36dd92';

/** The validation pipe's 400: `Invalid request: ...`, each failed constraint in details.errors. */
export function validationErrorExample(...errors: string[]): ErrorExample {
  return {
    code: GatewayErrorCode.VALIDATION_FAILED,
    message: `Invalid request: ${errors.join('; ')}`,
    details: { errors },
  };
}

/** An error GreenLake answered, as the gateway relays it: GreenLake's status, errorCode and debugId. */
export function greenLakeErrorExample(
  code: GatewayErrorCode,
  message: string,
  upstream: { status: number; errorCode: string },
): ErrorExample {
  return { code, message, upstream: { ...upstream, debugId: DEBUG_ID } };
}

/** Table examples a route may reuse among its own. */
export const ERROR_EXAMPLES = {
  unknownRegion: {
    code: GatewayErrorCode.UNKNOWN_REGION,
    message: 'Unknown region "mars"; known regions: us-west, eu-west, eu-central, ap-northeast',
    details: { knownRegions: ['us-west', 'eu-west', 'eu-central', 'ap-northeast'] },
  },
  upstreamRejected: greenLakeErrorExample(
    GatewayErrorCode.UPSTREAM_REJECTED,
    'GreenLake rejected the request: invalid parameter',
    { status: 400, errorCode: 'HPE_GL_ERROR_BAD_REQUEST' },
  ),
} as const satisfies Record<string, ErrorExample>;

const RETRY_AFTER: HeadersObject = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
};

/** Every error status a gateway route can answer, with its codes and a realistic body each. */
export const GATEWAY_ERROR_RESPONSES: Readonly<Record<number, ErrorResponseDoc>> = {
  400: {
    description: 'Bad input (VALIDATION_FAILED) or GreenLake rejected it (UPSTREAM_REJECTED)',
    examples: [
      validationErrorExample('property colour should not exist'),
      ERROR_EXAMPLES.upstreamRejected,
    ],
    reason: { example: (reason) => validationErrorExample(reason) },
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
      ERROR_EXAMPLES.unknownRegion,
      greenLakeErrorExample(GatewayErrorCode.RESOURCE_NOT_FOUND, 'GreenLake has no such resource', {
        status: 404,
        errorCode: 'HPE_GL_ERROR_NOT_FOUND',
      }),
    ],
  },
  409: {
    description: 'Conflict with the resource as it stands (CONFLICT)',
    examples: [conflictExample('The request conflicts with the current state of the resource')],
    reason: { example: conflictExample, description: (reason) => `${reason} (CONFLICT)` },
  },
  412: {
    description: 'Stale generation or state (PRECONDITION_FAILED)',
    examples: [preconditionExample('The resource has changed since it was read')],
    reason: {
      example: preconditionExample,
      description: (reason) => `${reason} (PRECONDITION_FAILED)`,
    },
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
      "Rate limited: the caller spent its budget (RATE_LIMITED), GreenLake's shared budget is spent (UPSTREAM_BUDGET_EXHAUSTED), the caller is over its fair share of it (UPSTREAM_SHARE_EXCEEDED) or GreenLake throttled us (UPSTREAM_RATE_LIMITED); see Retry-After",
    examples: [
      {
        code: GatewayErrorCode.RATE_LIMITED,
        message: 'Rate limit of 1200 requests per 60 s reached for caller "team-a"; retry in 12 s',
        details: { limit: 1200, windowSeconds: 60, retryAfterSeconds: 12 },
      },
      {
        code: GatewayErrorCode.UPSTREAM_BUDGET_EXHAUSTED,
        message:
          'The GreenLake budget of profile "default" in us-west is spent until its reset; retry in 4 s',
      },
      {
        code: GatewayErrorCode.UPSTREAM_SHARE_EXCEEDED,
        message:
          'Caller "batch" is over its share of the scarce GreenLake budget in us-west; retry in 2 s',
      },
      greenLakeErrorExample(
        GatewayErrorCode.UPSTREAM_RATE_LIMITED,
        'GreenLake is rate limiting this workspace',
        { status: 429, errorCode: 'HPE_GL_ERROR_TOO_MANY_REQUESTS' },
      ),
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
      'GreenLake failed, refused our credentials or answered what the route cannot read (UPSTREAM_ERROR, UPSTREAM_AUTH_FAILED, UPSTREAM_BAD_RESPONSE)',
    examples: [
      greenLakeErrorExample(GatewayErrorCode.UPSTREAM_ERROR, 'GreenLake failed (500)', {
        status: 500,
        errorCode: 'HPE_GL_ERROR_INTERNAL_SERVER_ERROR',
      }),
      {
        code: GatewayErrorCode.UPSTREAM_BAD_RESPONSE,
        message:
          'GreenLake us-west answered GET /data-services/v1beta1/tags with a body that is not JSON',
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

// Worded as the upstream error mapper words GreenLake's 409 and 412
function conflictExample(said: string): ErrorExample {
  return greenLakeErrorExample(
    GatewayErrorCode.CONFLICT,
    `GreenLake reported a conflict: ${said}`,
    {
      status: 409,
      errorCode: 'HPE_GL_ERROR_CONFLICT',
    },
  );
}

function preconditionExample(said: string): ErrorExample {
  return greenLakeErrorExample(
    GatewayErrorCode.PRECONDITION_FAILED,
    `GreenLake precondition failed: ${said}`,
    { status: 412, errorCode: 'HPE_GL_ERROR_PRECONDITION_FAILED' },
  );
}

/** What every authenticated route can answer, whatever it does: the guards' refusals. */
export const CALLER_ERROR_STATUSES = [401, 403, 429] as const;

const DEFAULT_STATUSES = [400, 401, 403, 404, 429, 502, 503, 504];

/**
 * The one way to document a gateway route's error responses, in the one error shape, each with an
 * example body per error code and the headers that come with it (WWW-Authenticate, Retry-After,
 * RateLimit-*):
 * - `@ApiGatewayErrors()`, usually on the controller: the usual set (400, 401, 403, 404, 429, 502,
 *   503, 504) as the table has it;
 * - `@ApiGatewayErrors(409, 412)`: the caller errors (401, 403, 429) and these, as the table has
 *   them (a controller whose routes answer no other);
 * - `@ApiGatewayErrors({ 400: 'secretId must be a UUID', 409: 'A secret with this name exists' })`,
 *   on a route: these statuses with the route's own text (see RouteErrorDoc), added to or in place
 *   of its controller's.
 * Declaring a status again on the same route or controller replaces it (Swagger would merge them).
 */
export function ApiGatewayErrors(...statuses: number[]): MethodDecorator & ClassDecorator;
export function ApiGatewayErrors(docs: RouteErrorDocs): MethodDecorator & ClassDecorator;
export function ApiGatewayErrors(
  ...args: number[] | [RouteErrorDocs]
): MethodDecorator & ClassDecorator {
  const [first] = args;
  if (typeof first === 'object') {
    return applyDecorators(
      ...Object.entries(first).map(([status, doc]) => gatewayErrorResponse(Number(status), doc)),
    );
  }
  const statuses = args as number[];
  return applyDecorators(
    ...[
      ...new Set(statuses.length > 0 ? [...CALLER_ERROR_STATUSES, ...statuses] : DEFAULT_STATUSES),
    ]
      .sort((a, b) => a - b)
      .map((status) => gatewayErrorResponse(status)),
  );
}

/**
 * One documented error response, as the table has it or with the route's own text; it replaces an
 * earlier one of the same status on the same target. Statuses outside the table need their own
 * description (or get a generic one).
 */
export function gatewayErrorResponse(
  status: number,
  doc?: RouteErrorDoc,
): MethodDecorator & ClassDecorator {
  const { description, examples, headers } = resolve(status, doc);
  // Always JSON, whatever else the route produces (text/plain tokens, event streams)
  const json = {
    schema: { $ref: getSchemaPath(ErrorResponseDto) },
    ...(examples.length > 0 ? { examples: exampleObjects(status, examples) } : {}),
  };
  const response = ApiResponse({
    status,
    description,
    headers,
    content: { [JSON_MEDIA_TYPE]: json },
  });
  const document = applyDecorators(ApiExtraModels(ErrorResponseDto), response);
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    forget(status, descriptor ? (descriptor.value as object) : target);
    document(target, key, descriptor);
  };
}

/** True when this target (a route's method, or a controller) already documents the status. */
export function documentsStatus(target: object, status: number): boolean {
  const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, target) as
    Record<string, unknown> | undefined;
  return responses?.[status] !== undefined;
}

function forget(status: number, holder: object): void {
  const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, holder) as
    Record<string, unknown> | undefined;
  if (responses?.[status] !== undefined) {
    const others = { ...responses };
    delete others[status];
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, others, holder);
  }
}

function resolve(
  status: number,
  doc: RouteErrorDoc | undefined,
): Pick<ErrorResponseDoc, 'description' | 'examples' | 'headers'> {
  const table: ErrorResponseDoc = GATEWAY_ERROR_RESPONSES[status] ?? {
    description: 'Error',
    examples: [],
  };
  if (doc === undefined) {
    return table;
  }
  if (typeof doc === 'string' || Array.isArray(doc)) {
    const reasons: readonly string[] = typeof doc === 'string' ? [doc] : doc;
    if (!table.reason) {
      throw new Error(`${status} takes { description, examples } from a route, not a reason`);
    }
    const own = reasons.map(table.reason.example);
    const ownCodes = new Set(own.map((example) => example.code));
    return {
      description: table.reason.description?.(reasons.join('; ')) ?? table.description,
      examples: [...own, ...table.examples.filter((example) => !ownCodes.has(example.code))],
      headers: table.headers,
    };
  }
  const routeDoc = doc as Exclude<RouteErrorDoc, string | readonly string[]>;
  return {
    description: routeDoc.description ?? table.description,
    examples: routeDoc.examples ?? table.examples,
    headers: table.headers,
  };
}

/** Keyed by error code; a second example of the same code gets its position (`CODE_2`). */
function exampleObjects(
  status: number,
  examples: readonly ErrorExample[],
): Record<string, { summary: string; value: object }> {
  return Object.fromEntries(
    examples.map((example, index) => [
      examples.findIndex((other) => other.code === example.code) === index
        ? example.code
        : `${example.code}_${index + 1}`,
      {
        summary: example.message,
        value: { statusCode: status, ...example, requestId: REQUEST_ID },
      },
    ]),
  );
}
