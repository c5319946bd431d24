import type { BudgetHeaderSpelling, SimulatedBudget } from 'src/simulator/simulator-api.type';

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends (at least 1). */
  resetSeconds: number;
  limited: boolean;
  /** Length of the window in seconds (for the standard's RateLimit-Policy). */
  windowSeconds: number;
}

const MINUTE_MS = 60_000;

/**
 * A per-client budget in fixed windows, as the `ratelimit-*` headers describe: `limit` calls per
 * `windowMs` (one minute unless a test sets a budget). A window opens with the client's first
 * request (not on the clock), so a test never straddles a boundary by chance.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private budget: Required<SimulatedBudget>;

  constructor(private readonly limitPerMinute: number) {
    this.budget = defaultBudget(limitPerMinute);
  }

  /** A test's budget; windows open afresh. */
  configure(budget: SimulatedBudget): void {
    this.budget = { ...defaultBudget(this.limitPerMinute), ...budget };
    this.windows.clear();
  }

  get spelling(): BudgetHeaderSpelling {
    return this.budget.headers;
  }

  get sendsRetryAfter(): boolean {
    return this.budget.retryAfter;
  }

  consume(key: string, nowMs: number): RateLimitState {
    const { limit, windowMs } = this.budget;
    let window = this.windows.get(key);
    if (!window || nowMs >= window.start + windowMs) {
      window = { start: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return {
      limit,
      remaining: Math.max(0, limit - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.start + windowMs - nowMs) / 1000)),
      limited: window.count > limit,
      windowSeconds: Math.max(1, Math.round(windowMs / 1000)),
    };
  }

  /** Back to the configured per-minute limit and the `ratelimit-*` spelling. */
  clear(): void {
    this.windows.clear();
    this.budget = defaultBudget(this.limitPerMinute);
  }
}

/** The headers of one answer in the chosen spelling. */
export function budgetHeaders(
  state: RateLimitState,
  spelling: BudgetHeaderSpelling,
): Record<string, string> {
  const { limit, remaining, resetSeconds, windowSeconds } = state;
  switch (spelling) {
    case 'ratelimit':
      return {
        'ratelimit-limit': String(limit),
        'ratelimit-remaining': String(remaining),
        'ratelimit-reset': String(resetSeconds),
      };
    case 'x-ratelimit':
      return {
        'X-RateLimit-Limit': String(limit),
        'X-RateLimit-Remaining': String(remaining),
        'X-RateLimit-Reset': String(resetSeconds),
      };
    case 'standard':
      return {
        RateLimit: `limit=${limit}, remaining=${remaining}, reset=${resetSeconds}`,
        'RateLimit-Policy': `${limit};w=${windowSeconds}`,
      };
  }
}

function defaultBudget(limitPerMinute: number): Required<SimulatedBudget> {
  return { limit: limitPerMinute, windowMs: MINUTE_MS, headers: 'ratelimit', retryAfter: false };
}
