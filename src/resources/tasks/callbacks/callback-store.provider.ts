import { Provider } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { CALLBACK_STORE, CallbackStore, MemoryCallbackStore } from './callback-store';
import { RedisCallbackStore } from './redis-callback-store';

export const callbackStoreProvider: Provider = {
  provide: CALLBACK_STORE,
  inject: [REDIS_CLIENT],
  useFactory: (redis: RedisClient): CallbackStore =>
    redis ? new RedisCallbackStore(redis, randomUUID()) : new MemoryCallbackStore(),
};
