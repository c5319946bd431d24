import { type CreatedOperation, hasSucceeded, viewOperation } from './operation-progress';
import { operationScripts } from './operation-scripts';

const base: CreatedOperation = {
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

const viewAt = (operation: CreatedOperation, ms: number) =>
  viewOperation(operation, operation.createdAtMs + ms, 30) as ReturnType<typeof viewOperation> & {
    status?: string;
  };

describe('scripted operations', () => {
  it('goes RUNNING, TIMEDOUT, RUNNING, then SUCCEEDED, with one log message per step', () => {
    const operation = { ...base, script: operationScripts.timedOutThenSucceeded(100) };
    expect([0, 150, 250, 350, 450].map((ms) => viewAt(operation, ms).state)).toEqual([
      'RUNNING',
      'TIMEDOUT',
      'TIMEDOUT',
      'RUNNING',
      'SUCCEEDED',
    ]);
    expect(viewAt(operation, 150).endedAt).toBeNull();
    const final = viewAt(operation, 450);
    expect(final).toMatchObject({ progressPercent: 100, error: null, generation: 4 });
    expect(final.endedAt).toBe('2026-01-01T00:00:00.400Z');
    expect(final.logMessages?.map((entry) => entry.message)).toEqual([
      `${base.displayName} task is created`,
      'Started',
      'Step timed out; retrying',
      'Retrying the step',
      'Completed',
    ]);
    expect(hasSucceeded(operation, operation.createdAtMs + 350)).toBe(false);
    expect(hasSucceeded(operation, operation.createdAtMs + 400)).toBe(true);
  });

  it('reports status instead of state when the script says so', () => {
    const operation = { ...base, script: operationScripts.statusStyle(100) };
    const running = viewAt(operation, 150);
    expect(running.state).toBeUndefined();
    expect(running.status).toBe('RUNNING');
    expect(viewAt(operation, 250).status).toBe('SUCCEEDED');
  });

  it('ends after the given time through rising progress, suggesting 30 s', () => {
    const operation = { ...base, script: operationScripts.endsAfter(10_000) };
    const percents = [0, 2_000, 4_000, 6_000, 8_000, 9_999, 10_000].map(
      (ms) => viewAt(operation, ms).progressPercent,
    );
    expect(percents).toEqual([0, 20, 40, 60, 80, 80, 100]);
    expect(viewAt(operation, 9_999).state).toBe('RUNNING');
    expect(viewAt(operation, 10_000)).toMatchObject({
      state: 'SUCCEEDED',
      suggestedPollingIntervalSeconds: 30,
    });
  });
});
