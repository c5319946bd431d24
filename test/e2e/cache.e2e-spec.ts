import request from 'supertest';
import { cacheTtlDefaultsFile } from 'test/utils/defaults-file';
import { countBy, fireConcurrently } from 'test/utils/load';
import { sampleValue } from 'test/utils/metrics-text';
import { profilesFile } from 'test/utils/profiles-file';
import { changeSetting } from 'test/utils/setting-change';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/eu-central';
const DS = '/data-services/v1beta1';
const NO_RATE_LIMIT = { GATEWAY_RATE_LIMIT_PER_MINUTE: '0' };

const pause = (ms: number) => new Promise((resume) => setTimeout(resume, ms));

describe('Response cache (in memory)', () => {
  let gw: TestGateway;
  const get = (path: string, headers: Record<string, string> = {}) =>
    request(gw.url).get(`${REGION}${path}`).set(DEV_KEY).set(headers);
  const upstreamCalls = (pathPrefix: string) =>
    gw.simulator.controls.requests({ target: 'data', method: 'GET', pathPrefix }).length;

  beforeAll(async () => {
    gw = await startTestGateway({ env: NO_RATE_LIMIT });
  });
  afterAll(() => gw.close());
  beforeEach(async () => {
    // reset() also revokes the gateway's token: one uncached call takes the 401 and the new token
    gw.simulator.controls.reset();
    await get('/proxy/virtualization/v1beta1/virtual-machines').expect(200);
    await request(gw.url).delete('/v1/admin/cache').set(DEV_KEY).expect(200);
    gw.simulator.controls.clearRequests();
  });

  it('two identical GETs make one upstream call: MISS, then HIT with Age and the same ETag', async () => {
    const first = await get('/tags?limit=5').expect(200);
    const second = await get('/tags?limit=5').expect(200);
    expect(upstreamCalls(`${DS}/tags`)).toBe(1);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.headers.age).toBeUndefined();
    expect(second.headers['x-cache']).toBe('HIT');
    expect(Number(second.headers.age)).toBeGreaterThanOrEqual(0);
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body).toEqual(first.body);
  });

  it('the same query in another parameter order, or spelling a default, is the same entry', async () => {
    await get('/settings?limit=3&offset=1').expect(200);
    const reordered = await get('/settings?offset=1&limit=3').expect(200);
    const defaultSpelled = await get('/settings?offset=1&sort=name%20asc&limit=3').expect(200);
    expect(reordered.headers['x-cache']).toBe('HIT');
    expect(defaultSpelled.headers['x-cache']).toBe('HIT');
    expect(upstreamCalls(`${DS}/settings`)).toBe(1);
  });

  it('a different query is a different entry', async () => {
    await get('/settings?limit=3').expect(200);
    const other = await get('/settings?limit=4').expect(200);
    expect(other.headers['x-cache']).toBe('MISS');
    expect(upstreamCalls(`${DS}/settings`)).toBe(2);
  });

  it('Cache-Control: no-cache goes upstream and refreshes the entry (BYPASS)', async () => {
    await get('/tags?limit=2').expect(200);
    const bypass = await get('/tags?limit=2', { 'Cache-Control': 'no-cache' }).expect(200);
    expect(bypass.headers['x-cache']).toBe('BYPASS');
    expect(upstreamCalls(`${DS}/tags`)).toBe(2);
    const after = await get('/tags?limit=2').expect(200);
    expect(after.headers['x-cache']).toBe('HIT');
    expect(upstreamCalls(`${DS}/tags`)).toBe(2);
  });

  it('If-None-Match with the ETag answers 304 without an upstream call', async () => {
    const first = await get('/tags?limit=3').expect(200);
    const etag: string = first.headers.etag;
    const notModified = await get('/tags?limit=3', { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.headers['x-cache']).toBe('HIT');
    expect(upstreamCalls(`${DS}/tags`)).toBe(1);
    const changed = await get('/tags?limit=3', { 'If-None-Match': '"something-else"' });
    expect(changed.status).toBe(200);
  });

  it("an item's ETag is GreenLake's generation, and a 304 needs no upstream call", async () => {
    const setting = (await get('/settings?limit=1').expect(200)).body.items[0];
    const one = await get(`/settings/${setting.id}`).expect(200);
    expect(one.headers.etag).toBe(`"${one.body.generation}"`);
    const again = await get(`/settings/${setting.id}`, { 'If-None-Match': one.headers.etag });
    expect(again.status).toBe(304);
    expect(upstreamCalls(`${DS}/settings/${setting.id}`)).toBe(1);
  });

  it('100 concurrent identical cold GETs make one upstream call', async () => {
    gw.simulator.controls.addLatency(200, { pathPrefix: `${DS}/software-releases` });
    const statuses = await fireConcurrently(
      `${gw.url}${REGION}/software-releases?limit=7`,
      100,
      DEV_KEY,
    );
    expect(countBy(statuses)).toEqual({ 200: 100 });
    expect(upstreamCalls(`${DS}/software-releases`)).toBe(1);
  });

  it('never caches an error: the next GET goes upstream again', async () => {
    // A 500 (never retried): the one failure the next GET must not see again
    gw.simulator.controls.failNext(1, 500, { pathPrefix: `${DS}/tags` });
    const failed = await get('/tags?limit=9');
    expect(failed.status).toBe(502);
    expect(failed.headers['x-cache']).toBeUndefined();
    gw.simulator.controls.clearRequests();
    const ok = await get('/tags?limit=9').expect(200);
    expect(ok.headers['x-cache']).toBe('MISS');
    expect(upstreamCalls(`${DS}/tags`)).toBe(1);
  });

  it('a PATCH of a setting makes the next list go upstream and show the change', async () => {
    const list = await get('/settings?limit=50').expect(200);
    const setting = list.body.items[0];
    const next = await changeSetting(gw.url, REGION, DEV_KEY, setting);
    const after = await get('/settings?limit=50').expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.items[0]).toMatchObject({ id: setting.id, currentValue: next });
    expect(upstreamCalls(`${DS}/settings`)).toBe(2);
  });

  it('a pass-through POST of a secret makes the next list go upstream and show it', async () => {
    await get('/secrets?all=true').expect(200);
    expect((await get('/secrets?all=true')).headers['x-cache']).toBe('HIT');
    await request(gw.url)
      .post(`${REGION}/proxy${DS}/secrets`)
      .set(DEV_KEY)
      .send({
        name: 'cache-e2e-secret',
        service: 'backup-and-recovery',
        secret: { password: { password: 'pw-cache-e2e-never-shown' } },
      })
      .expect((res) => expect(res.status).toBeLessThan(300));
    const after = await get('/secrets?all=true').expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.items.map((secret: { name: string }) => secret.name)).toContain(
      'cache-e2e-secret',
    );
  });

  it("pass-through GETs of a Data Services resource share the resource routes' entries", async () => {
    await get('/tags?limit=4').expect(200); // GreenLake got limit=4 (tags have no default sort)
    const proxied = await get(`/proxy${DS}/tags?limit=4`).expect(200);
    expect(proxied.headers['x-cache']).toBe('HIT');
    expect(proxied.headers['content-type']).toMatch(/application\/json/);
    expect(proxied.headers.etag).toMatch(/^"/);
    expect(proxied.body.items).toHaveLength(4);
    expect(upstreamCalls(`${DS}/tags`)).toBe(1);
    const notModified = await get(`/proxy${DS}/tags?limit=4`, {
      'If-None-Match': proxied.headers.etag,
    });
    expect(notModified.status).toBe(304);
    expect(upstreamCalls(`${DS}/tags`)).toBe(1);
  });

  it('a pass-through item GET is cached with its generation as ETag', async () => {
    const setting = (await get('/settings?limit=1').expect(200)).body.items[0];
    const first = await get(`/proxy${DS}/settings/${setting.id}`).expect(200);
    const second = await get(`/proxy${DS}/settings/${setting.id}`).expect(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers.etag).toBe(`"${setting.generation}"`);
    expect(upstreamCalls(`${DS}/settings/${setting.id}`)).toBe(1);
  });

  it('other pass-through families are not cached without GATEWAY_PROXY_CACHE_TTL_SECONDS', async () => {
    const path = `/proxy/virtualization/v1beta1/virtual-machines`;
    const first = await get(path);
    expect(first.headers['x-cache']).toBeUndefined();
    await get(path);
    expect(upstreamCalls('/virtualization/v1beta1/virtual-machines')).toBe(2);
  });

  it('DELETE /v1/admin/cache purges (admin scope) and answers { purged }', async () => {
    await get('/tags?limit=5').expect(200);
    await get('/settings?limit=5').expect(200);
    const purged = await request(gw.url)
      .delete('/v1/admin/cache?region=eu-central&resource=tags')
      .set(DEV_KEY)
      .expect(200);
    expect(purged.body).toEqual({ purged: 1 });
    expect((await get('/tags?limit=5')).headers['x-cache']).toBe('MISS');
    expect((await get('/settings?limit=5')).headers['x-cache']).toBe('HIT');
    const all = await request(gw.url).delete('/v1/admin/cache').set(DEV_KEY).expect(200);
    expect(all.body.purged).toBe(2);
    const unknown = await request(gw.url).delete('/v1/admin/cache?region=mars').set(DEV_KEY);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('UNKNOWN_REGION');
    const bad = await request(gw.url).delete('/v1/admin/cache?resource=../x').set(DEV_KEY);
    expect(bad.status).toBe(400);
  });
});

