import request from 'supertest';
import { operationScripts, type OperationScript } from 'src/simulator';
import { CallbackReceiver, hasValidSignature } from 'test/utils/callback-receiver';
import { SseClient } from 'test/utils/sse-client';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/us-west';
const CREATE_VM = `${REGION}/proxy/virtualization/v1beta1/virtual-machines`;
const OPERATIONS = '/data-services/v1beta1/async-operations';
const SECRET = 'callback-secret-for-tests';
const FAST = {
  TASK_POLL_MIN_MS: '100',
  TASK_POLL_MAX_MS: '400',
  GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
};

interface Accepted {
  taskId: string;
  taskUrl: string;
  callbacksUrl: string;
}

interface Progress {
  state: string;
  progressPercent: number;
}

async function startTask(gw: TestGateway, script?: OperationScript): Promise<Accepted> {
  if (script) {
    gw.simulator.controls.scriptNextOperations(script);
  }
  const res = await request(gw.url).post(CREATE_VM).set(DEV_KEY).send({ name: 'vm' }).expect(202);
  return res.body as Accepted;
}

const pollsOf = (gw: TestGateway, taskId: string): number =>
  gw.simulator.controls.requests({ method: 'GET', pathPrefix: `${OPERATIONS}/${taskId}` }).length;

describe('Task hub: one poller per task, GreenLake states as they are', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ env: FAST });
  });
  afterAll(() => gw.close());

  it('20 concurrent /wait on one task all end SUCCEEDED for the polls of one waiter', async () => {
    const script = operationScripts.endsAfter(1_500, 4, 1);
    const alone = await startTask(gw, script);
    await request(gw.url).get(`${alone.taskUrl}/wait?timeoutSeconds=30`).set(DEV_KEY).expect(200);
    const oneWaiter = pollsOf(gw, alone.taskId);

    const shared = await startTask(gw, script);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(gw.url).get(`${shared.taskUrl}/wait?timeoutSeconds=30`).set(DEV_KEY),
      ),
    );
    expect(answers.map((res) => `${res.status} ${(res.body as { state: string }).state}`)).toEqual(
      Array.from({ length: 20 }, () => '200 SUCCEEDED'),
    );
    // Without the hub: 20 first reads alone, and 20 polls per interval after them
    expect(pollsOf(gw, shared.taskId)).toBeLessThanOrEqual(oneWaiter + 1);
    process.stdout.write(
      `20 waiters: ${pollsOf(gw, shared.taskId)} polls; one waiter: ${oneWaiter} polls\n`,
    );
  });

  it('/wait and /events share the poller too', async () => {
    const accepted = await startTask(gw, operationScripts.endsAfter(1_000, 4, 1));
    const streams = Array.from(
      { length: 5 },
      () => new SseClient(gw.url, `${accepted.taskUrl}/events`, DEV_KEY),
    );
    const waits = await Promise.all(
      Array.from({ length: 5 }, () =>
        request(gw.url).get(`${accepted.taskUrl}/wait?timeoutSeconds=30`).set(DEV_KEY),
      ),
    );
    for (const stream of streams) {
      await stream.until(() => stream.ended, 'the end of the stream');
      expect(stream.events<{ state: string }>('done')).toEqual([
        expect.objectContaining({ state: 'SUCCEEDED' }),
      ]);
    }
    expect(waits.every((res) => res.status === 200)).toBe(true);
    // 10 followers; about 1 s of a 100 ms-doubling schedule is 5 or 6 polls
    expect(pollsOf(gw, accepted.taskId)).toBeLessThanOrEqual(8);
  });

  it('TIMEDOUT does not end a task: /wait goes on to SUCCEEDED, /events shows both', async () => {
    const accepted = await startTask(gw, operationScripts.timedOutThenSucceeded(500));
    const sse = new SseClient(gw.url, `${accepted.taskUrl}/events`, DEV_KEY);
    const res = await request(gw.url)
      .get(`${accepted.taskUrl}/wait?timeoutSeconds=30`)
      .set(DEV_KEY)
      .expect(200);
    expect(res.body).toMatchObject({
      id: accepted.taskId,
      state: 'SUCCEEDED',
      progressPercent: 100,
    });
    await sse.until(() => sse.ended, 'the end of the stream');
    const states = sse.events<Progress>('progress').map((event) => event.state);
    expect(states).toContain('TIMEDOUT');
    expect(states[states.length - 1]).toBe('SUCCEEDED');
  });

  it('a task that reports `status` instead of `state` is followed the same way', async () => {
    const accepted = await startTask(gw, operationScripts.statusStyle(1_000));
    const sse = new SseClient(gw.url, `${accepted.taskUrl}/events`, DEV_KEY);
    const res = await request(gw.url)
      .get(`${accepted.taskUrl}/wait?timeoutSeconds=30`)
      .set(DEV_KEY)
      .expect(200);
    expect(res.body.status).toBe('SUCCEEDED');
    expect(res.body.state).toBeUndefined();
    await sse.until(() => sse.ended, 'the end of the stream');
    expect(sse.events<Progress>('progress').map((event) => event.state)).toContain('RUNNING');
    expect(sse.events<{ status: string }>('done')).toEqual([
      expect.objectContaining({ status: 'SUCCEEDED' }),
    ]);
  });

  it.each(['PAUSED', 'SOMETHING_NEW'])(
    '%s keeps polling until the caller’s timeout (202)',
    async (state) => {
      const accepted = await startTask(gw, { steps: [{ atMs: 0, state, progressPercent: 30 }] });
      const res = await request(gw.url)
        .get(`${accepted.taskUrl}/wait?timeoutSeconds=1`)
        .set(DEV_KEY)
        .expect(202);
      expect(res.body.state).toBe(state);
      // First read, then 100, 200, 400 ms...: polled during the second, not just once
      expect(pollsOf(gw, accepted.taskId)).toBeGreaterThanOrEqual(3);
    },
  );

  it('callbacks are off without GATEWAY_CALLBACK_HOSTS: 400 naming the variable', async () => {
    const accepted = await startTask(gw);
    const res = await request(gw.url)
      .post(accepted.callbacksUrl)
      .set(DEV_KEY)
      .send({ url: 'http://127.0.0.1:9/hook' })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.body.message).toContain('GATEWAY_CALLBACK_HOSTS');
  });
});

