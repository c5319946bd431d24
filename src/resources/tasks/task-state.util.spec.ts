import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import { isTaskEnded, taskStateOf } from './task-state.util';

const withState = (state?: string) => ({ state }) as AsyncOperationWire;

describe(isTaskEnded.name, () => {
  it.each(['SUCCEEDED', 'FAILED', 'CANCELLED', 'succeeded'])('%s ends a task', (state) => {
    expect(isTaskEnded(withState(state))).toBe(true);
  });

  it.each([
    'TIMEDOUT',
    'PAUSED',
    'INITIALIZED',
    'RUNNING',
    'UNSPECIFIED',
    'SOMETHING_NEW',
    undefined,
  ])('%s does not', (state) => {
    expect(isTaskEnded(withState(state))).toBe(false);
  });

  it('reads `status` when a task reports no `state`', () => {
    const task = { status: 'SUCCEEDED' } as unknown as AsyncOperationWire;
    expect(taskStateOf(task)).toBe('SUCCEEDED');
    expect(isTaskEnded(task)).toBe(true);
    expect(isTaskEnded({ status: 'RUNNING' } as unknown as AsyncOperationWire)).toBe(false);
  });
});
