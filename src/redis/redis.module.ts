import { Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { REDIS_CLIENT, redisProvider, RedisClient } from './redis.provider';
import { REDIS_SUBSCRIBER, redisSubscriberProvider } from './redis-subscriber.provider';

// Commands fail fast while Redis is not connected, so boot waits (briefly) for the first connection
const BOOT_CONNECT_WAIT_MS = 3_000;

@Module({
  providers: [redisProvider, redisSubscriberProvider],
  exports: [redisProvider, redisSubscriberProvider],
})
export class RedisModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisModule.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: RedisClient,
  ) {}

  async onModuleInit(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') {
      return;
    }
    // Ready, or refused at once (then we start on memory), or still silent after the wait
    const outcome = await new Promise<'ready' | 'error' | 'timeout'>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), BOOT_CONNECT_WAIT_MS).unref();
      const settle = (result: 'ready' | 'error') => () => {
        clearTimeout(timer);
        redis.off('ready', onReady).off('error', onError);
        resolve(result);
      };
      const onReady = settle('ready');
      const onError = settle('error');
      redis.once('ready', onReady).once('error', onError);
    });
    if (outcome !== 'ready') {
      this.logger.warn('Redis is not reachable; starting with in-memory state until it is');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
    if (this.redis?.status === 'ready') {
      await this.redis.quit();
    } else {
      this.redis?.disconnect();
    }
  }
}
