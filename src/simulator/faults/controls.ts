import type { ManagedListener } from 'src/simulator/listeners/managed-listener';
import type { RequestMatch, SimulatorControls } from 'src/simulator/simulator-api.type';
import type { SimulatorState } from 'src/simulator/simulator-state';

/** The test controls over the shared state; goDown/comeUp act on the token and region listeners. */
export function createControls(
  state: SimulatorState,
  switchable: readonly ManagedListener[],
): SimulatorControls {
  // goDown and comeUp run one after the other, whatever the caller's timing
  let transition: Promise<void> = Promise.resolve();
  const serialise = (step: () => Promise<void>): Promise<void> => {
    const next = transition.then(step);
    transition = next.catch(() => undefined);
    return next;
  };

  return {
    addLatency(ms, match) {
      requireCount(ms, 'latency ms');
      state.rules.addLatency(ms, cleanMatch(match));
    },
    failNext(count, status, options = {}) {
      requireCount(count, 'count');
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw new RangeError(`status must be an HTTP error status (400-599), not ${status}`);
      }
      const { retryAfterSeconds, ...match } = options;
      if (retryAfterSeconds !== undefined) {
        requireCount(retryAfterSeconds, 'retryAfterSeconds');
      }
      state.rules.addFailures(count, status, retryAfterSeconds, cleanMatch(match));
    },
    answerBadlyNext(count, answer, match) {
      requireCount(count, 'count');
      if (answer.kind === 'huge') {
        requirePositive(answer.bytes, 'huge bytes');
      }
      if (answer.kind === 'slow-drip') {
        requirePositive(answer.intervalMs, 'slow-drip intervalMs');
      }
      state.badAnswers.add(count, answer, cleanMatch({ ...match, target: 'data' }));
    },
    openDrips: () => state.badAnswers.openDrips,
    resetNext(count, match) {
      requireCount(count, 'count');
      state.rules.addResets(count, cleanMatch(match));
    },
    revokeAllTokens() {
      state.tokens.revokeAll();
    },
    expireAllTokens() {
      state.tokens.expireAll(Date.now());
    },
    setTokenLifetime(seconds) {
      requirePositive(seconds, 'token lifetime seconds');
      state.setTokenLifetime(seconds);
    },
    setOperationStepMs(ms) {
      requirePositive(ms, 'operation step ms');
      state.setOperationStepMs(ms);
    },
    goDown: () =>
      serialise(async () => {
        await Promise.all(switchable.map((listener) => listener.stop()));
        // A moment for in-process clients to see their pooled sockets close, so that the next
        // request meets ECONNREFUSED rather than racing a dying keep-alive socket
        await new Promise((resolve) => setTimeout(resolve, 15));
      }),
    comeUp: () =>
      serialise(async () => {
        await Promise.all(switchable.map((listener) => listener.start()));
      }),
    requests: (match) => state.log.list(cleanMatch(match)),
    clearRequests() {
      state.log.clear();
    },
    reset() {
      state.reset();
    },
  };
}

/** Drops undefined keys, so that `{ region: undefined }` matches like no region at all. */
function cleanMatch(match: RequestMatch | undefined): RequestMatch | undefined {
  if (!match) {
    return undefined;
  }
  const cleaned: RequestMatch = {};
  if (match.target !== undefined) {
    cleaned.target = match.target;
  }
  if (match.region !== undefined) {
    cleaned.region = match.region;
  }
  if (match.method !== undefined) {
    cleaned.method = match.method;
  }
  if (match.pathPrefix !== undefined) {
    cleaned.pathPrefix = match.pathPrefix;
  }
  return Object.keys(cleaned).length === 0 ? undefined : cleaned;
}

function requireCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number of at least 0, not ${value}`);
  }
}

function requirePositive(value: number, what: string): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${what} must be a whole number above 0, not ${value}`);
  }
}
