import request from 'supertest';
import { cacheTtlDefaultsFile } from 'test/utils/defaults-file';
import { startSimulator, RunningSimulator } from 'src/simulator';
import { countBy, fireConcurrently } from 'test/utils/load';
import { scrapedValue } from 'test/utils/metrics-text';
import { changeSetting } from 'test/utils/setting-change';
import { SharedTestRedis, startSharedRedis } from 'test/utils/redis-server';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/eu-central';
const DS = '/data-services/v1beta1';

const pause = (ms: number) => new Promise((resume) => setTimeout(resume, Math.max(0, ms)));

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) {
    await pause(20);
  }
}

// The replica half of the cache suite (test/e2e/cache-redis.e2e-spec.ts has the rest, on one
// redis-server it can freeze): .ci/run runs this file on a Cluster and on a Sentinel group too
describe('Response cache across replicas on the shared Redis', () => {
  let redis: SharedTestRedis;
  let simulator: RunningSimulator;
  let a: TestGateway;
  let b: TestGateway;

  beforeAll(async () => {
    redis = await startSharedRedis();
    simulator = await startSimulator({ quiet: true });
    const env = { ...redis.env, GATEWAY_RATE_LIMIT_PER_MINUTE: '0' };
    [a, b] = await Promise.all(
      [1, 2].map(() => startTestGateway({ sharedSimulator: simulator, env })),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a, b].map((gw) => gw?.close()));
    await simulator?.stop();
    await redis?.stop();
  });
  let warmUps = 0;
  beforeEach(async () => {
    simulator.controls.reset();
    // reset() forgets the tokens: fetch new ones now, so that no 401 replay counts as a call below.
    // Each warm-up asks for a page no one asked for before: a cached one would not reach GreenLake.
    await Promise.all(
      [a, b].map((gw) =>
        request(gw.url)
          .get(`${REGION}/tags?limit=1&offset=${(warmUps += 1)}`)
          .set(DEV_KEY)
          .expect(200),
      ),
    );
    simulator.controls.clearRequests();
  });

  it('40 concurrent identical cold GETs split over two replicas: one upstream call', async () => {
    simulator.controls.addLatency(300, { pathPrefix: `${DS}/software-releases` });
    const path = `${REGION}/software-releases?limit=4`;
    const statuses = await Promise.all([
      fireConcurrently(`${a.url}${path}`, 20, DEV_KEY),
      fireConcurrently(`${b.url}${path}`, 20, DEV_KEY),
    ]);
    expect(countBy(statuses.flat())).toEqual({ 200: 40 });
    const upstream = simulator.controls.requests({
      target: 'data',
      method: 'GET',
      pathPrefix: `${DS}/software-releases`,
    });
    expect(upstream).toHaveLength(1);
    const hit = await request(b.url).get(path).set(DEV_KEY).expect(200);
    expect(hit.headers['x-cache']).toBe('HIT');
  });

  it('a write on one replica makes the next list on the other go upstream', async () => {
    const list = (await request(b.url).get(`${REGION}/settings?limit=40`).set(DEV_KEY)).body;
    const setting = list.items[0];
    const next = await changeSetting(a.url, REGION, DEV_KEY, setting);
    const after = await request(b.url).get(`${REGION}/settings?limit=40`).set(DEV_KEY);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.items[0]).toMatchObject({ id: setting.id, currentValue: next });
  });

  it("a write on one replica voids what the other's hit shortcut serves", async () => {
    const path = `${REGION}/settings?limit=30`;
    const shortcuts = () => scrapedValue(b.url, 'gateway_cache_hit_shortcut_total', DEV_KEY);
    const list = (await request(b.url).get(path).set(DEV_KEY).expect(200)).body;
    await request(b.url).get(path).set(DEV_KEY).expect(200);
    const before = await shortcuts();
    expect((await request(b.url).get(path).set(DEV_KEY)).headers['x-cache']).toBe('HIT');
    expect(await shortcuts()).toBe(before + 1);
    const setting = list.items[0];
    const next = await changeSetting(a.url, REGION, DEV_KEY, setting);
    const after = await request(b.url).get(path).set(DEV_KEY);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.items[0]).toMatchObject({ id: setting.id, currentValue: next });
    expect(await shortcuts()).toBe(before + 1);
  });

  describe('refresh ahead', () => {
    let c: TestGateway;
    let d: TestGateway;
    const path = `${REGION}/dual-auth-operations?limit=2`;
    const upstream = () =>
      simulator.controls.requests({
        target: 'data',
        method: 'GET',
        pathPrefix: `${DS}/dual-auth-operations`,
      }).length;

    beforeAll(async () => {
      const env = {
        ...redis.env,
        GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
        GATEWAY_DEFAULTS_FILE: cacheTtlDefaultsFile('dual-auth-operations', 3),
        // The refresh window opens at 1.8 s of the 3 s TTL
        GATEWAY_CACHE_REFRESH_AHEAD_PERCENT: '40',
      };
      [c, d] = await Promise.all(
        [1, 2].map(() => startTestGateway({ sharedSimulator: simulator, env })),
      );
    }, 60_000);
    afterAll(() => Promise.all([c, d].map((gw) => gw?.close())));

    it('hits near the TTL on both replicas renew the entry with one upstream call, so no caller waits for it', async () => {
      await Promise.all(
        [c, d].map((gw) =>
          request(gw.url)
            .get(`${REGION}/tags?limit=1&offset=${(warmUps += 1)}`)
            .set(DEV_KEY),
        ),
      );
      simulator.controls.clearRequests();
      const started = Date.now();
      expect((await request(c.url).get(path).set(DEV_KEY)).headers['x-cache']).toBe('MISS');
      expect((await request(d.url).get(path).set(DEV_KEY)).headers['x-cache']).toBe('HIT');
      await pause(2_000 - (Date.now() - started));
      const hits = await Promise.all(
        [c, d].flatMap((gw) =>
          Array.from({ length: 10 }, () => request(gw.url).get(path).set(DEV_KEY)),
        ),
      );
      expect(hits.map((hit) => `${hit.status} ${hit.headers['x-cache']}`)).toEqual(
        Array(20).fill('200 HIT'),
      );
      await until(() => upstream() === 2);
      await pause(300);
      expect(upstream()).toBe(2);
      // Past the first entry's TTL: the renewed entry answers, nothing else reaches GreenLake
      await pause(3_400 - (Date.now() - started));
      for (const gw of [c, d]) {
        const after = await request(gw.url).get(path).set(DEV_KEY).expect(200);
        expect(after.headers['x-cache']).toBe('HIT');
        expect(Number(after.headers.age)).toBeLessThan(2);
      }
      expect(upstream()).toBe(2);
    });
  });

  it('DELETE /v1/admin/cache purges what every replica stored, on every master', async () => {
    await request(a.url).get(`${REGION}/tags?limit=3`).set(DEV_KEY).expect(200);
    await request(b.url).get(`${REGION}/storage-locations`).set(DEV_KEY).expect(200);
    const purged = await request(b.url).delete('/v1/admin/cache?resource=tags').set(DEV_KEY);
    expect(purged.body.purged).toBeGreaterThanOrEqual(1);
    expect(
      (await request(a.url).get(`${REGION}/tags?limit=3`).set(DEV_KEY)).headers['x-cache'],
    ).toBe('MISS');
    expect(
      (await request(a.url).get(`${REGION}/storage-locations`).set(DEV_KEY)).headers['x-cache'],
    ).toBe('HIT');
  });
});
