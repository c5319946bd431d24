import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import type { UpstreamCall } from './upstream-call.type';

const documentRegionParam = ApiParam({
  name: 'region',
  description: 'Region name or alias (GET /v1/regions lists them)',
  schema: { example: 'us-west', type: 'string' },
});

/**
 * The call UpstreamCallGuard resolved for this request (routes with a `:region` parameter); also
 * documents the `region` path parameter.
 */
export const ResolvedCall = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UpstreamCall => {
    const call = context.switchToHttp().getRequest<FastifyRequest>().upstreamCall;
    if (!call) {
      // A route without :region, or a public one: a programming error, not the caller's
      throw new GatewayError(GatewayErrorCode.INTERNAL_ERROR, 'No resolved upstream call');
    }
    return call;
  },
  [
    (target: object, key?: string | symbol) =>
      key === undefined
        ? undefined
        : documentRegionParam(target, key, Object.getOwnPropertyDescriptor(target, key)!),
  ],
);
