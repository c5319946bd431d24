import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { type RunningSimulator, startSimulator } from 'src/simulator';
import type { GreenLakeErrorWire } from 'src/upstream/wire/error.wire';
import {
  DEFAULT_CLIENT,
  DS,
  RegionApi,
  connect,
  networkErrorOf,
  refusedCodeOf,
  requestToken,
  send,
  tokenFor,
} from './simulator-harness';

const OTHER_CLIENT = { clientId: 'other-client', clientSecret: 'other-secret' };

describe('test controls', () => {
  let sim: RunningSimulator;
  let api: RegionApi;

  beforeAll(async () => {
    sim = await startSimulator({ clients: [DEFAULT_CLIENT, OTHER_CLIENT] });
  });
  afterAll(() => sim.stop());
  beforeEach(async () => {
    sim.controls.reset();
    api = await connect(sim);
  });

  const timed = async (request: () => Promise<unknown>): Promise<number> => {
    const started = Date.now();
    await request();
    return Date.now() - started;
  };

  it('addLatency delays matching requests until cleared with 0', async () => {
    sim.controls.addLatency(250, { target: 'data', pathPrefix: `${DS}/issues` });
    expect(await timed(() => api.get(`${DS}/issues`))).toBeGreaterThanOrEqual(240);
    expect(await timed(() => api.get(`${DS}/tags`))).toBeLessThan(200);
    expect(await timed(() => tokenFor(sim))).toBeLessThan(200);
    sim.controls.addLatency(0);
    expect(await timed(() => api.get(`${DS}/issues`))).toBeLessThan(200);
  });

  it('failNext answers the next N matching requests with the envelope and Retry-After', async () => {
    sim.controls.failNext(2, 503, { target: 'data', region: 'us-west', retryAfterSeconds: 3 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failed = await api.get<GreenLakeErrorWire>(`${DS}/async-operations`);
      expect(failed.status).toBe(503);
      expect(failed.headers.get('retry-after')).toBe('3');
      expect(failed.body).toMatchObject({ httpStatusCode: 503, errorCode: 'SERVICE_UNAVAILABLE' });
    }
    expect((await api.get(`${DS}/async-operations`)).status).toBe(200);
  });

  it('failNext can target the token endpoint', async () => {
    sim.controls.failNext(1, 500, { target: 'token' });
    const failed = await requestToken<GreenLakeErrorWire>(sim);
    expect(failed.status).toBe(500);
    expect(failed.headers.get('retry-after')).toBeNull();
    expect(failed.body.errorCode).toBe('HPE_GL_ERROR_INTERNAL_SERVER_ERROR');
    expect((await requestToken(sim)).status).toBe(200);
  });

  it('resetNext destroys the socket without an answer, then lets requests through', async () => {
    sim.controls.resetNext(1, { method: 'GET', pathPrefix: `${DS}/tags` });
    expect(
      await networkErrorOf(
        fetch(api.url(`${DS}/tags`), { headers: { authorization: `Bearer ${api.token}` } }),
      ),
    ).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    expect((await api.get(`${DS}/tags`)).status).toBe(200);
    expect(
      sim.controls.requests({ pathPrefix: `${DS}/tags` }).map((entry) => entry.status),
    ).toEqual([0, 200]);
  });

  it('goDown refuses connections on token and region listeners (admin stays up); comeUp listens again', async () => {
    expect((await api.get(`${DS}/tags`)).status).toBe(200);
    await sim.controls.goDown();
    try {
      expect(await refusedCodeOf(() => fetch(api.url(`${DS}/tags`)))).toBe('ECONNREFUSED');
      expect(await refusedCodeOf(() => requestToken(sim))).toBe('ECONNREFUSED');
      expect((await send(sim.adminUrl)).status).toBe(200);
    } finally {
      await sim.controls.comeUp();
    }
    expect((await api.get(`${DS}/tags`)).status).toBe(200);
    expect((await requestToken(sim)).status).toBe(200);
  });

  it('logs data calls with region, decoded query, body and token fingerprint, never the token', async () => {
    sim.controls.clearRequests();
    await api.get(`${DS}/issues?filter=${encodeURIComponent("severity eq 'CRITICAL'")}&limit=5`);
    await api.write('POST', `${DS}/secrets`, {
      name: 'logged',
      service: '',
      secret: { generic: { secret: 's' } },
    });
    await new RegionApi(sim, api.token, 'eu-central').get(`${DS}/tags`);
    const fingerprint = createHash('sha256').update(api.token!).digest('hex').slice(0, 8);
    const log = sim.controls.requests();
    expect(log).toEqual([
      {
        at: expect.any(String),
        target: 'data',
        region: 'us-west',
        method: 'GET',
        path: `${DS}/issues`,
        query: { filter: "severity eq 'CRITICAL'", limit: '5' },
        clientId: 'simulator-client',
        tokenFingerprint: fingerprint,
        status: 200,
      },
      expect.objectContaining({
        method: 'POST',
        contentType: 'application/json',
        body: { name: 'logged', service: '', secret: { generic: { secret: 's' } } },
        status: 200,
      }),
      expect.objectContaining({ region: 'eu-central', path: `${DS}/tags`, status: 200 }),
    ]);
    expect(JSON.stringify(log)).not.toContain(api.token!);
    expect(sim.controls.requests({ region: 'eu-central' })).toHaveLength(1);
    expect(sim.controls.requests({ method: 'post' })).toHaveLength(1);
    expect(sim.controls.requests({ target: 'token' })).toHaveLength(0);
    sim.controls.clearRequests();
    expect(sim.controls.requests()).toEqual([]);
  });

  it('reset clears rules, tokens, the log and data', async () => {
    sim.controls.failNext(5, 500);
    sim.controls.addLatency(1000);
    sim.controls.reset();
    expect(
      await timed(async () => expect((await api.get(`${DS}/tags`)).status).toBe(401)),
    ).toBeLessThan(500);
    expect(sim.controls.requests()).toHaveLength(1);
    const fresh = await connect(sim);
    expect((await fresh.get(`${DS}/tags`)).status).toBe(200);
  });

  it('rejects nonsense arguments', () => {
    expect(() => sim.controls.failNext(1, 200)).toThrow(RangeError);
    expect(() => sim.controls.resetNext(-1)).toThrow(RangeError);
    expect(() => sim.controls.setTokenLifetime(0)).toThrow(RangeError);
    expect(() => sim.controls.setOperationStepMs(1.5)).toThrow(RangeError);
  });
});

describe('stop', () => {
  it('closes every listener at once, in-flight and keep-alive requests included', async () => {
    const sim = await startSimulator();
    const api = await connect(sim);
    expect((await api.get(`${DS}/tags`)).status).toBe(200);
    sim.controls.addLatency(10_000, { pathPrefix: `${DS}/issues` });
    const stalled = networkErrorOf(api.get(`${DS}/issues`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await sim.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await stalled).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await refusedCodeOf(() => api.get(`${DS}/tags`))).toBe('ECONNREFUSED');
    expect(await refusedCodeOf(() => fetch(sim.adminUrl))).toBe('ECONNREFUSED');
  });
});

describe('rate limit', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ rateLimitPerMinute: 3, clients: [DEFAULT_CLIENT, OTHER_CLIENT] });
  });
  afterAll(() => sim.stop());

  it('counts per client, sends ratelimit-* on every answer and 429 beyond the limit', async () => {
    const api = await connect(sim);
    const remaining: (string | null)[] = [];
    for (const path of [`${DS}/tags`, `${DS}/nothing-here`, `${DS}/issues`]) {
      const reply = await api.get(path);
      expect(reply.headers.get('ratelimit-limit')).toBe('3');
      expect(Number(reply.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      remaining.push(reply.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await api.get<GreenLakeErrorWire>(`${DS}/tags`);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      httpStatusCode: 429,
      errorCode: 'HPE_GL_ERROR_TOO_MANY_REQUESTS',
    });
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
    const other = await connect(sim, 'eu-west', OTHER_CLIENT);
    expect((await other.get(`${DS}/tags`)).status).toBe(200);
  });
});

