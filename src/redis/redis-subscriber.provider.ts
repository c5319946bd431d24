import { Provider } from '@nestjs/common';
import { REDIS_CLIENT, RedisClient } from './redis.provider';

export const REDIS_SUBSCRIBER = Symbol('REDIS_SUBSCRIBER');

/**
 * A second connection for pub/sub: a connection in subscriber mode can run no other command, so
 * it cannot be the shared client. `null` without Redis. Its commands (SUBSCRIBE) may queue while
 * it connects: they are few and the hub never waits on them to answer a caller.
 */
export const redisSubscriberProvider: Provider = {
  provide: REDIS_SUBSCRIBER,
  inject: [REDIS_CLIENT],
  useFactory: (client: RedisClient): RedisClient => {
    if (!client) {
      return null;
    }
    const subscriber = client.duplicate({ enableOfflineQueue: true });
    // Errors are reported once by the shared client's handler; without a listener they would throw
    subscriber.on('error', () => undefined);
    return subscriber;
  },
};
