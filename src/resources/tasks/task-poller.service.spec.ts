import { GatewayConfig } from 'src/config/gateway-config.type';
import type { UpstreamClient } from 'src/upstream/upstream.client';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import { TaskPoller } from './task-poller.service';
import { isTaskSettled } from './task-state.util';

const config = {
  tasks: { pollMinMs: 1_000, pollMaxMs: 30_000, eventsKeepAliveMs: 15_000 },
} as GatewayConfig;
const poller = new TaskPoller({} as UpstreamClient, config);
const withInterval = (seconds?: number) =>
  ({ suggestedPollingIntervalSeconds: seconds }) as AsyncOperationWire;

describe(TaskPoller.name, () => {
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
    expect(poller.intervalMs(withInterval(seconds))).toBe(expected);
  });
});

describe(isTaskSettled.name, () => {
  it.each(['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMEDOUT', 'PAUSED', 'succeeded'])(
    '%s is settled',
    (state) => {
      expect(isTaskSettled(state)).toBe(true);
    },
  );

  it.each(['INITIALIZED', 'RUNNING', 'UNSPECIFIED', 'SOMETHING_NEW', undefined])(
    '%s is not',
    (state) => {
      expect(isTaskSettled(state)).toBe(false);
    },
  );
});
