import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { wantsRefresh } from 'src/common/http/cache-control.util';
import type { Caller } from 'src/common/access/caller.type';
import type { CredentialProfile, RegionConfig } from 'src/config/gateway-config.type';
import { UpstreamCallResolver } from './upstream-call.resolver';
import type { UpstreamCall } from './upstream-call.type';

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
    request.upstreamCall = new EdgeUpstreamCall(
      this.calls.resolve(request.caller, name, request.id),
      callerGoneSignal(context.switchToHttp().getResponse<FastifyReply>()),
      (request.method === 'GET' || request.method === 'HEAD') && wantsRefresh(request.headers),
    );
    return true;
  }
}

/**
 * A request's call, with its caller-gone signal made on first read. A class rather than an object
 * literal with a `get signal()`: V8 kept every request that built such a literal alive through its
 * young-generation collections (request-observability.hook.ts says what that cost).
 */
class EdgeUpstreamCall implements UpstreamCall {
  readonly caller: Caller;
  readonly region: RegionConfig;
  readonly profile: CredentialProfile;
  readonly requestId: string;
  // A private field, not a property: a copy of the call (`{ ...call }`, which a shared task watch
  // keeps) must not hold on to this request's reply
  readonly #callerGone: () => AbortSignal;

  constructor(
    resolved: UpstreamCall,
    callerGone: () => AbortSignal,
    readonly refresh: boolean,
  ) {
    this.caller = resolved.caller;
    this.region = resolved.region;
    this.profile = resolved.profile;
    this.requestId = resolved.requestId;
    this.#callerGone = callerGone;
  }

  get signal(): AbortSignal {
    return this.#callerGone();
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
