import request from 'supertest';
import type { BadAnswer } from 'src/simulator';
import { rawRequest } from 'test/utils/raw-http';
import { SseClient } from 'test/utils/sse-client';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/us-west';
const DS = '/data-services/v1beta1';
const MAX_BODY_BYTES = 1_000_000;
const TIMEOUT_MS = 1_000;

/** Polls `check` every 50 ms for at most `timeoutMs` (a count, never a duration, is asserted). */
async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('A bad answer from GreenLake on a parsed route → 502 UPSTREAM_BAD_RESPONSE', () => {
  let gw: TestGateway;
  let taskId: string;

  beforeAll(async () => {
    gw = await startTestGateway({
      env: {
        // Each call must meet GreenLake's odd answer, not a cached good one
        GATEWAY_CACHE: 'off',
        UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
        UPSTREAM_MAX_BODY_BYTES: String(MAX_BODY_BYTES),
        TASK_POLL_MIN_MS: '50',
        TASK_POLL_MAX_MS: '100',
      },
    });
    const tasks = await request(gw.url).get(`${REGION}/tasks?limit=1`).set(DEV_KEY).expect(200);
    taskId = (tasks.body as { items: { id: string }[] }).items[0].id;
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.simulator.controls.reset());

  const badly = (answer: BadAnswer, pathPrefix?: string) =>
    gw.simulator.controls.answerBadlyNext(1, answer, pathPrefix ? { pathPrefix } : undefined);

  const expectBadResponse = (res: request.Response) => {
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      statusCode: 502,
      code: 'UPSTREAM_BAD_RESPONSE',
      message: expect.any(String),
      requestId: expect.any(String),
    });
    expect(res.text).not.toMatch(/<html|DOCTYPE/i);
  };

  const routes = () => [
    '/tags',
    '/tags?all=true',
    '/issues',
    '/storage-locations',
    '/secrets',
    '/software-releases',
    '/settings',
    '/dual-auth-operations',
    `/tasks/${taskId}`,
    `/tasks/${taskId}/wait?timeoutSeconds=5`,
  ];

  it.each(['html', 'broken-json'] as const)(
    'a %s 200 on every parsed route → 502',
    async (kind) => {
      for (const route of routes()) {
        gw.simulator.controls.reset();
        badly({ kind });
        const res = await request(gw.url).get(`${REGION}${route}`).set(DEV_KEY);
        expect([route, res.status]).toEqual([route, 502]);
        expectBadResponse(res);
      }
    },
  );

  it.each<[string, unknown]>([
    ['/tags', { items: 'nope', count: 0 }],
    ['/tags', { count: 0 }],
    ['/tags?all=true', { items: null, total: 3 }],
    ['/secrets', { items: [1, 2], count: 2 }],
    ['/issues', [{ id: 'i1' }]],
    [`/tasks/TASK`, ['not', 'a', 'task']],
    [`/tasks/TASK`, 'a string'],
    [`/tasks/TASK/wait?timeoutSeconds=5`, 42],
  ])('%s answered with the wrong shape %j → 502', async (route, body) => {
    badly({ kind: 'json', body });
    const res = await request(gw.url)
      .get(`${REGION}${route.replace('TASK', taskId)}`)
      .set(DEV_KEY);
    expect(res.status).toBe(502);
    expectBadResponse(res);
  });

  it('an HTML page on a page after the first of all=true → 502', async () => {
    // The first page claims five tags and brings one, so a second page is asked for: that one is HTML
    const first = await request(gw.url).get(`${REGION}/tags?limit=1`).set(DEV_KEY).expect(200);
    expect(first.body.total).toBeGreaterThan(0);
    gw.simulator.controls.answerBadlyNext(1, {
      kind: 'json',
      body: { items: [{ id: 't', key: 'k', value: 'v' }], count: 1, offset: 0, total: 5 },
    });
    badly({ kind: 'html' });
    const res = await request(gw.url).get(`${REGION}/tags?all=true`).set(DEV_KEY);
    expect(res.status).toBe(502);
    expectBadResponse(res);
  });

  it('/events ends with event: error UPSTREAM_BAD_RESPONSE instead of polling on', async () => {
    badly({ kind: 'html' });
    const sse = new SseClient(gw.url, `${REGION}/tasks/${taskId}/events`, DEV_KEY);
    try {
      await sse.opened();
      // Either refused before the stream opens, or told in the stream; never a progress event
      if (sse.status === 200) {
        await sse.until(() => sse.ended, 'the stream to end', 10_000);
        expect(sse.messages.map((message) => message.event)).toEqual(['error']);
        expect(JSON.parse(sse.messages[0].data)).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
      } else {
        expect(sse.status).toBe(502);
      }
    } finally {
      sse.close();
    }
  });

  it(`a body over UPSTREAM_MAX_BODY_BYTES on a parsed route → 502, and the gateway stays up`, async () => {
    badly({ kind: 'huge', bytes: MAX_BODY_BYTES * 3 });
    const res = await request(gw.url).get(`${REGION}/tags`).set(DEV_KEY);
    expect(res.status).toBe(502);
    expectBadResponse(res);
    expect(res.body.message).toMatch(/larger than 1000000 bytes/);
    await request(gw.url).get('/health/live').expect(200);
  });

  it('a body just under UPSTREAM_MAX_BODY_BYTES is still answered', async () => {
    badly({ kind: 'huge', bytes: MAX_BODY_BYTES - 1000 });
    await request(gw.url).get(`${REGION}/tags`).set(DEV_KEY).expect(200);
  });

  it('pass-through streams a body over UPSTREAM_MAX_BODY_BYTES byte for byte', async () => {
    badly({ kind: 'huge', bytes: MAX_BODY_BYTES * 3 });
    const res = await rawRequest(gw.url, 'GET', `${REGION}/proxy${DS}/tags`, DEV_KEY);
    expect(res.status).toBe(200);
    expect(res.text.length).toBe(MAX_BODY_BYTES * 3);
  });

  it('pass-through passes an HTML 200 on as it is (GreenLake’s answer, not parsed)', async () => {
    badly({ kind: 'html' });
    const res = await rawRequest(gw.url, 'GET', `${REGION}/proxy${DS}/tags`, DEV_KEY);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });

  it('a slow-drip body is cut at UPSTREAM_TIMEOUT_MS → 504 (the body is part of the answer)', async () => {
    // 48 bytes at 250 ms: 12 s for the whole body, far past the 1 s timeout
    badly({ kind: 'slow-drip', intervalMs: 250 });
    const res = await request(gw.url).get(`${REGION}/tags`).set(DEV_KEY);
    expect(res.status).toBe(504);
    expect(res.body.code).toBe('UPSTREAM_TIMEOUT');
    // The gateway stopped reading: the drip's socket closes long before its 12 s
    expect(await eventually(() => gw.simulator.controls.openDrips() === 0, 5_000)).toBe(true);
  });
});

describe('A caller that leaves cancels the upstream read', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ env: { UPSTREAM_TIMEOUT_MS: '120000', GATEWAY_CACHE: 'off' } });
  });
  afterAll(() => gw.close());

  it('the drip stops once the caller hangs up, well before the timeout', async () => {
    await request(gw.url).get(`${REGION}/tags`).set(DEV_KEY).expect(200); // warm the token
    gw.simulator.controls.answerBadlyNext(1, { kind: 'slow-drip', intervalMs: 1_000 });
    const caller = new SseClient(gw.url, `${REGION}/tags`, DEV_KEY);
    expect(await eventually(() => gw.simulator.controls.openDrips() === 1, 5_000)).toBe(true);
    caller.close();
    // Without cancellation the drip runs its 48 s; with it, the socket closes at once
    expect(await eventually(() => gw.simulator.controls.openDrips() === 0, 5_000)).toBe(true);
  });
});
