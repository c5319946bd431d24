import { EnvReader } from './env-reader';
import { RateLimitConfig } from './gateway-config.type';

const CALLER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@:/-]{0,127}$/;
const MAX_PER_MINUTE = 10_000_000;

/**
 * Per-caller rate limits: `GATEWAY_RATE_LIMIT_PER_MINUTE` for everyone (0: no limit),
 * `GATEWAY_RATE_LIMITS` per caller name (`team-a=600,batch=6000`), counted in windows of
 * `GATEWAY_RATE_LIMIT_WINDOW_SECONDS` (the rate stays per minute; a shorter window smooths bursts).
 */
export function readRateLimits(reader: EnvReader): RateLimitConfig {
  const perMinute = reader.integer('GATEWAY_RATE_LIMIT_PER_MINUTE', 1200, {
    min: 0,
    max: MAX_PER_MINUTE,
  });
  const windowSeconds = reader.integer('GATEWAY_RATE_LIMIT_WINDOW_SECONDS', 60, {
    min: 1,
    max: 3600,
  });
  const perCaller: Record<string, number> = {};
  const raw = reader.string('GATEWAY_RATE_LIMITS');
  for (const entry of (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.lastIndexOf('=');
    const name = entry.slice(0, separator).trim();
    const value = entry.slice(separator + 1).trim();
    if (separator < 0 || !CALLER_NAME.test(name)) {
      reader.problem(
        'GATEWAY_RATE_LIMITS',
        `"${entry}" is not name=requests-per-minute (e.g. team-a=600,batch=6000)`,
      );
    } else if (!/^\d+$/.test(value) || Number(value) > MAX_PER_MINUTE) {
      reader.problem(
        'GATEWAY_RATE_LIMITS',
        `"${entry}": expected a whole number of requests per minute from 0 (no limit) to ${MAX_PER_MINUTE}`,
      );
    } else if (name in perCaller) {
      reader.problem('GATEWAY_RATE_LIMITS', `caller "${name}" is given twice`);
    } else {
      perCaller[name] = Number(value);
    }
  }
  return { perMinute, windowSeconds, perCaller };
}
