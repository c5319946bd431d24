export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends (at least 1). */
  resetSeconds: number;
  limited: boolean;
}

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows per client id, as the `ratelimit-*` headers describe. A window opens with
 * the client's first request (not on the clock minute), so a test never straddles a boundary by chance.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limitPerMinute: number) {}

  consume(key: string, nowMs: number): RateLimitState {
    let window = this.windows.get(key);
    if (!window || nowMs >= window.start + WINDOW_MS) {
      window = { start: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return {
      limit: this.limitPerMinute,
      remaining: Math.max(0, this.limitPerMinute - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - nowMs) / 1000)),
      limited: window.count > this.limitPerMinute,
    };
  }

  clear(): void {
    this.windows.clear();
  }
}
