import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { limitPerWindow } from './rate-limit-policy.util';

/**
 * Global guard after CallerAuthGuard: each caller has one budget across all routes (and, with
 * Redis, all replicas), answered with `RateLimit-*` headers and, once spent, 429 RATE_LIMITED
 * with `Retry-After`. Public routes have no caller and are not counted.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  // IETF draft names (RateLimit-Limit, -Remaining, -Reset), which GreenLake's own headers follow
  protected override headerPrefix = 'RateLimit';

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    super(options, storage, reflector);
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const caller = context.switchToHttp().getRequest<FastifyRequest>().caller;
    return Promise.resolve(!caller || limitPerWindow(this.config.rateLimit, caller) === 0);
  }

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const reply = request.context.switchToHttp().getResponse<FastifyReply>();
    void reply.header(
      'RateLimit-Policy',
      `${request.limit};w=${this.config.rateLimit.windowSeconds}`,
    );
    return super.handleRequest(request);
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const caller = context.switchToHttp().getRequest<FastifyRequest>().caller;
    const retryAfter = String(detail.timeToBlockExpire);
    throw new GatewayError(
      GatewayErrorCode.RATE_LIMITED,
      `Rate limit of ${detail.limit} requests per ${this.config.rateLimit.windowSeconds} s reached for caller "${caller?.name ?? 'anonymous'}"; retry in ${retryAfter} s`,
      {
        details: {
          limit: detail.limit,
          windowSeconds: this.config.rateLimit.windowSeconds,
          retryAfterSeconds: detail.timeToBlockExpire,
        },
        headers: {
          'Retry-After': retryAfter,
          'RateLimit-Limit': String(detail.limit),
          'RateLimit-Remaining': '0',
          'RateLimit-Reset': retryAfter,
        },
      },
    );
  }
}
