import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import { ceilingMs, nextPollDelayMs } from './poll-schedule';

const bounds = { pollMinMs: 1_000, pollMaxMs: 30_000 };
const suggesting = (seconds?: number) =>
  ({ suggestedPollingIntervalSeconds: seconds }) as AsyncOperationWire;

/** The delays of the first `count` polls after the first read. */
function delays(task: AsyncOperationWire, count: number, scarce = false): number[] {
  const out: number[] = [];
  let previous: number | undefined;
  for (let n = 0; n < count; n += 1) {
    previous = nextPollDelayMs(previous, task, bounds, scarce);
    out.push(previous);
  }
  return out;
}

describe(nextPollDelayMs.name, () => {
  it('starts at TASK_POLL_MIN_MS and doubles up to the suggested interval', () => {
    expect(delays(suggesting(30), 7)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(delays(suggesting(5), 5)).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('so a task that ends 10 s after creation with suggested 30 s is seen by 15 s, not 30 s', () => {
    // Polls at 1, 3, 7 and 15 s after the first read: the first one after 10 s is at 15 s
    const at = delays(suggesting(30), 4).reduce<number[]>(
      (sums, delay) => [...sums, (sums[sums.length - 1] ?? 0) + delay],
      [],
    );
    expect(at).toEqual([1_000, 3_000, 7_000, 15_000]);
  });

  it('never goes past TASK_POLL_MAX_MS nor below TASK_POLL_MIN_MS', () => {
    expect(delays(suggesting(3600), 8).at(-1)).toBe(30_000);
    expect(delays(suggesting(0.1), 3)).toEqual([1_000, 1_000, 1_000]);
  });

  it('is slower while the budget is scarce: at least the suggested interval, up to the maximum', () => {
    expect(delays(suggesting(5), 4, true)).toEqual([5_000, 10_000, 20_000, 30_000]);
    expect(delays(suggesting(5), 3, true).every((ms, n) => ms >= delays(suggesting(5), 3)[n])).toBe(
      true,
    );
  });
});

describe(ceilingMs.name, () => {
  it.each([
    [30, 30_000],
    [5, 5_000],
    [0.1, 1_000],
    [3600, 30_000],
    [undefined, 5_000],
    [0, 5_000],
    [-5, 5_000],
    [Number.NaN, 5_000],
  ])("clamps GreenLake's suggested %p s to %i ms", (seconds, expected) => {
    expect(ceilingMs(suggesting(seconds), bounds)).toBe(expected);
  });
});