describe('Response cache: stale answers, limits and switches', () => {
  it('serves STALE within GATEWAY_CACHE_STALE_SECONDS past the TTL, the mapped error after it', async () => {
    const gw = await startTestGateway({
      env: {
        ...NO_RATE_LIMIT,
        GATEWAY_DEFAULTS_FILE: cacheTtlDefaultsFile('tags', 1),
        GATEWAY_CACHE_STALE_SECONDS: '3',
      },
    });
    try {
      const url = `${REGION}/tags?limit=3`;
      const fresh = await request(gw.url).get(url).set(DEV_KEY).expect(200);
      await pause(1_300);
      gw.simulator.controls.failNext(100, 503, { pathPrefix: `${DS}/tags` });
      const stale = await request(gw.url).get(url).set(DEV_KEY);
      expect(stale.status).toBe(200);
      expect(stale.headers['x-cache']).toBe('STALE');
      expect(Number(stale.headers.age)).toBeGreaterThanOrEqual(1);
      expect(stale.body).toEqual(fresh.body);
      gw.simulator.controls.reset();
      gw.simulator.controls.resetNext(100, { pathPrefix: `${DS}/tags` });
      const unreachable = await request(gw.url).get(url).set(DEV_KEY);
      expect(unreachable.headers['x-cache']).toBe('STALE');
      await pause(3_000); // now past TTL + stale window
      const failed = await request(gw.url).get(url).set(DEV_KEY);
      expect(failed.status).toBe(503);
      expect(failed.body.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      await gw.close();
    }
  });

  it('a hit near the TTL renews the entry in the background: after the TTL, still a HIT and no wait', async () => {
    const gw = await startTestGateway({
      env: {
        ...NO_RATE_LIMIT,
        GATEWAY_DEFAULTS_FILE: cacheTtlDefaultsFile('tags', 3),
        // The refresh window opens at 1.8 s of the 3 s TTL
        GATEWAY_CACHE_REFRESH_AHEAD_PERCENT: '40',
      },
    });
    try {
      const url = `${REGION}/tags?limit=4`;
      const calls = () =>
        gw.simulator.controls.requests({ target: 'data', method: 'GET', pathPrefix: `${DS}/tags` })
          .length;
      const started = Date.now();
      const first = await request(gw.url).get(url).set(DEV_KEY).expect(200);
      expect(first.headers['x-cache']).toBe('MISS');
      await pause(2_000 - (Date.now() - started));
      const due = await request(gw.url).get(url).set(DEV_KEY).expect(200);
      expect(due.headers['x-cache']).toBe('HIT');
      expect(due.body).toEqual(first.body);
      await pause(3_400 - (Date.now() - started));
      const after = await request(gw.url).get(url).set(DEV_KEY).expect(200);
      expect(after.headers['x-cache']).toBe('HIT');
      expect(Number(after.headers.age)).toBeLessThan(2);
      expect(calls()).toBe(2);
      const metrics = await request(gw.url).get('/metrics').expect(200);
      expect(sampleValue(metrics.text, 'gateway_cache_refresh_ahead_total')).toBe(1);
    } finally {
      await gw.close();
    }
  });

  it('an answer over GATEWAY_CACHE_MAX_ENTRY_BYTES is served but not stored', async () => {
    const gw = await startTestGateway({
      env: { ...NO_RATE_LIMIT, GATEWAY_CACHE_MAX_ENTRY_BYTES: '200' },
    });
    try {
      const first = await request(gw.url).get(`${REGION}/tags?limit=20`).set(DEV_KEY).expect(200);
      const second = await request(gw.url).get(`${REGION}/tags?limit=20`).set(DEV_KEY).expect(200);
      expect(first.headers['x-cache']).toBe('MISS');
      expect(second.headers['x-cache']).toBe('MISS');
      expect(
        gw.simulator.controls.requests({ target: 'data', pathPrefix: `${DS}/tags` }),
      ).toHaveLength(2);
      const proxied = await request(gw.url).get(`${REGION}/proxy${DS}/tags?limit=20`).set(DEV_KEY);
      expect(proxied.status).toBe(200);
      expect(proxied.body.items).toHaveLength(20); // streamed whole although over the limit
    } finally {
      await gw.close();
    }
  });

  it('GATEWAY_CACHE=off: every GET goes upstream, and no X-Cache', async () => {
    const gw = await startTestGateway({ env: { ...NO_RATE_LIMIT, GATEWAY_CACHE: 'off' } });
    try {
      const first = await request(gw.url).get(`${REGION}/tags?limit=2`).set(DEV_KEY).expect(200);
      await request(gw.url).get(`${REGION}/tags?limit=2`).set(DEV_KEY).expect(200);
      expect(first.headers['x-cache']).toBeUndefined();
      expect(
        gw.simulator.controls.requests({ target: 'data', pathPrefix: `${DS}/tags` }),
      ).toHaveLength(2);
    } finally {
      await gw.close();
    }
  });

  it('GATEWAY_PROXY_CACHE_TTL_SECONDS caches other families, and their writes void it', async () => {
    const gw = await startTestGateway({
      env: { ...NO_RATE_LIMIT, GATEWAY_PROXY_CACHE_TTL_SECONDS: '60' },
    });
    const vms = `${REGION}/proxy/virtualization/v1beta1/virtual-machines`;
    try {
      await request(gw.url).get(vms).set(DEV_KEY).expect(200);
      const hit = await request(gw.url).get(vms).set(DEV_KEY).expect(200);
      expect(hit.headers['x-cache']).toBe('HIT');
      await request(gw.url).post(vms).set(DEV_KEY).send({ name: 'vm-cache-e2e' });
      const after = await request(gw.url).get(vms).set(DEV_KEY).expect(200);
      expect(after.headers['x-cache']).toBe('MISS');
    } finally {
      await gw.close();
    }
  });

  it("two profiles never see each other's entries", async () => {
    const gw = await startTestGateway({
      env: {
        ...NO_RATE_LIMIT,
        GREENLAKE_REGIONS:
          'us-west=https://us-west.api.greenlake.hpe.com,eu-central=https://eu-central.api.greenlake.hpe.com',
        GREENLAKE_PROFILES_FILE: profilesFile(['team-a', 'team-b'], ['us-west', 'eu-central']),
        GATEWAY_API_KEYS: 'alice:team-a-key-001:read:team-a,bob:team-b-key-001:read:team-b',
      },
    });
    try {
      const asA = await request(gw.url)
        .get(`${REGION}/settings?limit=5`)
        .set('X-API-Key', 'team-a-key-001')
        .expect(200);
      const asB = await request(gw.url)
        .get(`${REGION}/settings?limit=5`)
        .set('X-API-Key', 'team-b-key-001')
        .expect(200);
      expect(asA.headers['x-cache']).toBe('MISS');
      expect(asB.headers['x-cache']).toBe('MISS');
      const clients = gw.simulator.controls
        .requests({ target: 'data', pathPrefix: `${DS}/settings` })
        .map((call) => call.clientId);
      expect(clients).toEqual(['team-a-client', 'team-b-client']);
      expect(asB.body.items.map((s: { id: string }) => s.id)).not.toEqual(
        asA.body.items.map((s: { id: string }) => s.id),
      );
      const againA = await request(gw.url)
        .get(`${REGION}/settings?limit=5`)
        .set('X-API-Key', 'team-a-key-001')
        .expect(200);
      expect(againA.headers['x-cache']).toBe('HIT');
      expect(againA.body).toEqual(asA.body);
    } finally {
      await gw.close();
    }
  });
});
