import request from 'supertest';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { startSimulator, RunningSimulator } from 'src/simulator';
import { countBy, steadyStream } from 'test/utils/load';
import {
  hasRedisTools,
  startTestCluster,
  startTestSentinel,
  TestRedisTopology,
} from 'test/utils/redis-topologies';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const TASKS = '/v1/regions/us-west/tasks?limit=1';
const tools = hasRedisTools();
if (!tools) {
  console.warn('redis-failover: skipped, redis-server and redis-cli are needed');
}

/** Resolves with how long it took until a write through the gateway's own client succeeds again. */
async function backOnRedis(
  client: RedisClient,
  since: number,
  timeoutMs = 30_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await client
      ?.set('gw:probe:{failover}', String(Date.now()), 'PX', 10_000)
      .then(() => true)
      .catch(() => false);
    if (ok) {
      return Date.now() - since;
    }
    await new Promise((resume) => setTimeout(resume, 100));
  }
  throw new Error(`the gateway did not get back on Redis within ${timeoutMs} ms`);
}

(tools ? describe.each : describe.skip.each)([
  ['Cluster (3 masters, 1 replica each)', startTestCluster],
  ['Sentinel (1 master, 1 replica, 3 sentinels)', startTestSentinel],
] as const)('Redis %s: a master dies under load', (_name, start) => {
  let topology: TestRedisTopology;
  let simulator: RunningSimulator;
  const gateways: TestGateway[] = [];

  beforeAll(async () => {
    topology = await start();
    simulator = await startSimulator({ quiet: true });
    for (let replica = 0; replica < 2; replica++) {
      gateways.push(
        await startTestGateway({
          sharedSimulator: simulator,
          // The stream is about Redis going away, not about the caller's own rate limit
          env: { ...topology.env, GATEWAY_RATE_LIMIT_PER_MINUTE: '0' },
        }),
      );
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all(gateways.map((gw) => gw.close()));
    await simulator?.stop();
    await topology?.stop();
  });

  it('answers every call (no 5xx) and gets back on Redis by itself', async () => {
    const [one, two] = gateways;
    await request(one.url).get(TASKS).set(DEV_KEY).expect(200);
    const streams = Promise.all(
      [one, two].map((gw) =>
        steadyStream(`${gw.url}${TASKS}`, DEV_KEY, { durationMs: 12_000, workers: 4, pauseMs: 20 }),
      ),
    );
    await new Promise((resume) => setTimeout(resume, 1_000));
    const killedAt = Date.now();
    const { promotedAfterMs } = await topology.killMaster();
    const backAfterMs = await Promise.all(
      [one, two].map((gw) => backOnRedis(gw.app.get<RedisClient>(REDIS_CLIENT), killedAt)),
    );
    const statuses = (await streams).flat();
    console.log(
      `redis-failover ${topology.kind}: ${statuses.length} calls ${JSON.stringify(countBy(statuses))}, ` +
        `replica promoted after ${promotedAfterMs} ms, gateways back on Redis after ${backAfterMs.join(' and ')} ms`,
    );
    expect(statuses.length).toBeGreaterThan(100);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    // Back within seconds of the promotion, on both replicas
    for (const ms of backAfterMs) {
      expect(ms).toBeLessThan(promotedAfterMs + 10_000);
    }
  }, 90_000);
});
