import {
  type CreatedOperation,
  RUNNING_STEPS,
  hasSucceeded,
  viewOperation,
} from './operation-progress';

const created: CreatedOperation = {
  id: '11111111-2222-4333-8444-555555555555',
  createdAtMs: Date.parse('2026-01-01T00:00:00.000Z'),
  stepMs: 1000,
  outcome: 'SUCCEEDED',
  service: 'virtualization',
  displayName: 'POST /virtualization/v1beta1/virtual-machines',
  userId: 'client',
  customerId: '0123456789abcdef0123456789abcdef',
  sourceResourceUri: '/virtualization/v1beta1/virtual-machines/abc',
  associatedResources: [],
  groups: [],
  traceId: 'f'.repeat(32),
};

const at = (
  steps: number,
  operation: CreatedOperation = created,
): ReturnType<typeof viewOperation> =>
  viewOperation(operation, operation.createdAtMs + steps * operation.stepMs + 10, 30);

describe(viewOperation.name, () => {
  it('starts INITIALIZED with progress 0, one log message and generation 1', () => {
    expect(at(0)).toMatchObject({
      state: 'INITIALIZED',
      progressPercent: 0,
      generation: 1,
      startedAt: null,
      endedAt: null,
      type: 'task',
      resourceUri: `/data-services/v1beta1/async-operations/${created.id}`,
      suggestedPollingIntervalSeconds: 30,
    });
    expect(at(0).logMessages).toHaveLength(1);
  });

  it('runs with rising progress, one more log message and generation per step', () => {
    for (let step = 1; step <= RUNNING_STEPS; step += 1) {
      expect(at(step)).toMatchObject({
        state: 'RUNNING',
        progressPercent: step * 20,
        generation: step + 1,
      });
      expect(at(step).logMessages).toHaveLength(step + 1);
      expect(at(step).sourceResourceUri).toBeNull();
    }
  });

  it('ends SUCCEEDED at 100 with endedAt and sourceResourceUri, and stays there', () => {
    for (const step of [RUNNING_STEPS + 1, RUNNING_STEPS + 50]) {
      expect(at(step)).toMatchObject({
        state: 'SUCCEEDED',
        progressPercent: 100,
        generation: 6,
        endedAt: '2026-01-01T00:00:05.000Z',
        sourceResourceUri: created.sourceResourceUri,
        error: null,
      });
    }
    expect(hasSucceeded(created, created.createdAtMs + 5000)).toBe(true);
    expect(hasSucceeded(created, created.createdAtMs + 4999)).toBe(false);
  });

  it('ends FAILED with an error and no source resource', () => {
    const failing: CreatedOperation = { ...created, outcome: 'FAILED' };
    expect(at(RUNNING_STEPS + 1, failing)).toMatchObject({
      state: 'FAILED',
      healthStatus: 'ERROR',
      progressPercent: 80,
      sourceResourceUri: null,
      error: { error: expect.any(String), errorCode: expect.any(String), traceId: 'f'.repeat(32) },
    });
    expect(hasSucceeded(failing, failing.createdAtMs + 60_000)).toBe(false);
  });
});
