import Redis from 'ioredis';
import { Agent } from 'node:http';
import request from 'supertest';
import { TokenService } from 'src/credentials/token.service';
import { startSimulator, RunningSimulator } from 'src/simulator';
import { countBy, getStatus } from 'test/utils/load';
import { startTestRedis, TestRedis } from 'test/utils/redis-server';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const TASKS = '/v1/regions/us-west/tasks?limit=1';

/** `total` GETs from `workers` sequential loops; their statuses. */
async function loops(url: string, total: number, workers: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: workers });
  const statuses: number[] = [];
  let left = total;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (left-- > 0) {
        statuses.push(await getStatus(url, DEV_KEY, agent));
      }
    }),
  );
  agent.destroy();
  return statuses;
}

describe('Token trouble', () => {
  describe('a region that refuses every token (401 on every data call)', () => {
    let gw: TestGateway;

    beforeAll(async () => {
      // Every call must meet the refusing region, not a cached answer from before
      gw = await startTestGateway({
        env: { GATEWAY_RATE_LIMIT_PER_MINUTE: '0', GATEWAY_CACHE: 'off' },
      });
    });
    afterAll(() => gw.close());

    it('500 requests: 502 UPSTREAM_AUTH_FAILED, a couple of token calls, one clear log line', async () => {
      await request(gw.url).get(TASKS).set(DEV_KEY).expect(200);
      gw.simulator.controls.clearRequests();
      gw.simulator.controls.failNext(100_000, 401, { target: 'data', region: 'us-west' });
      const statuses = await loops(`${gw.url}${TASKS}`, 500, 10);
      const tokenCalls = gw.simulator.controls.requests({ target: 'token' }).length;
      console.log(`401 everywhere: 500 requests made ${tokenCalls} token calls`);
      expect(countBy(statuses)).toEqual({ 502: 500 });
      expect(tokenCalls).toBeLessThanOrEqual(2);
      const advice = gw.logs.lines.filter((line) => line.includes('refuses even fresh tokens'));
      expect(advice).toHaveLength(1);
      expect(advice[0]).toMatch(/us-west.*workspace.*permissions/);
      const res = await request(gw.url).get(TASKS).set(DEV_KEY).expect(502);
      expect(res.body.code).toBe('UPSTREAM_AUTH_FAILED');
      // another region of the same profile is not affected
      await request(gw.url).get('/v1/regions/eu-west/tasks?limit=1').set(DEV_KEY).expect(200);
    });
  });

  describe('a token endpoint that never answers', () => {
    const TIMEOUT_MS = 1_500;
    let gw: TestGateway;

    beforeAll(async () => {
      gw = await startTestGateway({ env: { UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS) } });
    });
    afterAll(() => gw.close());

    it('holds the first caller no longer than the endpoint timeout, in one try', async () => {
      gw.simulator.controls.addLatency(60_000, { target: 'token' });
      const started = Date.now();
      const res = await request(gw.url).get(TASKS).set(DEV_KEY);
      const heldMs = Date.now() - started;
      const tries = gw.app.get(TokenService).stats.endpointRequests;
      console.log(`silent token endpoint: caller held ${heldMs} ms, ${tries} tries`);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('TOKEN_UNAVAILABLE');
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(tries).toBe(1);
      expect(heldMs).toBeLessThan(TIMEOUT_MS * 2);
      gw.simulator.controls.addLatency(0);
    });
  });

  describe('a refresh lock left behind in Redis (Redis froze, or its holder was killed)', () => {
    const TIMEOUT_MS = 2_000;
    let redis: TestRedis;
    let client: Redis;
    let simulator: RunningSimulator;
    let gw: TestGateway;

    beforeAll(async () => {
      redis = await startTestRedis();
      client = new Redis(redis.url);
      simulator = await startSimulator();
      gw = await startTestGateway({
        sharedSimulator: simulator,
        env: { REDIS_URL: redis.url, UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS) },
      });
    });
    afterAll(async () => {
      await gw.close();
      client.disconnect();
      await simulator.stop();
      await redis.stop();
    });

    it('makes no caller wait longer than the token endpoint timeout for it', async () => {
      // What SET NX PX leaves when Redis ran it after our side timed out, or the holder died
      await client.set('gw:lock:token:default', 'nobody-any-more', 'PX', 60_000);
      const started = Date.now();
      await request(gw.url).get(TASKS).set(DEV_KEY).expect(200);
      const waitedMs = Date.now() - started;
      console.log(`leftover lock: first caller waited ${waitedMs} ms`);
      expect(waitedMs).toBeLessThan(TIMEOUT_MS + 1_000);
      expect(simulator.controls.requests({ target: 'token' })).toHaveLength(1);
    });
  });
});
