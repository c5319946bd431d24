import request from 'supertest';
import { TokenService } from 'src/credentials/token.service';
import { countBy, fireConcurrently, steadyStream } from 'test/utils/load';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const TASKS = '/v1/regions/us-west/tasks?limit=1';
// These tests count token requests under load, not caller limits
// No rate limit, and no response cache: every call here must reach GreenLake with its token
const NO_RATE_LIMIT = { GATEWAY_RATE_LIMIT_PER_MINUTE: '0', GATEWAY_CACHE: 'off' };
const tokenCalls = (gw: TestGateway) => gw.simulator.controls.requests({ target: 'token' }).length;
const statsOf = (gw: TestGateway) => gw.app.get(TokenService).stats;

describe('Tokens: one request per lifetime, whatever the concurrency', () => {
  let gw: TestGateway;
  afterEach(() => gw?.close());

  it('1,000 concurrent requests on a cold gateway make exactly 1 token request', async () => {
    gw = await startTestGateway({ env: NO_RATE_LIMIT });
    const statuses = await fireConcurrently(`${gw.url}${TASKS}`, 1000, DEV_KEY);
    expect(countBy(statuses)).toEqual({ 200: 1000 });
    expect(tokenCalls(gw)).toBe(1);
  });

  it('short-lived tokens: a steady stream across several expiries sees no error and no caller waits', async () => {
    const lifetimeSeconds = 3;
    gw = await startTestGateway({
      simulator: { tokenLifetimeSeconds: lifetimeSeconds },
      env: { ...NO_RATE_LIMIT, TOKEN_REFRESH_SKEW_SECONDS: '1' },
    });
    await request(gw.url).get(TASKS).set(DEV_KEY).expect(200);
    const waitsAfterWarmUp = statsOf(gw).callerWaits;
    const durationMs = 10_000;
    const statuses = await steadyStream(`${gw.url}${TASKS}`, DEV_KEY, {
      durationMs,
      workers: 4,
      pauseMs: 20,
    });
    expect(countBy(statuses)).toEqual({ 200: statuses.length });
    // refreshed in the advisory window (the last second): at most one token per 2 s, never two at once
    const requests = tokenCalls(gw);
    expect(requests).toBeGreaterThanOrEqual(Math.floor(durationMs / (lifetimeSeconds * 1000)));
    expect(requests).toBeLessThanOrEqual(Math.ceil(durationMs / 2000) + 1);
    expect(statsOf(gw).callerWaits).toBe(waitsAfterWarmUp); // nobody waited after the cold start
    console.log(
      `short-lived tokens: ${statuses.length} calls over ${durationMs / 1000} s, ${requests} token requests`,
    );
  });

  it('token endpoint down: zero errors while the token lives, then 503 TOKEN_UNAVAILABLE, then recovery', async () => {
    gw = await startTestGateway({
      simulator: { tokenLifetimeSeconds: 4 },
      env: { ...NO_RATE_LIMIT, TOKEN_REFRESH_SKEW_SECONDS: '2' },
    });
    await request(gw.url).get(TASKS).set(DEV_KEY).expect(200);
    const expiresAt = Date.now() + 4000;
    gw.simulator.controls.failNext(100_000, 503, { target: 'token' });

    const whileValid = await steadyStream(`${gw.url}${TASKS}`, DEV_KEY, {
      durationMs: expiresAt - Date.now() - 600,
      workers: 2,
      pauseMs: 50,
    });
    expect(countBy(whileValid)).toEqual({ 200: whileValid.length });
    const failedTokenCalls = gw.simulator.controls
      .requests({ target: 'token' })
      .filter((call) => call.status === 503).length;
    expect(failedTokenCalls).toBeGreaterThan(0); // it did try to refresh, and failed

    await new Promise((resume) => setTimeout(resume, Math.max(0, expiresAt - Date.now() + 300)));
    const down = await request(gw.url).get(TASKS).set(DEV_KEY).expect(503);
    expect(down.body).toMatchObject({ statusCode: 503, code: 'TOKEN_UNAVAILABLE' });
    expect(Number(down.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    gw.simulator.controls.reset(); // the endpoint is back
    await new Promise((resume) => setTimeout(resume, Number(down.headers['retry-after']) * 1000));
    await request(gw.url).get(TASKS).set(DEV_KEY).expect(200);
    console.log(
      `token endpoint down: ${whileValid.length} calls served on the old token, ${failedTokenCalls} failed token requests`,
    );
  });

  it('revoked tokens: one replay with one new token; a second 401 in a row is 502', async () => {
    gw = await startTestGateway({ env: NO_RATE_LIMIT });
    await request(gw.url).get(TASKS).set(DEV_KEY).expect(200);
    gw.simulator.controls.revokeAllTokens();
    await request(gw.url).get(TASKS).set(DEV_KEY).expect(200);
    expect(tokenCalls(gw)).toBe(2);
    gw.simulator.controls.failNext(2, 401, { target: 'data' });
    const res = await request(gw.url).get(TASKS).set(DEV_KEY).expect(502);
    expect(res.body.code).toBe('UPSTREAM_AUTH_FAILED');
  });
});
