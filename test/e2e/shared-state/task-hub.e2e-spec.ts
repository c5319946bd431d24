import Redis from 'ioredis';
import request from 'supertest';
import { TaskCallbacksService } from 'src/resources/tasks/callbacks/task-callbacks.service';
import { TaskHub } from 'src/resources/tasks/hub/task-hub.service';
import { operationScripts, RunningSimulator, startSimulator } from 'src/simulator';
import { CallbackReceiver, hasValidSignature } from 'test/utils/callback-receiver';
import { SharedTestRedis, startSharedRedis } from 'test/utils/redis-server';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/us-west';
const CREATE_VM = `${REGION}/proxy/virtualization/v1beta1/virtual-machines`;
const OPERATIONS = '/data-services/v1beta1/async-operations';
const SECRET = 'callback-secret-for-tests';

interface Accepted {
  taskId: string;
  taskUrl: string;
  callbacksUrl: string;
}

describe('Task hub across replicas on a real Redis', () => {
  let redis: SharedTestRedis;
  let client: Redis;
  let simulator: RunningSimulator;
  let receiver: CallbackReceiver;
  const open = new Set<TestGateway>();

  const startReplica = async (): Promise<TestGateway> => {
    const gw = await startTestGateway({
      sharedSimulator: simulator,
      env: {
        ...redis.env,
        GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
        TASK_POLL_MIN_MS: '100',
        TASK_POLL_MAX_MS: '400',
        GATEWAY_CALLBACK_HOSTS: receiver.hostPort,
        GATEWAY_CALLBACK_SECRET: SECRET,
      },
    });
    open.add(gw);
    return gw;
  };
  const closeReplica = async (gw: TestGateway): Promise<void> => {
    open.delete(gw);
    await gw.close();
  };
  const startTask = async (gw: TestGateway, endMs: number): Promise<Accepted> => {
    simulator.controls.scriptNextOperations(operationScripts.endsAfter(endMs, 4, 1));
    const res = await request(gw.url).post(CREATE_VM).set(DEV_KEY).send({ name: 'vm' }).expect(202);
    return res.body as Accepted;
  };
  const pollsOf = (taskId: string): number =>
    simulator.controls.requests({ method: 'GET', pathPrefix: `${OPERATIONS}/${taskId}` }).length;
  const hubPolls = (gw: TestGateway): number => gw.app.get(TaskHub).snapshot().polls;
  const waiters = (gw: TestGateway, accepted: Accepted, count: number) =>
    Array.from({ length: count }, () =>
      request(gw.url).get(`${accepted.taskUrl}/wait?timeoutSeconds=60`).set(DEV_KEY),
    );

  const untilNoLease = async (key: string): Promise<boolean> => {
    const deadline = Date.now() + 10_000;
    while ((await client.exists(key)) === 1) {
      if (Date.now() > deadline) {
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  };

  beforeAll(async () => {
    redis = await startSharedRedis();
    client = redis.client();
    simulator = await startSimulator({ quiet: true });
    receiver = await new CallbackReceiver().start();
  });
  afterAll(async () => {
    for (const gw of open) {
      await gw.close();
    }
    client.disconnect();
    await receiver.stop();
    await simulator.stop();
    await redis.stop();
  });

  it('two replicas with 10 waiters each: one replica polls, for the polls of one waiter', async () => {
    const a = await startReplica();
    const b = await startReplica();
    try {
      const alone = await startTask(a, 1_500);
      await request(a.url).get(`${alone.taskUrl}/wait?timeoutSeconds=60`).set(DEV_KEY).expect(200);
      const oneWaiter = pollsOf(alone.taskId);

      const [pollsA, pollsB] = [hubPolls(a), hubPolls(b)];
      const shared = await startTask(a, 1_500);
      const answers = await Promise.all([...waiters(a, shared, 10), ...waiters(b, shared, 10)]);
      expect(
        answers.map((res) => `${res.status} ${(res.body as { state: string }).state}`),
      ).toEqual(Array.from({ length: 20 }, () => '200 SUCCEEDED'));
      expect(pollsOf(shared.taskId)).toBeLessThanOrEqual(oneWaiter + 1);
      // One poller at a time: here one replica did every poll, the other only listened
      const byReplica = [hubPolls(a) - pollsA, hubPolls(b) - pollsB].sort();
      expect(byReplica[0]).toBe(0);
      expect(byReplica[1]).toBe(pollsOf(shared.taskId));
      process.stdout.write(
        `2 replicas x 10 waiters: ${pollsOf(shared.taskId)} polls (by replica ${byReplica.join('/')}); one waiter: ${oneWaiter}\n`,
      );
      // The lease is given back once nobody waits
      expect(await untilNoLease(`gw:task:{default:us-west:${shared.taskId}}:lease`)).toBe(true);
    } finally {
      await closeReplica(a);
      await closeReplica(b);
    }
  });

  it('when the polling replica shuts down, the other takes over and its waiters still get the end', async () => {
    const a = await startReplica();
    const b = await startReplica();
    try {
      const accepted = await startTask(a, 2_500);
      const onA = waiters(a, accepted, 3).map((pending) => pending.then((res) => res));
      // A holds the lease (its waiters came first) before B's waiters arrive
      const deadline = Date.now() + 15_000;
      while (hubPolls(a) === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const onB = waiters(b, accepted, 3).map((pending) => pending.then((res) => res));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await closeReplica(a);
      // A's waiters got their final answer at shutdown: the task as it stands
      expect((await Promise.all(onA)).map((res) => res.status)).toEqual([202, 202, 202]);
      const answers = await Promise.all(onB);
      expect(
        answers.map((res) => `${res.status} ${(res.body as { state: string }).state}`),
      ).toEqual(['200 SUCCEEDED', '200 SUCCEEDED', '200 SUCCEEDED']);
      expect(hubPolls(b)).toBeGreaterThan(0);
    } finally {
      await closeReplica(b);
    }
  });

  it('a lease left by a dead replica blocks polling only until it expires, then moves', async () => {
    const b = await startReplica();
    try {
      const accepted = await startTask(b, 200);
      // A replica that died while holding the lease: nobody renews it
      const lease = `gw:task:{default:us-west:${accepted.taskId}}:lease`;
      await client.set(lease, 'dead-replica', 'PX', 5_000);
      const waiting = request(b.url)
        .get(`${accepted.taskUrl}/wait?timeoutSeconds=60`)
        .set(DEV_KEY)
        .then((res) => res);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(pollsOf(accepted.taskId)).toBe(0);
      const res = await waiting;
      expect(res.status).toBe(200);
      expect(res.body.state).toBe('SUCCEEDED');
      // Given back once nobody waits (the watch ends just after the answer)
      expect(await untilNoLease(lease)).toBe(true);
    } finally {
      await closeReplica(b);
    }
  });

  it('a callback registered before a restart is delivered after it, once and signed', async () => {
    receiver.received.length = 0;
    const a = await startReplica();
    const accepted = await startTask(a, 3_000);
    const res = await request(a.url)
      .post(accepted.callbacksUrl)
      .set(DEV_KEY)
      .send({ url: receiver.url('/after-restart') })
      .expect(202);
    await closeReplica(a);
    expect(receiver.received).toHaveLength(0);
    expect(await client.smembers('gw:taskcallbacks:pending')).toHaveLength(1);

    const b = await startReplica();
    try {
      await receiver.until(1, 'the callback after the restart');
      const [callback] = receiver.received;
      expect(hasValidSignature(callback, SECRET)).toBe(true);
      expect(callback.headers['x-gateway-callback-id']).toBe(res.body.callbackId);
      expect(JSON.parse(callback.body)).toMatchObject({
        task: { id: accepted.taskId, state: 'SUCCEEDED' },
      });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(receiver.received).toHaveLength(1);
      expect(await client.smembers('gw:taskcallbacks:pending')).toEqual([]);
    } finally {
      await closeReplica(b);
    }
  });

  it('two replicas following one callback deliver it once', async () => {
    receiver.received.length = 0;
    const a = await startReplica();
    const b = await startReplica();
    try {
      const accepted = await startTask(a, 12_000);
      await request(a.url)
        .post(accepted.callbacksUrl)
        .set(DEV_KEY)
        .send({ url: receiver.url() })
        .expect(202);
      // B finds it in Redis on its scan (every 5 s) and follows the task too
      const following = (gw: TestGateway): number =>
        gw.app.get(TaskCallbacksService).snapshot().following;
      const deadline = Date.now() + 11_000;
      while (following(b) === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect([following(a), following(b)]).toEqual([1, 1]);
      await receiver.until(1, 'the callback');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(receiver.received).toHaveLength(1);
      const delivered = [a, b].map((gw) => gw.app.get(TaskCallbacksService).snapshot().delivered);
      expect(delivered.sort()).toEqual([0, 1]);
    } finally {
      await closeReplica(a);
      await closeReplica(b);
    }
  }, 60_000);
});
