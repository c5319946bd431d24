import request from 'supertest';
import { SseClient } from 'test/utils/sse-client';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/us-west';
const CREATE_VM = `${REGION}/proxy/virtualization/v1beta1/virtual-machines`;
const OPERATIONS = '/data-services/v1beta1/async-operations';
const POLL_MAX_MS = 200;
// Operations that will not end while a test runs
const SLOW_STEP_MS = 600_000;

interface Accepted {
  taskId: string;
  taskUrl: string;
  upstreamLocation: string;
}

interface Progress {
  state: string;
  progressPercent: number;
  logMessages: { message: string; timestamp: string }[];
}

describe('Asynchronous operations: 202 → task links, /wait and /events', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({
      simulator: { operationStepMs: 100, suggestedPollingIntervalSeconds: 1 },
      env: {
        TASK_POLL_MIN_MS: '50',
        TASK_POLL_MAX_MS: String(POLL_MAX_MS),
        TASK_EVENTS_KEEPALIVE_MS: '150',
      },
    });
  });
  afterAll(() => gw.close());
  afterEach(() => gw.simulator.controls.reset());

  async function startTask(name: string, stepMs?: number): Promise<Accepted> {
    if (stepMs !== undefined) {
      gw.simulator.controls.setOperationStepMs(stepMs);
    }
    const res = await request(gw.url).post(CREATE_VM).set(DEV_KEY).send({ name }).expect(202);
    return res.body as Accepted;
  }

  const pollsOf = (taskId: string): number =>
    gw.simulator.controls.requests({ method: 'GET', pathPrefix: `${OPERATIONS}/${taskId}` }).length;

  /** Waits (without a fixed sleep) until the simulator has answered `count` polls of the task. */
  async function untilPolled(taskId: string, count: number): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (pollsOf(taskId) < count) {
      if (Date.now() > deadline) {
        throw new Error(`the gateway polled ${taskId} only ${pollsOf(taskId)} times`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  describe('202 from GreenLake', () => {
    it('answers 202 {taskId, taskUrl, callbacksUrl, upstreamLocation} with Location on the gateway task route', async () => {
      const res = await request(gw.url)
        .post(CREATE_VM)
        .set(DEV_KEY)
        .send({ name: 'web-1' })
        .expect(202);
      const taskId = res.body.taskId as string;
      expect(taskId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(res.body).toEqual({
        taskId,
        taskUrl: `${REGION}/tasks/${taskId}`,
        callbacksUrl: `${REGION}/tasks/${taskId}/callbacks`,
        upstreamLocation: `${OPERATIONS}/${taskId}`,
      });
      expect(res.headers.location).toBe(`${REGION}/tasks/${taskId}`);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      // The task route the Location names answers with the task
      const task = await request(gw.url).get(res.headers.location).set(DEV_KEY).expect(200);
      expect(task.body.id).toBe(taskId);
    });

    it('maps Block Storage 202s (taskResponse body) the same way', async () => {
      const res = await request(gw.url)
        .post(
          `${REGION}/proxy/block-storage/v1alpha1/devtype4-storage-systems/sys-1/applicationsets`,
        )
        .set(DEV_KEY)
        .send({ name: 'set-1' })
        .expect(202);
      expect(res.body).toEqual({
        taskId: expect.any(String),
        taskUrl: `${REGION}/tasks/${res.body.taskId}`,
        callbacksUrl: `${REGION}/tasks/${res.body.taskId}/callbacks`,
        upstreamLocation: `${OPERATIONS}/${res.body.taskId}`,
      });
    });
  });

  describe('GET /tasks/{id}/wait', () => {
    it('follows the Location to SUCCEEDED', async () => {
      const accepted = await startTask('web-2');
      const res = await request(gw.url)
        .get(`${accepted.taskUrl}/wait?timeoutSeconds=60`)
        .set(DEV_KEY)
        .expect(200);
      expect(res.body).toMatchObject({
        id: accepted.taskId,
        state: 'SUCCEEDED',
        progressPercent: 100,
      });
      expect(pollsOf(accepted.taskId)).toBeGreaterThanOrEqual(2);
    });

    it("ends FAILED when GreenLake's operation fails (name fail-...)", async () => {
      const accepted = await startTask('fail-web-3');
      const res = await request(gw.url)
        .get(`${accepted.taskUrl}/wait?timeoutSeconds=60`)
        .set(DEV_KEY)
        .expect(200);
      expect(res.body.state).toBe('FAILED');
      expect(res.body.error).toMatchObject({ errorCode: expect.any(String) });
    });

    it('answers 202 with the task as it stands when timeoutSeconds passes', async () => {
      const accepted = await startTask('slow-1', SLOW_STEP_MS);
      const res = await request(gw.url)
        .get(`${accepted.taskUrl}/wait?timeoutSeconds=1`)
        .set(DEV_KEY)
        .expect(202);
      expect(res.body).toMatchObject({ id: accepted.taskId, state: 'INITIALIZED' });
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      // Polled during the second, not just once at each end
      expect(pollsOf(accepted.taskId)).toBeGreaterThanOrEqual(3);
    });

    it('timeoutSeconds=0 reads the task once', async () => {
      const accepted = await startTask('slow-2', SLOW_STEP_MS);
      await request(gw.url)
        .get(`${accepted.taskUrl}/wait?timeoutSeconds=0`)
        .set(DEV_KEY)
        .expect(202);
      expect(pollsOf(accepted.taskId)).toBe(1);
    });

    it.each([
      ['timeoutSeconds=301', 'timeoutSeconds must not be greater than 300'],
      ['timeoutSeconds=-1', 'timeoutSeconds must not be less than 0'],
      ['timeoutSeconds=soon', 'timeoutSeconds must be a whole number of seconds'],
      ['timeoutSeconds=1.5', 'timeoutSeconds must be a whole number of seconds'],
    ])('refuses %s with 400 VALIDATION_FAILED', async (query, message) => {
      const res = await request(gw.url)
        .get(`${REGION}/tasks/8e594a77-3809-4620-be52-74270abdf60b/wait?${query}`)
        .set(DEV_KEY)
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.errors).toContain(message);
    });

    it('refuses a task id that is not a UUID', async () => {
      const res = await request(gw.url)
        .get(`${REGION}/tasks/not-a-task/wait`)
        .set(DEV_KEY)
        .expect(400);
      expect(res.body.details.errors).toContain('taskId must be a UUID');
    });

    it('404 RESOURCE_NOT_FOUND for a task GreenLake does not know', async () => {
      const res = await request(gw.url)
        .get(`${REGION}/tasks/8e594a77-3809-4620-be52-74270abdf60b/wait?timeoutSeconds=5`)
        .set(DEV_KEY)
        .expect(404);
      expect(res.body).toMatchObject({ code: 'RESOURCE_NOT_FOUND', upstream: { status: 404 } });
    });

    it('needs a caller key (401 without one)', async () => {
      await request(gw.url)
        .get(`${REGION}/tasks/8e594a77-3809-4620-be52-74270abdf60b/wait`)
        .expect(401);
    });

    it('stops polling when the client hangs up', async () => {
      const accepted = await startTask('slow-3', SLOW_STEP_MS);
      const waiting = new SseClient(gw.url, `${accepted.taskUrl}/wait?timeoutSeconds=120`, DEV_KEY);
      await untilPolled(accepted.taskId, 3);
      waiting.close();
      const atClose = pollsOf(accepted.taskId);
      await new Promise((resolve) => setTimeout(resolve, POLL_MAX_MS * 5));
      // One poll may have been in flight when the client left
      expect(pollsOf(accepted.taskId)).toBeLessThanOrEqual(atClose + 1);
    });
  });

  describe('GET /tasks/{id}/events', () => {
    it('streams rising progress with only new log messages, then done, then closes', async () => {
      const accepted = await startTask('web-4');
      const sse = new SseClient(gw.url, `${accepted.taskUrl}/events`, DEV_KEY);
      await sse.opened();
      expect(sse.status).toBe(200);
      expect(sse.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(sse.headers['x-request-id']).toEqual(expect.any(String));
      await sse.until(() => sse.ended, 'the end of the stream');

      const progress = sse.events<Progress>('progress');
      expect(progress.length).toBeGreaterThanOrEqual(2);
      const percents = progress.map((event) => event.progressPercent);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(percents[percents.length - 1]).toBe(100);
      expect(progress[progress.length - 1].state).toBe('SUCCEEDED');

      const done = sse.events<{ id: string; state: string; logMessages: unknown[] }>('done');
      expect(done).toHaveLength(1);
      expect(done[0]).toMatchObject({ id: accepted.taskId, state: 'SUCCEEDED' });
      expect(sse.messages[sse.messages.length - 1].event).toBe('done');

      // Every log message of the final task was sent exactly once
      const sent = progress.flatMap((event) => event.logMessages);
      const keys = sent.map((entry) => `${entry.timestamp} ${entry.message}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(sent).toEqual(done[0].logMessages);
    });

    it('ends with done and the FAILED task for a failing operation', async () => {
      const accepted = await startTask('fail-web-5');
      const sse = new SseClient(gw.url, `${accepted.taskUrl}/events`, DEV_KEY);
      await sse.until(() => sse.ended, 'the end of the stream');
      expect(sse.events<{ state: string }>('done')).toEqual([
        expect.objectContaining({ state: 'FAILED' }),
      ]);
    });

    it('sends : keep-alive comments while nothing changes', async () => {
      const accepted = await startTask('slow-4', SLOW_STEP_MS);
      const sse = new SseClient(gw.url, `${accepted.taskUrl}/events`, DEV_KEY);
      try {
        await sse.until(() => sse.comments.length >= 2, 'two keep-alive comments');
        expect(sse.comments.slice(0, 2)).toEqual(['keep-alive', 'keep-alive']);
        // Unchanged polls send no event: only the first progress so far
        expect(sse.events<Progress>('progress')).toEqual([
          expect.objectContaining({ state: 'INITIALIZED', progressPercent: 0 }),
        ]);
      } finally {
        sse.close();
      }
    });

    it('stops polling GreenLake as soon as the client disconnects', async () => {
      const accepted = await startTask('slow-5', SLOW_STEP_MS);
      const sse = new SseClient(gw.url, `${accepted.taskUrl}/events`, DEV_KEY);
      await sse.until(() => sse.messages.length >= 1, 'the first progress event');
      await untilPolled(accepted.taskId, 4);
      sse.close();
      const atClose = pollsOf(accepted.taskId);
      await new Promise((resolve) => setTimeout(resolve, POLL_MAX_MS * 5));
      // One poll may have been in flight when the client left
      expect(pollsOf(accepted.taskId)).toBeLessThanOrEqual(atClose + 1);
    });

    it('ends with event: error in the gateway error shape when GreenLake fails mid-stream', async () => {
      const accepted = await startTask('slow-6', SLOW_STEP_MS);
      const sse = new SseClient(gw.url, `${accepted.taskUrl}/events`, DEV_KEY);
      await sse.until(() => sse.messages.length >= 1, 'the first progress event');
      gw.simulator.controls.failNext(1, 500, { pathPrefix: `${OPERATIONS}/${accepted.taskId}` });
      await sse.until(() => sse.ended, 'the end of the stream');
      const errors = sse.events<Record<string, unknown>>('error');
      expect(errors).toEqual([
        {
          statusCode: 502,
          code: 'UPSTREAM_ERROR',
          message: expect.any(String),
          requestId: sse.headers['x-request-id'],
          upstream: { status: 500, errorCode: expect.any(String), debugId: expect.any(String) },
        },
      ]);
    });

    it('answers a plain JSON 404 (no stream) for an unknown task', async () => {
      const res = await request(gw.url)
        .get(`${REGION}/tasks/8e594a77-3809-4620-be52-74270abdf60b/events`)
        .set(DEV_KEY)
        .expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.code).toBe('RESOURCE_NOT_FOUND');
    });

    it('answers 404 UNKNOWN_REGION listing the known regions', async () => {
      const res = await request(gw.url)
        .get('/v1/regions/mars/tasks/8e594a77-3809-4620-be52-74270abdf60b/events')
        .set(DEV_KEY)
        .expect(404);
      expect(res.body.code).toBe('UNKNOWN_REGION');
      expect(res.body.details.knownRegions).toContain('us-west');
    });
  });
});

describe('Shutting down with tasks being followed', () => {
  it('ends open /events streams and answers open /wait calls, so that close() does not hang', async () => {
    const gw = await startTestGateway({
      simulator: { operationStepMs: SLOW_STEP_MS },
      env: { TASK_POLL_MIN_MS: '50', TASK_POLL_MAX_MS: String(POLL_MAX_MS) },
    });
    const accepted = (
      await request(gw.url).post(CREATE_VM).set(DEV_KEY).send({ name: 'x' }).expect(202)
    ).body as Accepted;
    const polls = (): number =>
      gw.simulator.controls.requests({ pathPrefix: `${OPERATIONS}/${accepted.taskId}` }).length;
    // Started now (a supertest request starts when awaited or then-ed), answered at shutdown
    const waited = request(gw.url)
      .get(`${accepted.taskUrl}/wait?timeoutSeconds=300`)
      .set(DEV_KEY)
      .then((res) => res);
    // The wait is polling (only it reads the task so far) before the stream starts and the shutdown
    const deadline = Date.now() + 15_000;
    while (polls() < 2) {
      if (Date.now() > deadline) {
        throw new Error('the wait did not poll');
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const sse = new SseClient(gw.url, `${accepted.taskUrl}/events`, DEV_KEY);
    await sse.until(() => sse.messages.length >= 1, 'the first progress event');
    await gw.close();
    await sse.until(() => sse.ended, 'the end of the stream');
    expect(sse.events('done')).toEqual([]);
    const res = await waited;
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: accepted.taskId, state: 'INITIALIZED' });
  });
});
