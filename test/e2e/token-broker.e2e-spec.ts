import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const TOKEN_KEY = { 'X-API-Key': 'token-key-0001' };
const READ_KEY = { 'X-API-Key': 'read-key-00001' };
const A_KEY = { 'X-API-Key': 'team-a-key-001' };
const B_KEY = { 'X-API-Key': 'team-b-key-001' };

function profilesFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gw-profiles-')), 'profiles.yaml');
  const profile = (name: string) =>
    `  - name: ${name}\n    tokenUrl: https://global.api.greenlake.hpe.com/authorization/v2/oauth2/ws-${name}/token\n` +
    `    clientId: ${name}-client\n    clientSecret: ${name}-secret-value\n    regions: [us-west, eu-central]\n`;
  writeFileSync(path, `profiles:\n${profile('team-a')}${profile('team-b')}`);
  return path;
}

describe('GET|POST /v1/token (the token broker)', () => {
  let gw: TestGateway;
  const issued: string[] = [];

  beforeAll(async () => {
    gw = await startTestGateway({
      env: {
        GREENLAKE_REGIONS:
          'us-west=https://us-west.api.greenlake.hpe.com,eu-central=https://eu-central.api.greenlake.hpe.com',
        GREENLAKE_PROFILES_FILE: profilesFile(),
        GATEWAY_API_KEYS: [
          'ops:token-key-0001:token:team-a',
          'reader:read-key-00001:read:team-a',
          'alice:team-a-key-001:read+token:team-a',
          'bob:team-b-key-001:read+token:team-b',
          'operator:admin-key-0001:admin:team-a',
        ].join(','),
        LOG_LEVEL: 'verbose',
      },
    });
  });
  afterAll(async () => {
    // The token never reaches the process output: every log line, at every level, was captured
    const logs = gw.logs.text();
    expect(logs).toContain('token for profile team-a ready');
    for (const token of issued) {
      expect(logs).not.toContain(token);
    }
    expect(logs).not.toMatch(/team-[ab]-secret-value/);
    await gw.close();
  });

  const getToken = (key: Record<string, string>, query = '') =>
    request(gw.url).get(`/v1/token${query}`).set(key);

  it('needs a key (401) with the token scope (403)', async () => {
    const missing = await request(gw.url).get('/v1/token').expect(401);
    expect(missing.body.code).toBe('UNAUTHENTICATED');
    const forbidden = await getToken(READ_KEY).expect(403);
    expect(forbidden.body).toMatchObject({
      code: 'FORBIDDEN',
      details: { requiredScope: 'token' },
    });
  });

  it('answers JSON with the expiry and profile, not cacheable, and the token works at GreenLake', async () => {
    const res = await getToken(TOKEN_KEY).expect(200);
    issued.push(res.body.access_token);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      token_type: 'Bearer',
      expires_in: expect.any(Number),
      expires_at: expect.any(String),
      profile: 'team-a',
    });
    expect(res.body.expires_in).toBeGreaterThan(800);
    expect(res.body.expires_in).toBeLessThanOrEqual(900); // the workspace issuer's 15 minutes
    expect(
      Math.abs(Date.parse(res.body.expires_at) - (Date.now() + res.body.expires_in * 1000)),
    ).toBeLessThan(2000);
    const direct = await fetch(
      `${gw.simulator.regionUrls['us-west']}/data-services/v1beta1/tags?limit=1`,
      {
        headers: { authorization: `Bearer ${res.body.access_token}` },
      },
    );
    expect(direct.status).toBe(200);
  });

  it('answers the bare token as text/plain with format=raw, also on POST', async () => {
    const json = await getToken(TOKEN_KEY).expect(200);
    const raw = await getToken(TOKEN_KEY, '?format=raw').expect(200);
    expect(raw.headers['content-type']).toMatch(/^text\/plain/);
    expect(raw.text).toBe(json.body.access_token);
    const posted = await request(gw.url).post('/v1/token?format=raw').set(TOKEN_KEY).expect(200);
    expect(posted.text).toBe(json.body.access_token);
    issued.push(raw.text);
  });

  it('minTtlSeconds: served from cache when enough life is left, 400 beyond what the issuer grants', async () => {
    const before = gw.simulator.controls.requests({ target: 'token' }).length;
    await getToken(TOKEN_KEY, '?minTtlSeconds=600').expect(200);
    expect(gw.simulator.controls.requests({ target: 'token' }).length).toBe(before);
    const tooLong = await getToken(TOKEN_KEY, '?minTtlSeconds=3600').expect(400);
    expect(tooLong.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { maxMinTtlSeconds: 900 },
    });
    expect(tooLong.body.message).toContain('exceeds what the issuer grants');
    await getToken(TOKEN_KEY, '?minTtlSeconds=-1&format=xml').expect(400);
  });

  it("isolates profiles: a key bound to team-a never gets team-b's token or data", async () => {
    const a = await getToken(A_KEY).expect(200);
    const b = await getToken(B_KEY).expect(200);
    issued.push(a.body.access_token, b.body.access_token);
    expect(a.body.profile).toBe('team-a');
    expect(b.body.profile).toBe('team-b');
    expect(a.body.access_token).not.toBe(b.body.access_token);
    const denied = await getToken(A_KEY, '?profile=team-b').expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    expect(JSON.stringify(denied.body)).not.toContain(b.body.access_token);

    const tasksA = await request(gw.url)
      .get('/v1/regions/us-west/tasks?limit=1')
      .set(A_KEY)
      .expect(200);
    const tasksB = await request(gw.url)
      .get('/v1/regions/us-west/tasks?limit=1')
      .set(B_KEY)
      .expect(200);
    expect(tasksA.body.items[0].customerId).not.toBe(tasksB.body.items[0].customerId);
    const clients = gw.simulator.controls
      .requests({ target: 'token' })
      .map((call) => call.clientId);
    expect(new Set(clients)).toEqual(new Set(['team-a-client', 'team-b-client']));
  });

  it('refuses any other profile name to a bound key, and names an unknown region', async () => {
    const otherProfile = await getToken(TOKEN_KEY, '?profile=nobody').expect(403);
    expect(otherProfile.body.message).toContain('is bound to profile "team-a"');
    const unknownRegion = await getToken(TOKEN_KEY, '?region=mars').expect(404);
    expect(unknownRegion.body.code).toBe('UNKNOWN_REGION');
  });

  it("POST /v1/admin/tokens/refresh (scope admin) replaces the profile's token", async () => {
    await request(gw.url).post('/v1/admin/tokens/refresh?profile=team-b').set(B_KEY).expect(403);
    const before = await getToken(B_KEY).expect(200);
    const refreshed = await request(gw.url)
      .post('/v1/admin/tokens/refresh?profile=team-b')
      .set({ 'X-API-Key': 'admin-key-0001' })
      .expect(200);
    expect(refreshed.body).toEqual({
      profile: 'team-b',
      expires_at: expect.any(String),
      fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    const after = await getToken(B_KEY).expect(200);
    issued.push(before.body.access_token, after.body.access_token);
    expect(after.body.access_token).not.toBe(before.body.access_token);
    const audit = gw.logs.lines.filter((line) => line.includes('"action":"admin"'));
    expect(
      audit.some(
        (line) => line.includes('"profile":"team-b"') && line.includes(refreshed.body.fingerprint),
      ),
    ).toBe(true);
  });
});
