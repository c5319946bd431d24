import { createServer } from 'node:net';
import request, { Response } from 'supertest';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import {
  SharedTestRedis,
  startSharedRedis,
  startTestRedis,
  TestRedis,
} from 'test/utils/redis-server';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const KEYS = 'team-a:team-a-key-0001:read,batch:batch-key-00002:read';
const A = { 'X-API-Key': 'team-a-key-0001' };
const BATCH = { 'X-API-Key': 'batch-key-00002' };
// 36 a minute counted in 5 s windows: 3 per window; batch has 120 a minute: 10 per window
const LIMITS = {
  GATEWAY_API_KEYS: KEYS,
  GATEWAY_RATE_LIMIT_PER_MINUTE: '36',
  GATEWAY_RATE_LIMIT_WINDOW_SECONDS: '5',
  GATEWAY_RATE_LIMITS: 'batch=120',
};

const sleep = (ms: number) => new Promise((resume) => setTimeout(resume, ms));

async function spend(
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<Response[]> {
  const responses: Response[] = [];
  for (let i = 0; i < count; i += 1) {
    responses.push(await request(url).get('/v1/regions').set(headers));
  }
  return responses;
}

function expectRateLimited(res: Response, limit: number, windowSeconds: number): void {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({
    statusCode: 429,
    code: 'RATE_LIMITED',
    message: expect.stringMatching(/^Rate limit of \d+ requests per \d+ s reached for caller/),
    details: { limit, windowSeconds, retryAfterSeconds: expect.any(Number) },
    requestId: expect.any(String),
  });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(res.headers['ratelimit-limit']).toBe(String(limit));
  expect(res.headers['ratelimit-remaining']).toBe('0');
  expect(res.headers['ratelimit-reset']).toBe(String(retryAfter));
}

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('Per-caller rate limits', () => {
  describe('in memory (no REDIS_URL)', () => {
    let gw: TestGateway;

    beforeAll(async () => {
      gw = await startTestGateway({ env: LIMITS });
    });
    afterAll(() => gw.close());

    it('counts each caller on every route with RateLimit-* headers, then answers 429 with Retry-After, then recovers', async () => {
      const allowed = await spend(gw.url, A, 3);
      expect(allowed.map((res) => res.status)).toEqual([200, 200, 200]);
      expect(allowed.map((res) => res.headers['ratelimit-remaining'])).toEqual(['2', '1', '0']);
      expect(allowed[0].headers['ratelimit-limit']).toBe('3');
      expect(allowed[0].headers['ratelimit-policy']).toBe('3;w=5');
      expect(Number(allowed[0].headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);

      // Another route spends the same budget
      const blocked = await request(gw.url).get('/v1/regions/us-west/tasks?limit=1').set(A);
      expectRateLimited(blocked, 3, 5);
      expect(gw.simulator.controls.requests({ target: 'data' })).toHaveLength(0);

      // Another caller has a budget of its own (and its own limit)
      const other = await request(gw.url).get('/v1/regions').set(BATCH).expect(200);
      expect(other.headers['ratelimit-limit']).toBe('10');

      await sleep(Number(blocked.headers['retry-after']) * 1000);
      let recovered = await request(gw.url).get('/v1/regions').set(A);
      for (let attempt = 0; recovered.status === 429 && attempt < 20; attempt += 1) {
        await sleep(250);
        recovered = await request(gw.url).get('/v1/regions').set(A);
      }
      expect(recovered.status).toBe(200);
      expect(recovered.headers['ratelimit-remaining']).toBe('2');
    });

    it('authenticates before it counts: a bad key gets 401, never 429, and public routes are not counted', async () => {
      const bad = await spend(gw.url, { 'X-API-Key': 'unknown-key-999' }, 5);
      expect(bad.map((res) => res.status)).toEqual([401, 401, 401, 401, 401]);
      expect(bad[0].headers['ratelimit-limit']).toBeUndefined();
      const health = await spend(gw.url, {}, 5);
      expect(health.every((res) => res.headers['ratelimit-limit'] === undefined)).toBe(true);
    });
  });

  describe('shared by two replicas on one Redis', () => {
    let redis: SharedTestRedis;
    let one: TestGateway;
    let two: TestGateway;

    beforeAll(async () => {
      redis = await startSharedRedis();
      const env = { ...LIMITS, GATEWAY_RATE_LIMIT_WINDOW_SECONDS: '30', ...redis.env };
      one = await startTestGateway({ env });
      two = await startTestGateway({ env });
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
      await redis?.stop();
    });

    it('holds one limit across both instances', async () => {
      // 36 a minute in 30 s windows: 18 per window, spent on both replicas
      const first = await spend(one.url, A, 10);
      const second = await spend(two.url, A, 8);
      expect([...first, ...second].every((res) => res.status === 200)).toBe(true);
      expect(second[7].headers['ratelimit-remaining']).toBe('0');
      expectRateLimited(await request(two.url).get('/v1/regions').set(A), 18, 30);
      expectRateLimited(await request(one.url).get('/v1/regions').set(A), 18, 30);
      // In memory each replica would still have had 8 left: the counter is shared
      await request(one.url).get('/v1/regions').set(BATCH).expect(200);
    });
  });

  describe('when Redis goes away', () => {
    let redis: TestRedis;
    let gw: TestGateway;

    beforeAll(async () => {
      redis = await startTestRedis();
      // A shared REDIS_URL cannot be stopped: then an unreachable Redis stands in for the outage
      const url = redis.own ? redis.url : `redis://127.0.0.1:${await closedPort()}`;
      gw = await startTestGateway({ env: { ...LIMITS, REDIS_URL: url } });
    });
    afterAll(async () => {
      await gw?.close();
      await redis?.stop();
    });

    it('still serves requests and still limits, counting in memory per replica', async () => {
      const client = gw.app.get<RedisClient>(REDIS_CLIENT);
      if (redis.own) {
        await request(gw.url).get('/v1/regions').set(BATCH).expect(200);
        await redis.stop();
        for (let waited = 0; client?.status === 'ready' && waited < 10_000; waited += 50) {
          await sleep(50);
        }
      }
      expect(client?.status).not.toBe('ready');
      const responses = await spend(gw.url, A, 4);
      expect(responses.map((res) => res.status)).toEqual([200, 200, 200, 429]);
      expect(gw.logs.text()).toContain('Rate-limit counters fall back to memory');
    });
  });

  describe('when Redis is unreachable from the start', () => {
    let gw: TestGateway;

    beforeAll(async () => {
      gw = await startTestGateway({
        env: { ...LIMITS, REDIS_URL: `redis://127.0.0.1:${await closedPort()}` },
      });
    });
    afterAll(() => gw?.close());

    it('boots, serves and limits in memory', async () => {
      const responses = await spend(gw.url, A, 4);
      expect(responses.map((res) => res.status)).toEqual([200, 200, 200, 429]);
      expect(gw.logs.text()).toContain('Rate-limit counters fall back to memory');
    });
  });
});
