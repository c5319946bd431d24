import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Caller } from 'src/common/access/caller.type';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';

/** The authenticated caller; set by the global guard on every non-public route. */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => {
    const caller = context.switchToHttp().getRequest<FastifyRequest>().caller;
    if (!caller) {
      throw new GatewayError(GatewayErrorCode.UNAUTHENTICATED, 'No authenticated caller');
    }
    return caller;
  },
);
