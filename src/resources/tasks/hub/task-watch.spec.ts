import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import { inProcessCoordination, type TaskCoordination } from './task-coordination';
import type { TaskSnapshot } from './task-snapshot';
import { TaskWatch, type TaskWatchDeps } from './task-watch';

const call = {
  profile: { name: 'default' },
  region: { name: 'us-west' },
} as unknown as UpstreamCall;
const target = { call, taskId: '8e594a77-3809-4620-be52-74270abdf60b' };
const running = { state: 'RUNNING', suggestedPollingIntervalSeconds: 1 } as AsyncOperationWire;

function depsWith(overrides: Partial<TaskWatchDeps>): TaskWatchDeps & { polls: number } {
  const deps = {
    polls: 0,
    fetchTask: () => Promise.resolve(running),
    coordination: inProcessCoordination,
    budget: { isScarce: () => false },
    bounds: { pollMinMs: 10, pollMaxMs: 2_000 },
    onPoll: () => {
      deps.polls += 1;
    },
    ...overrides,
  };
  return deps;
}

async function firstSnapshots(watch: TaskWatch, count: number): Promise<TaskSnapshot[]> {
  const seen: TaskSnapshot[] = [];
  await new Promise<void>((resolve) => {
    watch.add({
      deliver: (snapshot) => {
        seen.push(snapshot);
        if (seen.length === count) {
          resolve();
        }
      },
    });
    void watch.run();
  });
  watch.stop();
  return seen;
}

describe(TaskWatch.name, () => {
  it('doubles its waits from TASK_POLL_MIN_MS up to the suggested interval', async () => {
    const watch = new TaskWatch('w1', target, depsWith({}));
    const delays = (await firstSnapshots(watch, 5)).map((snapshot) => snapshot.nextDelayMs);
    expect(delays).toEqual([10, 20, 40, 80, 160]);
  });

  it('slows down while the budget signal says the budget is scarce', async () => {
    const scarce = depsWith({
      budget: { isScarce: (profile, region) => profile === 'default' && region === 'us-west' },
    });
    const watch = new TaskWatch('w2', target, scarce);
    const delays = (await firstSnapshots(watch, 2)).map((snapshot) => snapshot.nextDelayMs);
    // At least the suggested 1 s at once, then doubling towards TASK_POLL_MAX_MS
    expect(delays).toEqual([1_000, 2_000]);
  });

  it('does not poll while another replica holds the lease, and hands on what that replica found', async () => {
    let announce: ((snapshot: TaskSnapshot) => void) | undefined;
    const elsewhere: TaskCoordination = {
      ...inProcessCoordination,
      shared: true,
      holdLease: () => Promise.resolve(false),
      subscribe: (_id, onSnapshot) => {
        announce = onSnapshot;
        return Promise.resolve(() => undefined);
      },
    };
    const deps = depsWith({ coordination: elsewhere });
    const watch = new TaskWatch('w3', target, deps);
    const seen: TaskSnapshot[] = [];
    watch.add({ deliver: (snapshot) => seen.push(snapshot) });
    const run = watch.run();
    await new Promise((resolve) => setTimeout(resolve, 50));
    announce?.({ task: { ...running, state: 'SUCCEEDED' }, polledAt: Date.now(), nextDelayMs: 10 });
    await run;
    expect(deps.polls).toBe(0);
    expect(seen.map((snapshot) => snapshot.task?.state)).toEqual(['SUCCEEDED']);
  });

  it('keeps polling through TIMEDOUT and PAUSED, and ends on SUCCEEDED', async () => {
    const states = ['TIMEDOUT', 'PAUSED', 'SUCCEEDED'];
    const deps = depsWith({
      fetchTask: () => Promise.resolve({ ...running, state: states.shift() } as AsyncOperationWire),
    });
    const watch = new TaskWatch('w4', target, deps);
    const seen: string[] = [];
    watch.add({ deliver: (snapshot) => seen.push(snapshot.task?.state ?? '') });
    await watch.run();
    expect(seen).toEqual(['TIMEDOUT', 'PAUSED', 'SUCCEEDED']);
    expect(deps.polls).toBe(3);
  });
});
