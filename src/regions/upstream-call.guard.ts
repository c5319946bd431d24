import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UpstreamCallResolver } from './upstream-call.resolver';

/**
 * Global guard, after authentication: on every route with a `:region` parameter it resolves the
 * region and the caller's credential profile once, so that an unknown region (404) or a profile
 * the caller may not use there (403) is refused before pipes, handlers or GreenLake are involved.
 */
@Injectable()
export class UpstreamCallGuard implements CanActivate {
  constructor(private readonly calls: UpstreamCallResolver) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const name = (request.params as Record<string, unknown> | undefined)?.region;
    if (typeof name !== 'string' || !request.caller) {
      return true;
    }
    request.upstreamCall = {
      ...this.calls.resolve(request.caller, name, request.id),
      signal: callerGoneSignal(context.switchToHttp().getResponse<FastifyReply>()),
    };
    return true;
  }
}

/** Aborts when the connection closes before the answer was sent in full (the caller left). */
function callerGoneSignal(reply: FastifyReply): AbortSignal {
  const gone = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) {
      gone.abort();
    }
  });
  return gone.signal;
}
