import { type RunningSimulator, type SimulatedRequest, startSimulator } from 'src/simulator';
import type { TokenResponseWire } from 'src/upstream/wire/token.wire';
import {
  DS,
  type RegionApi,
  connect,
  networkErrorOf,
  refusedCodeOf,
  requestToken,
  send,
} from './simulator-harness';

describe('admin HTTP API', () => {
  let sim: RunningSimulator;
  let api: RegionApi;

  beforeAll(async () => {
    sim = await startSimulator({ operationStepMs: 5000 });
  });
  afterAll(() => sim.stop());
  beforeEach(async () => {
    sim.controls.reset();
    api = await connect(sim);
  });

  const admin = <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): ReturnType<typeof send<T>> =>
    send<T>(`${sim.adminUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('GET / describes the URLs, and the admin listener is none of the regions', async () => {
    const reply = await admin<{
      tokenUrl: string;
      adminUrl: string;
      regionUrls: Record<string, string>;
    }>('GET', '/');
    expect(reply.body).toEqual({
      tokenUrl: sim.tokenUrl,
      adminUrl: sim.adminUrl,
      regionUrls: sim.regionUrls,
    });
    expect(Object.values(sim.regionUrls)).not.toContain(sim.adminUrl);
  });

  it('GET /requests filters the log; DELETE /requests clears it', async () => {
    await api.get(`${DS}/tags`);
    await api.get(`${DS}/issues`);
    const data = await admin<SimulatedRequest[]>(
      'GET',
      `/requests?target=data&pathPrefix=${encodeURIComponent(`${DS}/iss`)}`,
    );
    expect(data.body.map((entry) => entry.path)).toEqual([`${DS}/issues`]);
    const tokens = await admin<SimulatedRequest[]>('GET', '/requests?target=token');
    expect(tokens.body).toHaveLength(1);
    expect((await admin('DELETE', '/requests')).status).toBe(204);
    expect((await admin<SimulatedRequest[]>('GET', '/requests')).body).toEqual([]);
  });

  it('POST /latency, /fail and /reset-connections set the same rules as the controls', async () => {
    expect(
      (await admin('POST', '/latency', { ms: 200, target: 'data', pathPrefix: `${DS}/tags` }))
        .status,
    ).toBe(204);
    const started = Date.now();
    await api.get(`${DS}/tags`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect((await admin('POST', '/latency', { ms: 0 })).status).toBe(204);

    expect(
      (
        await admin('POST', '/fail', {
          count: 1,
          status: 502,
          retryAfterSeconds: 9,
          region: 'us-west',
        })
      ).status,
    ).toBe(204);
    const failed = await api.get(`${DS}/tags`);
    expect([failed.status, failed.headers.get('retry-after')]).toEqual([502, '9']);

    expect((await admin('POST', '/reset-connections', { count: 1, target: 'data' })).status).toBe(
      204,
    );
    expect(await networkErrorOf(fetch(api.url(`${DS}/tags`)))).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    expect((await api.get(`${DS}/tags`)).status).toBe(200);
  });

  it('POST /tokens/revoke and /tokens/expire invalidate issued tokens', async () => {
    expect((await admin('POST', '/tokens/revoke')).status).toBe(204);
    expect((await api.get(`${DS}/tags`)).status).toBe(401);
    const next = await connect(sim);
    expect((await admin('POST', '/tokens/expire')).status).toBe(204);
    expect((await next.get(`${DS}/tags`)).status).toBe(401);
  });

  it('PUT /settings changes the token lifetime and the operation step', async () => {
    expect(
      (await admin('PUT', '/settings', { tokenLifetimeSeconds: 42, operationStepMs: 10 })).status,
    ).toBe(204);
    expect((await requestToken<TokenResponseWire>(sim)).body.expires_in).toBe(42);
    const accepted = await api.write('POST', '/virtualization/v1beta1/virtual-machines', {
      name: 'quick',
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await api.get<{ state: string }>(accepted.headers.get('location')!)).body.state).toBe(
      'SUCCEEDED',
    );
  });

  it('POST /operations/script makes the next operations follow a script (status-style here)', async () => {
    const script = {
      stateField: 'status',
      suggestedPollingIntervalSeconds: 7,
      steps: [
        { atMs: 0, state: 'RUNNING', progressPercent: 50 },
        { atMs: 60_000, state: 'SUCCEEDED' },
      ],
      count: 2,
    };
    expect((await admin('POST', '/operations/script', script)).status).toBe(204);
    for (let n = 0; n < 3; n += 1) {
      const accepted = await api.write('POST', '/virtualization/v1beta1/virtual-machines', {
        name: `scripted-${n}`,
      });
      const view = (await api.get<Record<string, unknown>>(accepted.headers.get('location')!)).body;
      if (n < 2) {
        expect(view).toMatchObject({
          status: 'RUNNING',
          progressPercent: 50,
          suggestedPollingIntervalSeconds: 7,
        });
        expect(view.state).toBeUndefined();
      } else {
        // Only `count` operations are scripted
        expect(view).toMatchObject({ state: 'INITIALIZED' });
      }
    }
  });

  it.each([
    [{ steps: [] }, 'script.steps must be a non-empty list'],
    [
      {
        steps: [
          { atMs: 10, state: 'RUNNING' },
          { atMs: 5, state: 'SUCCEEDED' },
        ],
      },
      'steps[1].atMs',
    ],
    [{ steps: [{ atMs: 0, state: '' }] }, 'steps[0].state'],
    [{ steps: [{ atMs: 0, state: 'RUNNING' }], stateField: 'phase' }, 'stateField'],
  ])('POST /operations/script refuses a bad script with 400 (%j)', async (script, message) => {
    const reply = await admin<{ error: string }>('POST', '/operations/script', script);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toContain(message);
  });

  it('POST /down and /up switch the token and region listeners while admin stays up', async () => {
    expect((await admin('POST', '/down')).status).toBe(204);
    try {
      expect(await refusedCodeOf(() => fetch(api.url(`${DS}/tags`)))).toBe('ECONNREFUSED');
      expect((await admin('GET', '/')).status).toBe(200);
    } finally {
      expect((await admin('POST', '/up')).status).toBe(204);
    }
    expect((await api.get(`${DS}/tags`)).status).toBe(200);
  });

  it('POST /reset goes back to the seed', async () => {
    await admin('POST', '/fail', { count: 3, status: 500 });
    expect((await admin('POST', '/reset')).status).toBe(204);
    expect((await api.get(`${DS}/tags`)).status).toBe(401);
    expect((await (await connect(sim)).get(`${DS}/tags`)).status).toBe(200);
  });

  it('accepts an empty JSON body and answers 400 for malformed JSON', async () => {
    const empty = await send(`${sim.adminUrl}/tokens/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(204);
    const malformed = await send<{ error: string }>(`${sim.adminUrl}/fail`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"count":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/not valid JSON/);
  });

  it.each([
    ['/fail', { count: 1 }, /status is required/],
    ['/fail', { count: 1, status: 200 }, /400-599/],
    ['/latency', { ms: 'slow' }, /ms must be a number/],
    ['/reset-connections', { count: 1, target: 'admin' }, /target must be/],
  ])('answers 400 for POST %s %j', async (path, body, message) => {
    const reply = await admin<{ error: string }>('POST', path, body);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(message);
  });
});
