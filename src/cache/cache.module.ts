import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { AuthModule } from 'src/auth/auth.module';
import { BudgetModule } from 'src/budget/budget.module';
import { MetricsModule } from 'src/metrics/metrics.module';
import { RateLimitModule } from 'src/rate-limit/rate-limit.module';
import { RedisModule } from 'src/redis/redis.module';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { RegionsModule } from 'src/regions/regions.module';
import { CacheAdminController } from './cache-admin.controller';
import { CacheHeadersHook } from './cache-headers.hook';
import { HitShortcutHook } from './hit-shortcut.hook';
import { CACHE_STORE, CacheStore } from './cache-store.type';
import { CallCacheContext } from './call-cache-context.service';
import { MemoryCacheStore } from './memory-cache.store';
import { RedisCacheStore } from './redis-cache.store';
import { ResponseCacheService } from './response-cache.service';

/** The response cache: Redis when configured (shared by the replicas), else bounded memory. */
@Module({
  imports: [RedisModule, RegionsModule, MetricsModule, BudgetModule, AuthModule, RateLimitModule],
  controllers: [CacheAdminController],
  providers: [
    {
      provide: CACHE_STORE,
      inject: [REDIS_CLIENT, GATEWAY_CONFIG],
      useFactory: (redis: RedisClient, config: GatewayConfig): CacheStore =>
        redis ? new RedisCacheStore(redis) : new MemoryCacheStore(config.cache.maxBytes),
    },
    ResponseCacheService,
    CallCacheContext,
    CacheHeadersHook,
    HitShortcutHook,
  ],
  exports: [ResponseCacheService, CallCacheContext],
})
export class CacheModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly headers: CacheHeadersHook,
    private readonly shortcut: HitShortcutHook,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.cache.enabled) {
      const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
      this.headers.register(fastify);
      this.shortcut.register(fastify);
    }
  }
}
