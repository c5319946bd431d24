import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { Caller } from 'src/common/access/caller.type';
import { RedisModule } from 'src/redis/redis.module';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { CallerThrottlerGuard } from './caller-throttler.guard';
import { limitPerWindow, trackerFor } from './rate-limit-policy.util';
import { RateLimitRepository } from './rate-limit.repository';

/**
 * Per-caller rate limits on @nestjs/throttler: one budget per caller (not per route), counters in
 * Redis when configured. The guard is registered globally in AppModule, after CallerAuthGuard.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RedisModule],
      inject: [GATEWAY_CONFIG, REDIS_CLIENT],
      useFactory: (config: GatewayConfig, redis: RedisClient) => ({
        throttlers: [
          {
            name: 'default',
            ttl: config.rateLimit.windowSeconds * 1000,
            limit: (context) =>
              limitPerWindow(
                config.rateLimit,
                context.switchToHttp().getRequest<FastifyRequest>().caller as Caller,
              ),
          },
        ],
        getTracker: (request) => trackerFor(request as FastifyRequest),
        generateKey: (_context, tracker) => tracker,
        storage: new RateLimitRepository(redis),
      }),
    }),
  ],
  providers: [CallerThrottlerGuard],
  exports: [CallerThrottlerGuard],
})
export class RateLimitModule {}