describe('A task that ends 10 s after creation while GreenLake suggests 30 s between polls', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    // The default TASK_POLL_MIN_MS (1000) and TASK_POLL_MAX_MS (30000): real figures
    gw = await startTestGateway({ env: { GATEWAY_RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(() => gw.close());

  it('is reported by /wait about 15 s after creation (polls at 1, 3, 7, 15 s), with progress steps on /events', async () => {
    const started = Date.now();
    const accepted = await startTask(gw, operationScripts.endsAfter(10_000, 4, 30));
    const sse = new SseClient(gw.url, `${accepted.taskUrl}/events`, DEV_KEY);
    const res = await request(gw.url)
      .get(`${accepted.taskUrl}/wait?timeoutSeconds=60`)
      .set(DEV_KEY)
      .expect(200);
    const reportedAfterMs = Date.now() - started;
    expect(res.body.state).toBe('SUCCEEDED');
    // Schedule bound: the first poll at or after 10 s is the one 15 s after the first read (the
    // suggested 30 s would report it at 30 s); generous slack for a loaded machine
    expect(reportedAfterMs).toBeGreaterThanOrEqual(10_000);
    expect(reportedAfterMs).toBeLessThan(22_000);
    expect(pollsOf(gw, accepted.taskId)).toBeLessThanOrEqual(6);
    await sse.until(() => sse.ended, 'the end of the stream');
    const percents = sse.events<Progress>('progress').map((event) => event.progressPercent);
    expect(
      percents.filter((percent) => percent > 0 && percent < 100).length,
    ).toBeGreaterThanOrEqual(2);
    expect(percents[percents.length - 1]).toBe(100);
    process.stdout.write(
      `10 s task with suggested 30 s reported by /wait after ${reportedAfterMs} ms\n`,
    );
  }, 60_000);
});

describe('Task callbacks (no Redis)', () => {
  let gw: TestGateway;
  let receiver: CallbackReceiver;
  let elsewhere: CallbackReceiver;

  beforeAll(async () => {
    receiver = await new CallbackReceiver().start();
    elsewhere = await new CallbackReceiver().start();
    gw = await startTestGateway({
      env: {
        ...FAST,
        GATEWAY_CALLBACK_HOSTS: receiver.hostPort,
        GATEWAY_CALLBACK_SECRET: SECRET,
      },
    });
  });
  afterAll(async () => {
    await gw.close();
    await receiver.stop();
    await elsewhere.stop();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.script.length = 0;
    elsewhere.received.length = 0;
  });

  it('POSTs {task} once, signed, when the task ends', async () => {
    const accepted = await startTask(gw, operationScripts.endsAfter(600, 2, 1));
    const res = await request(gw.url)
      .post(accepted.callbacksUrl)
      .set(DEV_KEY)
      .send({ url: receiver.url('/done?team=a') })
      .expect(202);
    expect(res.body).toEqual({ callbackId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await receiver.until(1, 'the callback');
    const [callback] = receiver.received;
    expect(hasValidSignature(callback, SECRET)).toBe(true);
    expect(hasValidSignature(callback, 'another-secret-entirely')).toBe(false);
    expect(callback.headers['content-type']).toBe('application/json');
    expect(callback.headers['x-gateway-callback-id']).toBe(res.body.callbackId);
    const body = JSON.parse(callback.body) as { task: { id: string; state: string } };
    expect(body.task).toMatchObject({ id: accepted.taskId, state: 'SUCCEEDED' });
    // Once: nothing more arrives while the gateway would have retried
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.received).toHaveLength(1);
  });

  it('retries with backoff: a receiver failing twice gets it on the third try', async () => {
    receiver.script.push({ status: 500 }, { status: 503 });
    const accepted = await startTask(gw, operationScripts.endsAfter(300, 1, 1));
    await request(gw.url)
      .post(accepted.callbacksUrl)
      .set(DEV_KEY)
      .send({ url: receiver.url() })
      .expect(202);
    await receiver.until(3, 'three attempts');
    expect(receiver.received.map((callback) => callback.status)).toEqual([500, 503, 204]);
    expect(new Set(receiver.received.map((callback) => callback.body)).size).toBe(1);
    expect(receiver.received.every((callback) => hasValidSignature(callback, SECRET))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.received).toHaveLength(3);
  });

  it('follows no redirect: a 302 is a failed attempt and the other host is never contacted', async () => {
    receiver.script.push({ status: 302, location: elsewhere.url() });
    const accepted = await startTask(gw, operationScripts.endsAfter(300, 1, 1));
    await request(gw.url)
      .post(accepted.callbacksUrl)
      .set(DEV_KEY)
      .send({ url: receiver.url() })
      .expect(202);
    await receiver.until(2, 'the retry after the redirect');
    expect(receiver.received.map((callback) => callback.status)).toEqual([302, 204]);
    expect(elsewhere.received).toEqual([]);
  });

  it('is sent at once for a task that has already ended', async () => {
    const accepted = await startTask(gw, operationScripts.endsAfter(100, 1, 1));
    await request(gw.url)
      .get(`${accepted.taskUrl}/wait?timeoutSeconds=30`)
      .set(DEV_KEY)
      .expect(200);
    await request(gw.url)
      .post(accepted.callbacksUrl)
      .set(DEV_KEY)
      .send({ url: receiver.url() })
      .expect(202);
    await receiver.until(1, 'the callback');
    expect(JSON.parse(receiver.received[0].body).task.state).toBe('SUCCEEDED');
  });

  it.each([
    ['a host outside the allow-list', () => elsewhere.url(), 'is not in GATEWAY_CALLBACK_HOSTS'],
    [
      'the allowed host on another port',
      () => `http://127.0.0.1:1/hook`,
      'is not in GATEWAY_CALLBACK_HOSTS',
    ],
    [
      'a name that may resolve to the allowed address',
      () => `http://localhost:${receiver.port}/`,
      'is not in GATEWAY_CALLBACK_HOSTS',
    ],
    [
      'credentials in the URL',
      () => `http://user:pw@${receiver.hostPort}/`,
      'must not carry credentials',
    ],
    ['another scheme', () => `ftp://${receiver.hostPort}/`, 'http or https'],
    ['a relative URL', () => '/hook', 'http or https'],
  ])('refuses %s with 400 and contacts nobody', async (_what, url, message) => {
    const accepted = await startTask(gw);
    const res = await request(gw.url)
      .post(accepted.callbacksUrl)
      .set(DEV_KEY)
      .send({ url: url() })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain(message);
    expect(elsewhere.received).toEqual([]);
  });

  it('refuses a body without url (400) and an unknown task (404)', async () => {
    const missing = await request(gw.url)
      .post(`${REGION}/tasks/8e594a77-3809-4620-be52-74270abdf60b/callbacks`)
      .set(DEV_KEY)
      .send({})
      .expect(400);
    expect(missing.body.details.errors).toContain('url is required');
    const unknown = await request(gw.url)
      .post(`${REGION}/tasks/8e594a77-3809-4620-be52-74270abdf60b/callbacks`)
      .set(DEV_KEY)
      .send({ url: receiver.url() })
      .expect(404);
    expect(unknown.body.code).toBe('RESOURCE_NOT_FOUND');
  });

  it('needs the write scope', async () => {
    const reader = await startTestGateway({
      env: {
        ...FAST,
        GATEWAY_API_KEYS: 'reader:reader-key-123:read',
        GATEWAY_CALLBACK_HOSTS: receiver.hostPort,
        GATEWAY_CALLBACK_SECRET: SECRET,
      },
    });
    try {
      await request(reader.url)
        .post(`${REGION}/tasks/8e594a77-3809-4620-be52-74270abdf60b/callbacks`)
        .set('X-API-Key', 'reader-key-123')
        .send({ url: receiver.url() })
        .expect(403);
    } finally {
      await reader.close();
    }
  });
});
