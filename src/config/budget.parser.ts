import { EnvReader } from './env-reader';
import { BudgetConfig } from './gateway-config.type';

const CALLER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@:/-]{0,127}$/;
const MAX_WEIGHT = 1000;

/**
 * The shared GreenLake budget (DESIGN.md "The shared GreenLake budget"): pacing, fair share,
 * GET retries and the per-region circuit breaker.
 */
export function readBudget(reader: EnvReader): BudgetConfig {
  const waitMs = reader.integer('UPSTREAM_BUDGET_WAIT_MS', 1_000, { min: 0, max: 60_000 });
  const fairShare = reader.oneOf('GATEWAY_UPSTREAM_FAIR_SHARE', ['on', 'off'] as const, 'on');
  const retries = reader.integer('UPSTREAM_RETRIES', 2, { min: 0, max: 10 });
  const retryMaxWaitMs = reader.integer('UPSTREAM_RETRY_MAX_WAIT_MS', 5_000, {
    min: 0,
    max: 120_000,
  });
  const breakerFailures = reader.integer('UPSTREAM_BREAKER_FAILURES', 5, { min: 1, max: 1000 });
  const breakerOpenMs = reader.integer('UPSTREAM_BREAKER_OPEN_MS', 10_000, {
    min: 100,
    max: 600_000,
  });
  return {
    waitMs,
    fairShare: fairShare === 'on',
    shares: readShares(reader),
    retries,
    retryMaxWaitMs,
    breakerFailures,
    breakerOpenMs,
  };
}

/** `GATEWAY_UPSTREAM_SHARES=ui=3,batch=1`: weights by caller name, 1 for everyone else. */
function readShares(reader: EnvReader): Record<string, number> {
  const shares: Record<string, number> = {};
  const raw = reader.string('GATEWAY_UPSTREAM_SHARES');
  for (const entry of (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.lastIndexOf('=');
    const name = entry.slice(0, separator).trim();
    const value = Number(entry.slice(separator + 1).trim());
    if (separator < 0 || !CALLER_NAME.test(name)) {
      reader.problem(
        'GATEWAY_UPSTREAM_SHARES',
        `"${entry}" is not name=weight (e.g. ui=3,batch=1)`,
      );
    } else if (!Number.isFinite(value) || value <= 0 || value > MAX_WEIGHT) {
      reader.problem(
        'GATEWAY_UPSTREAM_SHARES',
        `"${entry}": the weight must be a number above 0 and at most ${MAX_WEIGHT}`,
      );
    } else if (name in shares) {
      reader.problem('GATEWAY_UPSTREAM_SHARES', `caller "${name}" is given twice`);
    } else {
      shares[name] = value;
    }
  }
  return shares;
}
