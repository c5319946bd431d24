import { Provider } from '@nestjs/common';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { REDIS_SUBSCRIBER } from 'src/redis/redis-subscriber.provider';
import { RedisTaskCoordination } from './redis-task-coordination';
import { inProcessCoordination, TASK_COORDINATION, TaskCoordination } from './task-coordination';

/** Redis when configured (one poller across replicas), else this process alone. */
export const taskCoordinationProvider: Provider = {
  provide: TASK_COORDINATION,
  inject: [REDIS_CLIENT, REDIS_SUBSCRIBER],
  useFactory: (redis: RedisClient, subscriber: RedisClient): TaskCoordination =>
    redis && subscriber ? new RedisTaskCoordination(redis, subscriber) : inProcessCoordination,
};
