import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { wantsRefresh } from 'src/common/http/cache-control.util';
import { UpstreamCallResolver } from './upstream-call.resolver';

/**
 * Global guard, after authentication: on every route with a `:region` parameter it resolves the
 * region and the caller's credential profile once, so that an unknown region (404) or a profile
 * the caller may not use there (403) is refused before pipes, handlers or GreenLake are involved.
 * It also reads the caller's cache directive here, so that no interceptor is needed for it (with
 * none, Nest skips its RxJS interceptor chain on every request).
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
    const signal = callerGoneSignal(context.switchToHttp().getResponse<FastifyReply>());
    request.upstreamCall = {
      ...this.calls.resolve(request.caller, name, request.id),
      get signal() {
        return signal();
      },
      refresh:
        (request.method === 'GET' || request.method === 'HEAD') && wantsRefresh(request.headers),
    };
    return true;
  }
}

/**
 * Aborts when the connection closes before the answer was sent in full (the caller left). Made on
 * first read: a cache hit never needs it, and an AbortController per request showed in its profile.
 */
function callerGoneSignal(reply: FastifyReply): () => AbortSignal {
  let gone: AbortController | undefined;
  let left = false;
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) {
      left = true;
      gone?.abort();
    }
  });
  return () => {
    if (!gone) {
      gone = new AbortController();
      if (left) {
        gone.abort();
      }
    }
    return gone.signal;
  };
}
