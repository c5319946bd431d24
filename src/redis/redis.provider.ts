import { Logger, Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** `null` when REDIS_URL is unset: shared state then lives in process memory. */
export type RedisClient = Redis | null;

export const redisProvider: Provider = {
  provide: REDIS_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): RedisClient => {
    if (!config.redis.url) {
      return null;
    }
    const logger = new Logger('Redis');
    const client = new Redis(config.redis.url, {
      // Fail fast while Redis is down instead of queueing commands for tens of seconds (DESIGN.md)
      enableOfflineQueue: false,
      commandTimeout: 500,
      connectTimeout: 2000,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      lazyConnect: false,
    });
    let reported = false;
    client.on('error', (error: Error) => {
      if (!reported) {
        reported = true;
        logger.warn(
          `Redis unavailable (${error.message}); shared state falls back to memory until it returns`,
        );
      }
    });
    client.on('ready', () => {
      if (reported) {
        logger.log('Redis is back');
      }
      reported = false;
    });
    return client;
  },
};
