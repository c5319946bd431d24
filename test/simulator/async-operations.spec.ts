import { type RunningSimulator, startSimulator } from 'src/simulator';
import type {
  AsyncOperationWire,
  BlockStorageTaskResponseWire,
} from 'src/upstream/wire/async-operation.wire';
import type { GreenLakeErrorWire } from 'src/upstream/wire/error.wire';
import type { ListWire } from 'src/upstream/wire/list.wire';
import { DS, type RegionApi, connect, eventually, sleep } from './simulator-harness';

const STEP_MS = 50;
const LOCATION = /^\/data-services\/v1beta1\/async-operations\/[0-9a-f-]{36}$/;

describe('async operations and pass-through families', () => {
  let sim: RunningSimulator;
  let api: RegionApi;

  beforeAll(async () => {
    sim = await startSimulator({ operationStepMs: STEP_MS, suggestedPollingIntervalSeconds: 7 });
    api = await connect(sim);
  });
  afterAll(() => sim.stop());

  const operationAt = async (location: string): Promise<AsyncOperationWire> => {
    const reply = await api.get<AsyncOperationWire>(location);
    expect(reply.status).toBe(200);
    return reply.body;
  };

  /** Polls faster than the step, recording every distinct state the operation shows. */
  const follow = async (location: string): Promise<AsyncOperationWire[]> => {
    const seen: AsyncOperationWire[] = [];
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const operation = await operationAt(location);
      if (seen.at(-1)?.generation !== operation.generation) {
        seen.push(operation);
      }
      if (operation.state === 'SUCCEEDED' || operation.state === 'FAILED') {
        return seen;
      }
      await sleep(STEP_MS / 5);
    }
    throw new Error(`operation ${location} did not end`);
  };

  it('accepts POST /virtualization/.../virtual-machines with 202, a relative Location and {}', async () => {
    const accepted = await api.write('POST', '/virtualization/v1beta1/virtual-machines', {
      name: 'web-01',
    });
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('location')).toMatch(LOCATION);
    expect(accepted.body).toEqual({});
  });

  it('advances INITIALIZED → RUNNING (rising progress, growing log) → SUCCEEDED', async () => {
    const accepted = await api.write('POST', '/virtualization/v1beta1/virtual-machines', {
      name: 'web-02',
    });
    const location = accepted.headers.get('location')!;
    const seen = await follow(location);
    const states = seen.map((operation) => operation.state);
    expect(states[0]).toBe('INITIALIZED');
    expect(states).toContain('RUNNING');
    expect(states.at(-1)).toBe('SUCCEEDED');
    const progress = seen.map((operation) => operation.progressPercent!);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(
      new Set(progress.filter((_, index) => states[index] === 'RUNNING')).size,
    ).toBeGreaterThan(1);
    const logLengths = seen.map((operation) => operation.logMessages!.length);
    expect(logLengths).toEqual([...logLengths].sort((a, b) => a - b));
    expect(logLengths.at(-1)).toBe(6);
    const done = seen.at(-1)!;
    expect(done).toMatchObject({
      type: 'task',
      progressPercent: 100,
      generation: 6,
      resourceUri: location,
      services: ['virtualization'],
      suggestedPollingIntervalSeconds: 7,
      endedAt: expect.any(String),
      sourceResourceUri: expect.stringMatching(
        /^\/virtualization\/v1beta1\/virtual-machines\/[0-9a-f-]{36}$/,
      ),
      error: null,
    });
    for (const message of done.logMessages!) {
      expect(message).toEqual({ message: expect.any(String), timestamp: expect.any(String) });
    }
    const machines = await api.get<ListWire<{ id: string; name: string }>>(
      '/virtualization/v1beta1/virtual-machines',
    );
    expect(machines.body.items.map((machine) => machine.name)).toContain('web-02');
    const machineId = done.sourceResourceUri!.split('/').at(-1)!;
    expect((await api.get(`/virtualization/v1beta1/virtual-machines/${machineId}`)).status).toBe(
      200,
    );
  });

  it('ends FAILED, with an error, when the body name starts with "fail"', async () => {
    const accepted = await api.write('POST', '/backup-recovery/v1beta1/protection-jobs', {
      name: 'FAIL-nightly',
    });
    const seen = await follow(accepted.headers.get('location')!);
    expect(seen.at(-1)).toMatchObject({
      state: 'FAILED',
      healthStatus: 'ERROR',
      services: ['backup-and-recovery'],
      sourceResourceUri: null,
      error: {
        error: expect.any(String),
        errorCode: expect.any(String),
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
  });

  it('does not list a machine whose creation failed, and removes one once deleted', async () => {
    const failing = await api.write('POST', '/virtualization/v1beta1/virtual-machines', {
      name: 'fail-vm',
    });
    await follow(failing.headers.get('location')!);
    const created = await api.write('POST', '/virtualization/v1beta1/virtual-machines', {
      name: 'doomed',
    });
    const machineId = (await follow(created.headers.get('location')!))
      .at(-1)!
      .sourceResourceUri!.split('/')
      .at(-1)!;
    const names = async (): Promise<string[]> =>
      (
        await api.get<ListWire<{ name: string }>>(
          '/virtualization/v1beta1/virtual-machines?limit=1000',
        )
      ).body.items.map((m) => m.name);
    expect(await names()).toContain('doomed');
    expect(await names()).not.toContain('fail-vm');
    const deleted = await api.write(
      'DELETE',
      `/virtualization/v1beta1/virtual-machines/${machineId}`,
    );
    expect(deleted.status).toBe(202);
    await follow(deleted.headers.get('location')!);
    expect(await names()).not.toContain('doomed');
  });

  it.each([
    [
      'PATCH',
      '/backup-recovery/v1beta1/data-orchestrators/2b0b1f7e-6d1c-4a39-9a5e-0d6a1f2b3c4d',
      'backup-and-recovery',
    ],
    [
      'DELETE',
      '/backup-recovery/v1beta1/application-hosts/2b0b1f7e-6d1c-4a39-9a5e-0d6a1f2b3c4d',
      'backup-and-recovery',
    ],
    [
      'POST',
      '/private-cloud-business/v1beta1/systems/2b0b1f7e-6d1c-4a39-9a5e-0d6a1f2b3c4d/software-update',
      'private-cloud-business-edition',
    ],
    [
      'PUT',
      '/virtualization/v1beta1/datastores/2b0b1f7e-6d1c-4a39-9a5e-0d6a1f2b3c4d',
      'virtualization',
    ],
  ] as const)('accepts %s %s as an operation of %s', async (method, path, service) => {
    const accepted = await api.write(
      method,
      path,
      method === 'DELETE' ? undefined : { description: 'x' },
    );
    expect(accepted.status).toBe(202);
    const operation = await operationAt(accepted.headers.get('location')!);
    expect(operation.services).toEqual([service]);
    expect(operation.displayName).toContain(path);
  });

  it('answers block-storage with the taskResponse body', async () => {
    const accepted = await api.write<BlockStorageTaskResponseWire>(
      'POST',
      '/block-storage/v1alpha1/devtype4-storage-systems/SYS1/applicationsets',
      { name: 'set-1' },
    );
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({
      taskUri: accepted.headers.get('location'),
      status: 'SUBMITTED',
      message: expect.any(String),
    });
    expect(accepted.body.taskUri).toMatch(LOCATION);
  });

  it('answers 404 for other GETs of those families and 400 for malformed JSON', async () => {
    const missing = await api.get<GreenLakeErrorWire>('/backup-recovery/v1beta1/protection-jobs');
    expect(missing.status).toBe(404);
    expect(missing.body.errorCode).toBe('HPE_GL_ERROR_NOT_FOUND');
    const malformed = await api.write<GreenLakeErrorWire>(
      'POST',
      '/virtualization/v1beta1/virtual-machines',
      '{"name":',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/not valid JSON/);
  });

  it('lists created operations with the seeded ones, filterable by service', async () => {
    const accepted = await api.write('POST', '/virtualization/v1beta1/virtual-machines', {
      name: 'listed',
    });
    const id = accepted.headers.get('location')!.split('/').at(-1);
    const list = await api.get<ListWire<AsyncOperationWire>>(
      `${DS}/async-operations?limit=1000&filter=${encodeURIComponent(`id eq '${id}'`)}`,
    );
    expect(list.body.items.map((operation) => operation.id)).toEqual([id]);
    const all = await api.get<ListWire<AsyncOperationWire>>(`${DS}/async-operations?limit=1`);
    expect(all.body.total).toBeGreaterThan(250);
  });

  it('paces operations created after setOperationStepMs by the new step', async () => {
    sim.controls.setOperationStepMs(60_000);
    try {
      const slow = await api.write('POST', '/virtualization/v1beta1/virtual-machines', {
        name: 'slow',
      });
      await sleep(STEP_MS * 3);
      expect((await operationAt(slow.headers.get('location')!)).state).toBe('INITIALIZED');
    } finally {
      sim.controls.setOperationStepMs(STEP_MS);
    }
    const fast = await api.write('POST', '/virtualization/v1beta1/virtual-machines', {
      name: 'fast',
    });
    const done = await eventually(
      () => operationAt(fast.headers.get('location')!),
      (operation) => operation.state === 'SUCCEEDED',
    );
    expect(done.state).toBe('SUCCEEDED');
  });

  it('answers 400 for a malformed operation id and 404 for an unknown one', async () => {
    const malformed = await api.get<GreenLakeErrorWire>(`${DS}/async-operations/nope`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errorCode).toBe('INVALID_PARAMETER');
    const unknown = await api.get<GreenLakeErrorWire>(
      `${DS}/async-operations/00000000-0000-4000-8000-000000000000`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorCode).toBe('NOT_FOUND');
  });
});
