import { Logger, Provider } from '@nestjs/common';
import Redis, { Cluster, type RedisOptions } from 'ioredis';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import type { RedisTopology } from 'src/config/redis.parser';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * `null` without Redis: shared state then lives in process memory. A Cluster client is typed as
 * `Redis` too: the gateway only sends commands, scripts and pub/sub, whose signatures the two share,
 * so the rest of the code sees one client type whatever the topology.
 */
export type RedisClient = Redis | null;

// Fail fast while Redis is down instead of queueing commands for tens of seconds (DESIGN.md)
const FAIL_FAST: RedisOptions = {
  enableOfflineQueue: false,
  commandTimeout: 500,
  connectTimeout: 2000,
  maxRetriesPerRequest: 1,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  lazyConnect: false,
};

/** A client for the configured topology, or null when shared state lives in memory. */
export function createRedisClient(topology: RedisTopology | undefined): RedisClient {
  if (!topology) {
    return null;
  }
  switch (topology.kind) {
    case 'single':
      return new Redis(topology.url, FAIL_FAST);
    case 'sentinel':
      // ioredis asks the sentinels for the master and follows a failover by itself
      return new Redis({
        ...FAIL_FAST,
        sentinels: topology.sentinels,
        name: topology.name,
        password: topology.password,
        sentinelPassword: topology.password,
        tls: topology.tls ? {} : undefined,
        enableTLSForSentinelMode: topology.tls,
        sentinelRetryStrategy: (attempt) => Math.min(attempt * 200, 2000),
        // A replica that answers READONLY during a failover: reconnect to the new master
        reconnectOnError: (error) => error.message.startsWith('READONLY'),
      });
    case 'cluster':
      return new Cluster(topology.nodes, {
        enableOfflineQueue: false,
        scaleReads: 'master',
        clusterRetryStrategy: (attempt) => Math.min(attempt * 200, 2000),
        // Slots move on a failover; the next command learns where from MOVED/ASK
        retryDelayOnFailover: 100,
        retryDelayOnClusterDown: 200,
        slotsRefreshTimeout: 2000,
        redisOptions: {
          ...FAIL_FAST,
          password: topology.password,
          tls: topology.tls ? {} : undefined,
        },
      }) as unknown as Redis;
  }
}

export const redisProvider: Provider = {
  provide: REDIS_CLIENT,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig): RedisClient => {
    const client = createRedisClient(config.redis.topology);
    if (!client) {
      return null;
    }
    const logger = new Logger('Redis');
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
