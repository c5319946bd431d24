import Redis from 'ioredis';
import { Agent, request as httpRequest } from 'node:http';
import request from 'supertest';
import { canonicalRequestOf, requestHashOf } from 'src/cache/cache-key.util';
import { CACHE_STORE } from 'src/cache/cache-store.type';
import type { RedisCacheStore } from 'src/cache/redis-cache.store';
import { redisKeys } from 'src/redis/redis-keys.util';
import { startSimulator, RunningSimulator } from 'src/simulator';
import { countBy, fireConcurrently } from 'test/utils/load';
import { startTestRedis, TestRedis } from 'test/utils/redis-server';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/eu-central';
const DS = '/data-services/v1beta1';

/** The Redis key of the fill lock the gateway takes for `GET {DS}/{collection}?{query}`. */
function lockKeyOf(resource: string, collection: string, query: Record<string, string | number>) {
  const hash = requestHashOf(canonicalRequestOf(`${DS}/${collection}`, query));
  return redisKeys.cacheLock(`default:eu-central:${resource}`, hash);
}

/** GETs one after the other for `durationMs`; every latency in ms and every status. */
async function timedLoop(
  url: string,
  durationMs: number,
): Promise<{ latencies: number[]; statuses: number[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const statuses: number[] = [];
  const until = Date.now() + durationMs;
  try {
    while (Date.now() < until) {
      const started = process.hrtime.bigint();
      statuses.push(
        await new Promise<number>((done) => {
          const req = httpRequest(url, { agent, headers: DEV_KEY }, (res) => {
            res.resume();
            res.on('end', () => done(res.statusCode ?? 0));
          });
          req.on('error', () => done(0));
          req.end();
        }),
      );
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return { latencies, statuses };
  } finally {
    agent.destroy();
  }
}

const percentile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

describe('Response cache shared by replicas through a real Redis', () => {
  let redis: TestRedis;
  let client: Redis;
  let simulator: RunningSimulator;
  const gateways: TestGateway[] = [];

  const startReplica = async (env: Record<string, string> = {}) => {
    const gw = await startTestGateway({
      sharedSimulator: simulator,
      env: { REDIS_URL: redis.url, GATEWAY_RATE_LIMIT_PER_MINUTE: '0', ...env },
    });
    gateways.push(gw);
    return gw;
  };
  const dataGets = (pathPrefix: string) =>
    simulator.controls.requests({ target: 'data', method: 'GET', pathPrefix }).length;

  beforeAll(async () => {
    redis = await startTestRedis();
    client = new Redis(redis.url);
    simulator = await startSimulator({ quiet: true });
  });
  afterAll(async () => {
    client.disconnect();
    await simulator.stop();
    await redis.stop();
  });
  beforeEach(async () => {
    simulator.controls.reset();
    await client.flushdb();
  });
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((gw) => gw.close()));
  });

  it('100 concurrent identical cold GETs split over two replicas: one upstream call', async () => {
    const [a, b] = await Promise.all([startReplica(), startReplica()]);
    // Tokens in hand and Redis connected, so that the burst meets only the cache
    await Promise.all(
      [a, b].map((gw) => request(gw.url).get(`${REGION}/tags?limit=1`).set(DEV_KEY)),
    );
    simulator.controls.addLatency(300, { pathPrefix: `${DS}/software-releases` });
    const path = `${REGION}/software-releases?limit=3`;
    const statuses = await Promise.all([
      fireConcurrently(`${a.url}${path}`, 50, DEV_KEY),
      fireConcurrently(`${b.url}${path}`, 50, DEV_KEY),
    ]);
    expect(countBy(statuses.flat())).toEqual({ 200: 100 });
    expect(dataGets(`${DS}/software-releases`)).toBe(1);
    const hit = await request(b.url).get(path).set(DEV_KEY).expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');
  });

  it('an entry stored by one replica is a HIT on the other, kept for TTL + stale window', async () => {
    const [a, b] = await Promise.all([startReplica(), startReplica()]);
    const miss = await request(a.url).get(`${REGION}/tags?limit=2`).set(DEV_KEY).expect(200);
    const hit = await request(b.url).get(`${REGION}/tags?limit=2`).set(DEV_KEY).expect(200);
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers.etag).toBe(miss.headers.etag);
    expect(dataGets(`${DS}/tags`)).toBe(1);
    const keys = await client.keys('gw:cache:{default:eu-central:tags}:*');
    expect(keys).toHaveLength(1);
    const ttlMs = await client.pttl(keys[0]);
    expect(ttlMs).toBeGreaterThan(300_000); // tags: 300 s TTL + 300 s stale window
    expect(ttlMs).toBeLessThanOrEqual(600_000);
  });

  it('a PATCH of a setting on one replica: the next list on the other goes upstream and shows it', async () => {
    const [a, b] = await Promise.all([startReplica(), startReplica()]);
    const list = (await request(b.url).get(`${REGION}/settings?limit=50`).set(DEV_KEY)).body;
    const setting = list.items[0];
    const possible: string[] = JSON.parse(setting.possibleValues);
    const next = possible.find((value) => value !== setting.currentValue) ?? possible[0];
    expect(
      (await request(a.url).get(`${REGION}/settings?limit=50`).set(DEV_KEY)).headers['x-cache'],
    ).toBe('HIT');
    await request(a.url)
      .patch(`${REGION}/settings/${setting.id}`)
      .set(DEV_KEY)
      .send({ currentValue: next })
      .expect(200);
    for (const gw of [b, a]) {
      const after = await request(gw.url).get(`${REGION}/settings?limit=50`).set(DEV_KEY);
      expect(after.body.items[0]).toMatchObject({ id: setting.id, currentValue: next });
    }
    expect(dataGets(`${DS}/settings`)).toBe(2); // b's refill is a's HIT
  });

  it('a pass-through POST of a secret on one replica: the next list on the other shows it', async () => {
    const [a, b] = await Promise.all([startReplica(), startReplica()]);
    await request(a.url).get(`${REGION}/secrets?all=true`).set(DEV_KEY).expect(200);
    await request(b.url)
      .post(`${REGION}/proxy${DS}/secrets`)
      .set(DEV_KEY)
      .send({
        name: 'cache-redis-secret',
        service: 'backup-and-recovery',
        secret: { password: { password: 'pw-cache-redis-never-shown' } },
      })
      .expect((res) => expect(res.status).toBeLessThan(300));
    const after = await request(a.url).get(`${REGION}/secrets?all=true`).set(DEV_KEY).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.items.map((secret: { name: string }) => secret.name)).toContain(
      'cache-redis-secret',
    );
  });

  it('DELETE /v1/admin/cache purges the entries of every replica', async () => {
    const [a, b] = await Promise.all([startReplica(), startReplica()]);
    await request(a.url).get(`${REGION}/tags?limit=2`).set(DEV_KEY).expect(200);
    await request(b.url).get(`${REGION}/settings?limit=2`).set(DEV_KEY).expect(200);
    const purged = await request(b.url).delete('/v1/admin/cache?resource=tags').set(DEV_KEY);
    expect(purged.body).toEqual({ purged: 1 });
    expect(
      (await request(a.url).get(`${REGION}/tags?limit=2`).set(DEV_KEY)).headers['x-cache'],
    ).toBe('MISS');
    expect(
      (await request(a.url).get(`${REGION}/settings?limit=2`).set(DEV_KEY)).headers['x-cache'],
    ).toBe('HIT');
  });

  it('a fill lock whose holder died: the waiter goes upstream itself once the lock expires', async () => {
    const gw = await startReplica();
    await client.set(lockKeyOf('tags', 'tags', { limit: 6 }), 'dead', 'PX', 1_000);
    const started = Date.now();
    const res = await request(gw.url).get(`${REGION}/tags?limit=6`).set(DEV_KEY);
    expect(res.status).toBe(200);
    expect(res.headers['x-cache']).toBe('MISS');
    expect(dataGets(`${DS}/tags`)).toBe(1);
    expect(Date.now() - started).toBeLessThan(8_000); // waited for the lock, not forever
  });

  it('a lock that never expires holds no caller longer than the upstream timeout', async () => {
    const gw = await startReplica({ UPSTREAM_TIMEOUT_MS: '1000' });
    await client.set(lockKeyOf('tags', 'tags', { limit: 8 }), 'stuck');
    const started = Date.now();
    const res = await request(gw.url).get(`${REGION}/tags?limit=8`).set(DEV_KEY);
    expect(res.status).toBe(200);
    expect(dataGets(`${DS}/tags`)).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000 + 5_000);
  });

  it('a frozen Redis does not hold callers behind their rate limit either: its counters go to memory', async () => {
    if (!redis.pid) {
      console.warn('REDIS_URL in use: the freeze test needs a private redis-server, skipped');
      return;
    }
    const gw = await startReplica({ GATEWAY_RATE_LIMIT_PER_MINUTE: '100000' });
    const url = `${gw.url}${REGION}/tags?limit=5`;
    await request(gw.url).get(`${REGION}/tags?limit=5`).set(DEV_KEY).expect(200);
    process.kill(redis.pid, 'SIGSTOP');
    let during: { latencies: number[]; statuses: number[] };
    try {
      during = await timedLoop(url, 3_000);
    } finally {
      process.kill(redis.pid, 'SIGCONT');
    }
    console.log(
      `rate limit on, Redis frozen: ${during.latencies.length} requests, p50 ${percentile(during.latencies, 0.5).toFixed(1)} ms, max ${Math.max(...during.latencies).toFixed(1)} ms`,
    );
    expect(countBy(during.statuses)).toEqual({ 200: during.statuses.length });
    // Each request waited ioredis' 500 ms command timeout for its counter before the budget
    expect(percentile(during.latencies, 0.5)).toBeLessThan(150);
    expect(during.statuses.length).toBeGreaterThan(20);
  });

  it('a frozen Redis (SIGSTOP) does not hold callers: they go upstream, and the cache returns after', async () => {
    if (!redis.pid) {
      console.warn('REDIS_URL in use: the freeze test needs a private redis-server, skipped');
      return;
    }
    const gw = await startReplica();
    const url = `${gw.url}${REGION}/tags?limit=4`;
    await request(gw.url).get(`${REGION}/tags?limit=4`).set(DEV_KEY).expect(200);
    const before = await timedLoop(url, 1_500);
    process.kill(redis.pid, 'SIGSTOP');
    let during: { latencies: number[]; statuses: number[] };
    try {
      during = await timedLoop(url, 4_000);
    } finally {
      process.kill(redis.pid, 'SIGCONT');
    }
    const report = (label: string, run: { latencies: number[] }) =>
      `${label}: ${run.latencies.length} requests, p50 ${percentile(run.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(run.latencies, 0.99).toFixed(1)} ms, max ${Math.max(...run.latencies).toFixed(1)} ms`;
    console.log(
      `${report('cache on, Redis up', before)}\n${report('cache on, Redis frozen', during)}`,
    );
    expect(countBy(before.statuses)).toEqual({ 200: before.statuses.length });
    expect(countBy(during.statuses)).toEqual({ 200: during.statuses.length });
    // Far below ioredis' 500 ms command timeout, which every request paid before the budget
    expect(percentile(during.latencies, 0.5)).toBeLessThan(250);
    expect(during.statuses.length).toBeGreaterThan(10);
    // Only the request that met the freeze waited the 50 ms budget; the others skipped Redis
    const store = gw.app.get<RedisCacheStore>(CACHE_STORE);
    expect(store.snapshot().overBudget).toBeLessThanOrEqual(2);
    expect(store.snapshot().skippedWhileSuspect).toBeGreaterThan(during.statuses.length / 2);
    // Redis back: a probe in the background finds it, and HITs return (bounded: 50 tries)
    let result: string | undefined;
    for (let attempt = 0; attempt < 50 && result !== 'HIT'; attempt++) {
      await new Promise((resume) => setTimeout(resume, 100));
      const after = await request(gw.url).get(`${REGION}/tags?limit=4`).set(DEV_KEY).expect(200);
      result = after.headers['x-cache'];
    }
    expect(result).toBe('HIT');
  });
});
