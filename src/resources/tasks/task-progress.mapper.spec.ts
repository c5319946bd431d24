import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import { TaskProgressTracker } from './task-progress.mapper';

const log = (message: string, second: number) => ({
  message,
  timestamp: `2024-05-02T10:00:0${second}Z`,
});

const task = (overrides: Partial<AsyncOperationWire>): AsyncOperationWire => ({
  id: '8e594a77-3809-4620-be52-74270abdf60b',
  type: 'task',
  generation: 1,
  createdAt: '2024-05-02T10:00:00Z',
  updatedAt: '2024-05-02T10:00:00Z',
  resourceUri: '/data-services/v1beta1/async-operations/8e594a77-3809-4620-be52-74270abdf60b',
  customerId: '0123456789abcdef0123456789abcdef',
  ...overrides,
});

describe(TaskProgressTracker.name, () => {
  it('always reports the first read, then only changes, with only new log messages', () => {
    const tracker = new TaskProgressTracker();
    expect(
      tracker.next(
        task({ state: 'INITIALIZED', progressPercent: 0, logMessages: [log('created', 0)] }),
      ),
    ).toEqual({
      state: 'INITIALIZED',
      progressPercent: 0,
      logMessages: [log('created', 0)],
    });
    expect(
      tracker.next(
        task({ state: 'INITIALIZED', progressPercent: 0, logMessages: [log('created', 0)] }),
      ),
    ).toBeUndefined();
    expect(
      tracker.next(
        task({
          state: 'RUNNING',
          progressPercent: 20,
          logMessages: [log('created', 0), log('running', 1)],
        }),
      ),
    ).toEqual({ state: 'RUNNING', progressPercent: 20, logMessages: [log('running', 1)] });
  });

  it('reports new log messages even when state and progress stand still', () => {
    const tracker = new TaskProgressTracker();
    tracker.next(task({ state: 'RUNNING', progressPercent: 40, logMessages: [log('a', 1)] }));
    expect(
      tracker.next(
        task({ state: 'RUNNING', progressPercent: 40, logMessages: [log('a', 1), log('b', 2)] }),
      ),
    ).toEqual({ state: 'RUNNING', progressPercent: 40, logMessages: [log('b', 2)] });
  });

  it('recognises messages by content, since GreenLake drops the oldest ones', () => {
    const tracker = new TaskProgressTracker();
    tracker.next(task({ state: 'RUNNING', logMessages: [log('a', 1), log('b', 2)] }));
    expect(
      tracker.next(task({ state: 'RUNNING', logMessages: [log('b', 2), log('c', 3)] }))
        ?.logMessages,
    ).toEqual([log('c', 3)]);
  });

  it('copes with a task without log messages', () => {
    expect(new TaskProgressTracker().next(task({ state: 'RUNNING' }))).toEqual({
      state: 'RUNNING',
      progressPercent: undefined,
      logMessages: [],
    });
  });
});
