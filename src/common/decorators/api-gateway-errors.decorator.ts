import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from 'src/common/errors/error-response.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input (VALIDATION_FAILED) or GreenLake rejected it (UPSTREAM_REJECTED)',
  401: 'Missing or unknown API key (UNAUTHENTICATED)',
  403: 'The key lacks the scope this route needs (FORBIDDEN)',
  404: 'Unknown region (UNKNOWN_REGION) or resource (RESOURCE_NOT_FOUND)',
  429: 'Rate limited (RATE_LIMITED or UPSTREAM_RATE_LIMITED), see Retry-After',
  502: 'GreenLake failed or refused our credentials (UPSTREAM_ERROR, UPSTREAM_AUTH_FAILED)',
  503: 'GreenLake or its token endpoint unreachable (UPSTREAM_UNAVAILABLE, TOKEN_UNAVAILABLE)',
  504: 'GreenLake did not answer in time (UPSTREAM_TIMEOUT)',
};

/** The error responses every gateway route can give, in the one error shape. */
export const ApiGatewayErrors = (...statuses: number[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...(statuses.length > 0 ? statuses : Object.keys(DESCRIPTIONS).map(Number)).map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ErrorResponseDto }),
    ),
  );
