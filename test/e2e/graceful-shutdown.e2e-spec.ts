import { createConnection } from 'node:net';
import { type RunningSimulator, startSimulator } from 'src/simulator';
import { SseClient } from 'test/utils/sse-client';
import { spawnGateway, SpawnedGateway } from 'test/utils/spawned-gateway';

const KEY = { 'X-API-Key': 'shutdown-key-0001' };
const SLOW_MS = 6_000;

describe('SIGTERM with requests in flight (the real main.ts)', () => {
  let simulator: RunningSimulator;
  let gw: SpawnedGateway;

  beforeAll(async () => {
    // Tasks that stay RUNNING for the whole test
    simulator = await startSimulator({ quiet: true, operationStepMs: 60_000 });
    gw = await spawnGateway({
      GREENLAKE_CLIENT_ID: 'simulator-client',
      GREENLAKE_CLIENT_SECRET: 'simulator-secret',
      GREENLAKE_TOKEN_URL: simulator.tokenUrl,
      GREENLAKE_REGIONS: `us-west=${simulator.regionUrls['us-west']}`,
      GATEWAY_API_KEYS: 'ops:shutdown-key-0001:read+write',
      // The slow requests must be in flight at GreenLake, not answered from the cache
      GATEWAY_CACHE: 'off',
      HOST: '127.0.0.1',
      SHUTDOWN_GRACE_MS: '20000',
    });
  }, 120_000);
  afterAll(async () => {
    gw?.child.kill('SIGKILL');
    await simulator?.stop();
  });

  it('answers all 5 slow requests with 200, ends the SSE stream with a final event, exits 0', async () => {
    // A token in hand and a running task, before anything is slow
    const tags = `${gw.url}/v1/regions/us-west/tags`;
    expect((await fetch(tags, { headers: KEY })).status).toBe(200);
    const created = await fetch(
      `${gw.url}/v1/regions/us-west/proxy/virtualization/v1beta1/virtual-machines`,
      {
        method: 'POST',
        headers: { ...KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'vm-shutdown' }),
      },
    );
    expect(created.status).toBe(202);
    const { taskUrl } = (await created.json()) as { taskUrl: string };
    const sse = new SseClient(gw.url, `${taskUrl}/events`, KEY);
    await sse.opened();
    await sse.until(() => sse.events('progress').length > 0, 'the first progress event', 30_000);

    simulator.controls.addLatency(SLOW_MS, {
      target: 'data',
      pathPrefix: '/data-services/v1beta1/tags',
    });
    const inFlight = [...Array(5)].map(() =>
      fetch(tags, { headers: KEY }).then(async (res) => ({
        status: res.status,
        body: await res.text(),
        at: Date.now(),
      })),
    );
    await new Promise((resume) => setTimeout(resume, 1_000));
    const signalledAt = Date.now();
    gw.child.kill('SIGTERM');
    // No new connections once the signal is handled
    await until(async () => (await connects(gw.url)) === false);

    const answers = await Promise.all(inFlight);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    // They were in flight when the signal came: each answered after it
    for (const answer of answers) {
      expect(answer.at).toBeGreaterThan(signalledAt);
    }
    await sse.until(() => sse.ended, 'the end of the stream', 30_000);
    expect(sse.messages.at(-1)?.event).toBe('shutdown');
    const { code, signal } = await gw.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(gw.stdout()).toContain('shut down cleanly');
  }, 120_000);
});

/** Whether a new TCP connection to the gateway is accepted. */
function connects(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('timed out');
    }
    await new Promise((resume) => setTimeout(resume, 20));
  }
}
