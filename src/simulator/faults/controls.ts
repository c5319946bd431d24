import type { ManagedListener } from 'src/simulator/listeners/managed-listener';
import type {
  OperationScript,
  RequestMatch,
  SimulatorControls,
} from 'src/simulator/simulator-api.type';
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
    setBudget(budget) {
      requirePositive(budget.limit, 'budget limit');
      if (budget.windowMs !== undefined) {
        requirePositive(budget.windowMs, 'budget windowMs');
      }
      if (
        budget.headers !== undefined &&
        !['ratelimit', 'x-ratelimit', 'standard'].includes(budget.headers)
      ) {
        throw new RangeError(
          `budget headers must be ratelimit, x-ratelimit or standard, not ${String(budget.headers)}`,
        );
      }
      state.rateLimiter.configure(budget);
    },
    clearFailures() {
      state.rules.clearFailures();
    },
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
    addResponseHeaders(headers, match) {
      state.rules.addHeaders({ ...headers }, cleanMatch(match));
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
    scriptNextOperations(script, count = 1) {
      requirePositive(count, 'count');
      state.queueOperationScript(checkedScript(script), count);
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

/** A copy of the script, or a RangeError saying what is wrong with it. */
function checkedScript(script: OperationScript): OperationScript {
  if (!script || !Array.isArray(script.steps) || script.steps.length === 0) {
    throw new RangeError('script.steps must be a non-empty list');
  }
  let previous = 0;
  const steps = script.steps.map((step, index) => {
    if (!Number.isInteger(step?.atMs) || step.atMs < previous) {
      throw new RangeError(
        `steps[${index}].atMs must be a whole number, not below the step before`,
      );
    }
    if (typeof step.state !== 'string' || step.state === '') {
      throw new RangeError(`steps[${index}].state must be a non-empty string`);
    }
    const percent = step.progressPercent;
    if (percent !== undefined && (!Number.isFinite(percent) || percent < 0 || percent > 100)) {
      throw new RangeError(`steps[${index}].progressPercent must be from 0 to 100`);
    }
    if (step.message !== undefined && typeof step.message !== 'string') {
      throw new RangeError(`steps[${index}].message must be a string`);
    }
    previous = step.atMs;
    return { ...step };
  });
  if (script.stateField !== undefined && !['state', 'status'].includes(script.stateField)) {
    throw new RangeError("stateField must be 'state' or 'status'");
  }
  const interval = script.suggestedPollingIntervalSeconds;
  if (interval !== undefined && (!Number.isInteger(interval) || interval <= 0)) {
    throw new RangeError('suggestedPollingIntervalSeconds must be a whole number above 0');
  }
  return { ...script, steps };
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
