import { type RunningSimulator, startSimulator } from 'src/simulator';
import type { GreenLakeErrorWire } from 'src/upstream/wire/error.wire';
import { DEFAULT_CLIENT, DS, connect, send } from './simulator-harness';

const OTHER_CLIENT = { clientId: 'other-client', clientSecret: 'other-secret' };

describe('per-client budget (setBudget)', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ clients: [DEFAULT_CLIENT, OTHER_CLIENT] });
  });
  afterAll(() => sim.stop());
  beforeEach(() => sim.controls.reset());

  it('allows `limit` calls per window per client, then 429 until the window ends', async () => {
    sim.controls.setBudget({ limit: 2, windowMs: 1_000 });
    const api = await connect(sim);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await api.get(`${DS}/tags`)).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await api.get<GreenLakeErrorWire>(`${DS}/tags`);
    expect(limited.body.errorCode).toBe('HPE_GL_ERROR_TOO_MANY_REQUESTS');
    expect(limited.headers.get('retry-after')).toBeNull();
    // another client has a budget of its own
    const other = await connect(sim, 'us-west', OTHER_CLIENT);
    expect((await other.get(`${DS}/tags`)).status).toBe(200);
    // the window ends: a new one opens
    await new Promise((resume) => setTimeout(resume, 1_100));
    const fresh = await api.get(`${DS}/tags`);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ratelimit-remaining')).toBe('1');
  });

  it.each([
    ['ratelimit', 'ratelimit-limit', '3', 'ratelimit-remaining', '2', 'ratelimit-reset'],
    ['x-ratelimit', 'x-ratelimit-limit', '3', 'x-ratelimit-remaining', '2', 'x-ratelimit-reset'],
  ] as const)(
    'spells the headers %s',
    async (spelling, limitName, limit, remainingName, remaining, resetName) => {
      sim.controls.setBudget({ limit: 3, windowMs: 5_000, headers: spelling });
      const reply = await (await connect(sim)).get(`${DS}/tags`);
      expect(reply.headers.get(limitName)).toBe(limit);
      expect(reply.headers.get(remainingName)).toBe(remaining);
      expect(Number(reply.headers.get(resetName))).toBeGreaterThanOrEqual(4);
      const other = spelling === 'ratelimit' ? 'x-ratelimit-limit' : 'ratelimit-limit';
      expect(reply.headers.get(other)).toBeNull();
    },
  );

  it("spells them as the HTTP standard's single RateLimit field", async () => {
    sim.controls.setBudget({ limit: 3, windowMs: 5_000, headers: 'standard' });
    const reply = await (await connect(sim)).get(`${DS}/tags`);
    expect(reply.headers.get('ratelimit')).toMatch(/^limit=3, remaining=2, reset=[45]$/);
    expect(reply.headers.get('ratelimit-policy')).toBe('3;w=5');
    expect(reply.headers.get('ratelimit-limit')).toBeNull();
  });

  it('adds Retry-After to its 429 when asked to', async () => {
    sim.controls.setBudget({ limit: 1, windowMs: 3_000, retryAfter: true });
    const api = await connect(sim);
    await api.get(`${DS}/tags`);
    const limited = await api.get(`${DS}/tags`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(2);
  });

  it('goes back to the per-minute default on reset()', async () => {
    sim.controls.setBudget({ limit: 1, windowMs: 60_000 });
    sim.controls.reset();
    const reply = await (await connect(sim)).get(`${DS}/tags`);
    expect(reply.headers.get('ratelimit-limit')).toBe('6000');
  });

  it('is set over the admin API too, and refuses a bad budget', async () => {
    const put = (body: unknown) =>
      send(`${sim.adminUrl}/budget`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await put({ limit: 5, windowMs: 2_000, headers: 'x-ratelimit' })).status).toBe(204);
    const reply = await (await connect(sim)).get(`${DS}/tags`);
    expect(reply.headers.get('x-ratelimit-limit')).toBe('5');
    expect((await put({ limit: 0 })).status).toBe(400);
    expect((await put({ limit: 5, headers: 'nonsense' })).status).toBe(400);
  });

  it('clearFailures drops pending failures (a failing region heals)', async () => {
    const api = await connect(sim);
    sim.controls.failNext(100, 503, { target: 'data' });
    expect((await api.get(`${DS}/tags`)).status).toBe(503);
    sim.controls.clearFailures();
    expect((await api.get(`${DS}/tags`)).status).toBe(200);
  });
});
