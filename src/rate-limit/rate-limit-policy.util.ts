import type { FastifyRequest } from 'fastify';
import { Caller } from 'src/common/access/caller.type';
import { RateLimitConfig } from 'src/config/gateway-config.type';

/** Requests a caller may make per window; 0 means no limit. The configured rate is per minute. */
export function limitPerWindow(config: RateLimitConfig, caller: Caller): number {
  const perMinute = Object.hasOwn(config.perCaller, caller.name)
    ? config.perCaller[caller.name]
    : config.perMinute;
  if (perMinute === 0) {
    return 0;
  }
  return Math.max(1, Math.ceil((perMinute * config.windowSeconds) / 60));
}

/**
 * Whose budget a request spends: the caller's, across every route and replica. Without caller auth
 * everyone is "anonymous", so the client address tells them apart.
 */
export function trackerFor(request: FastifyRequest): string {
  const caller = request.caller;
  if (!caller || caller.via === 'auth-off') {
    return `ip:${request.ip}`;
  }
  return `${caller.via}:${caller.name}`;
}
