import request from 'supertest';
import { scrapedValue } from 'test/utils/metrics-text';
import { startTestJwks } from 'test/utils/jwks-server';
import { profilesFile } from 'test/utils/profiles-file';
import { changeSetting } from 'test/utils/setting-change';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/eu-central';
const DS = '/data-services/v1beta1';
const READER = { 'X-API-Key': 'reader-key-001' };
const OTHER_TEAM = { 'X-API-Key': 'other-key-001' };
const ADMIN = { 'X-API-Key': 'admin-key-001' };
const LIMIT = 30;

/**
 * The hit shortcut (hit-shortcut.hook.ts) answers a URL's repeated HIT before Nest's router. From
 * outside it must be indistinguishable from the route's own HIT, refuse what the guards refuse, and
 * count once against the caller's rate limit.
 */
describe('Response cache: the hit shortcut', () => {
  let gw: TestGateway;
  const get = (path: string, headers: Record<string, string> = READER) =>
    request(gw.url).get(`${REGION}${path}`).set(headers);
  const upstreamCalls = (pathPrefix: string) =>
    gw.simulator.controls.requests({ target: 'data', method: 'GET', pathPrefix }).length;
  const shortcuts = () => scrapedValue(gw.url, 'gateway_cache_hit_shortcut_total', ADMIN);

  beforeAll(async () => {
    gw = await startTestGateway({
      env: {
        GATEWAY_RATE_LIMIT_PER_MINUTE: String(LIMIT),
        GREENLAKE_REGIONS:
          'us-west=https://us-west.api.greenlake.hpe.com,eu-central=https://eu-central.api.greenlake.hpe.com',
        GREENLAKE_PROFILES_FILE: profilesFile(['team-a', 'team-b'], ['us-west', 'eu-central']),
        GATEWAY_API_KEYS: [
          'reader:reader-key-001:read+write:team-a',
          'other:other-key-001:read:team-b',
          'tokens-only:token-key-001:token:team-a',
          'admin:admin-key-001:admin+read:team-a',
        ].join(','),
        GATEWAY_RATE_LIMITS: 'admin=0',
      },
    });
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.simulator.controls.clearRequests());

  it('answers the third identical GET itself, with the headers and body of the route’s own HIT', async () => {
    const before = await shortcuts();
    const miss = await get('/tags?limit=4').expect(200);
    const routeHit = await get('/tags?limit=4').expect(200);
    expect(await shortcuts()).toBe(before);
    const shortcutHit = await get('/tags?limit=4').expect(200);
    expect(await shortcuts()).toBe(before + 1);

    expect(upstreamCalls(`${DS}/tags`)).toBe(1);
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(shortcutHit.text).toBe(routeHit.text);
    expect(shortcutHit.text).toBe(miss.text);
    const same = [
      'x-cache',
      'etag',
      'content-type',
      'content-length',
      'ratelimit-policy',
      'ratelimit-limit',
    ];
    for (const name of same) {
      expect([name, shortcutHit.headers[name]]).toEqual([name, routeHit.headers[name]]);
    }
    expect(shortcutHit.headers['x-cache']).toBe('HIT');
    expect(Number(shortcutHit.headers.age)).toBeGreaterThanOrEqual(Number(routeHit.headers.age));
    expect(shortcutHit.headers['x-request-id']).toMatch(/\S/);
    expect(shortcutHit.headers['x-request-id']).not.toBe(routeHit.headers['x-request-id']);
    // Counted once each against the caller's limit: the route's hit, then the shortcut's
    expect(Number(shortcutHit.headers['ratelimit-remaining'])).toBe(
      Number(routeHit.headers['ratelimit-remaining']) - 1,
    );
  });

  it('answers If-None-Match with the ETag by a 304, and no-cache by a BYPASS upstream', async () => {
    await get('/settings?limit=2').expect(200);
    const hit = await get('/settings?limit=2').expect(200);
    const before = await shortcuts();
    const notModified = await get('/settings?limit=2', {
      ...READER,
      'If-None-Match': hit.headers.etag,
    });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.etag).toBe(hit.headers.etag);
    expect(await shortcuts()).toBe(before + 1);
    const bypass = await get('/settings?limit=2', { ...READER, 'Cache-Control': 'no-cache' });
    expect(bypass.status).toBe(200);
    expect(bypass.headers['x-cache']).toBe('BYPASS');
    expect(await shortcuts()).toBe(before + 1);
    expect(upstreamCalls(`${DS}/settings`)).toBe(2);
  });

  it("answers an item too, with GreenLake's generation as its ETag", async () => {
    const setting = (await get('/settings?limit=1').expect(200)).body.items[0];
    const before = await shortcuts();
    const answers = [];
    for (let i = 0; i < 3; i++) {
      answers.push(await get(`/settings/${setting.id}`).expect(200));
    }
    expect(answers.map((answer) => answer.headers['x-cache'])).toEqual(['MISS', 'HIT', 'HIT']);
    expect(answers[2].headers.etag).toBe(`"${answers[0].body.generation}"`);
    expect(answers[2].text).toBe(answers[0].text);
    expect(await shortcuts()).toBe(before + 1);
  });

  it('refuses on a remembered URL what the route refuses, in the one error shape', async () => {
    await get('/tags?limit=6').expect(200);
    await get('/tags?limit=6').expect(200);
    const before = await shortcuts();
    const unknown = await get('/tags?limit=6', { 'X-API-Key': 'nobody-key-001' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('UNAUTHENTICATED');
    const none = await request(gw.url).get(`${REGION}/tags?limit=6`);
    expect(none.status).toBe(401);
    const wrongScope = await get('/tags?limit=6', { 'X-API-Key': 'token-key-001' });
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.body.code).toBe('FORBIDDEN');
    expect(await shortcuts()).toBe(before);
  });

  it("never answers one profile's caller with another profile's entry", async () => {
    const asA = await get('/settings?limit=5').expect(200);
    await get('/settings?limit=5').expect(200);
    await get('/settings?limit=5').expect(200);
    const asB = await get('/settings?limit=5', OTHER_TEAM).expect(200);
    expect(asB.headers['x-cache']).toBe('MISS');
    expect(asB.text).not.toBe(asA.text);
    const clients = gw.simulator.controls
      .requests({ target: 'data', pathPrefix: `${DS}/settings` })
      .map((call) => call.clientId);
    expect(clients).toEqual(['team-a-client', 'team-b-client']);
  });

  it('a write voids what the shortcut serves: the next GET goes upstream and shows the change', async () => {
    const list = await get('/settings?limit=50').expect(200);
    await get('/settings?limit=50').expect(200);
    const before = await shortcuts();
    await get('/settings?limit=50').expect(200);
    expect(await shortcuts()).toBe(before + 1);
    const setting = list.body.items[0];
    const next = await changeSetting(gw.url, REGION, READER, setting);
    const after = await get('/settings?limit=50').expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.items[0]).toMatchObject({ id: setting.id, currentValue: next });
    expect(await shortcuts()).toBe(before + 1);
  });

  it('leaves JWT callers to Nest, so that an identity provider that hangs is waited for once', async () => {
    const jwks = await startTestJwks();
    const withJwt = await startTestGateway({
      env: {
        GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
        GATEWAY_JWT_JWKS_URL: jwks.url,
        GATEWAY_JWT_ISSUER: jwks.issuer,
        GATEWAY_JWT_AUDIENCE: jwks.audience,
        GATEWAY_JWT_JWKS_TIMEOUT_MS: '300',
      },
    });
    try {
      const path = `${REGION}/tags?limit=2`;
      for (let i = 0; i < 3; i++) {
        await request(withJwt.url).get(path).set(DEV_KEY).expect(200);
      }
      jwks.delayBy(10_000);
      const token = await jwks.sign({ scope: 'gateway:read' });
      const before = jwks.fetches();
      const refused = await request(withJwt.url).get(path).set('Authorization', `Bearer ${token}`);
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('AUTH_PROVIDER_UNAVAILABLE');
      expect(jwks.fetches() - before).toBe(1);
    } finally {
      await withJwt.close();
      await jwks.close();
    }
  });

  it("keeps to the caller's rate limit: 429 with Retry-After once it is spent, counted once per request", async () => {
    const limited = await startTestGateway({
      env: { GATEWAY_RATE_LIMIT_PER_MINUTE: '4', GATEWAY_RATE_LIMITS: 'admin=0' },
    });
    try {
      const remaining: string[] = [];
      for (let i = 0; i < 4; i++) {
        const ok = await request(limited.url)
          .get(`${REGION}/tags?limit=3`)
          .set('X-API-Key', 'simulator')
          .expect(200);
        remaining.push(ok.headers['ratelimit-remaining']);
      }
      expect(remaining).toEqual(['3', '2', '1', '0']);
      const refused = await request(limited.url)
        .get(`${REGION}/tags?limit=3`)
        .set('X-API-Key', 'simulator');
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