describe('fixed ports', () => {
  it('puts the token listener on N, admin on N+1 and the regions on N+2, N+3, ...', async () => {
    const { base, sim } = await startOnFreePorts();
    try {
      expect(sim.tokenUrl).toBe(`http://127.0.0.1:${base}/as/token.oauth2`);
      expect(sim.workspaceTokenUrl('w1')).toBe(
        `http://127.0.0.1:${base}/authorization/v2/oauth2/w1/token`,
      );
      expect(sim.adminUrl).toBe(`http://127.0.0.1:${base + 1}`);
      expect(sim.regionUrls).toEqual({
        'us-west': `http://127.0.0.1:${base + 2}`,
        'eu-central': `http://127.0.0.1:${base + 3}`,
      });
    } finally {
      await sim.stop();
    }
  });
});

/** Ports N..N+3 may be taken by another test's sockets meanwhile: try a few bases. */
async function startOnFreePorts(): Promise<{
  base: number;
  sim: Awaited<ReturnType<typeof startSimulator>>;
}> {
  for (let attempt = 1; ; attempt++) {
    const base = await freeBasePort();
    try {
      return {
        base,
        sim: await startSimulator({ port: base, regions: ['us-west', 'eu-central'] }),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) {
        throw error;
      }
    }
  }
}

/** A port the OS just handed out, well below the top so that N+3 exists; good enough for a test. */
async function freeBasePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port > 0 && port < 65_000) {
      return port;
    }
  }
}
