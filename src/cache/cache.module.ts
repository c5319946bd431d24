import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { REDIS_CLIENT, redisProvider, RedisClient } from './redis.provider';

@Module({
  providers: [redisProvider],
  exports: [redisProvider],
})
export class CacheModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis && this.redis.status === 'ready') {
      await this.redis.quit();
    } else {
      this.redis?.disconnect();
    }
  }
}
