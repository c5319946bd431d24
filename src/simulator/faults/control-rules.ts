import {
  type RequestFacts,
  matchesRequest,
  sameMatch,
} from 'src/simulator/http/request-match.util';
import type { RequestMatch } from 'src/simulator/simulator-api.type';

interface LatencyRule {
  ms: number;
  match?: RequestMatch;
}

interface FailureRule {
  remaining: number;
  status: number;
  retryAfterSeconds?: number;
  match?: RequestMatch;
}

interface ResetRule {
  remaining: number;
  match?: RequestMatch;
}

interface HeaderRule {
  headers: Record<string, string>;
  match?: RequestMatch;
}

/** The fault-injection rules set by tests: latency, failures, connection resets, extra headers. */
export class ControlRules {
  private latency: LatencyRule[] = [];
  private headers: HeaderRule[] = [];
  private failures: FailureRule[] = [];
  private resets: ResetRule[] = [];

  /** A rule with the same match replaces the old one; 0 removes it (or every rule, without a match). */
  addLatency(ms: number, match?: RequestMatch): void {
    if (ms <= 0 && match === undefined) {
      this.latency = [];
      return;
    }
    this.latency = this.latency.filter((rule) => !sameMatch(rule.match, match));
    if (ms > 0) {
      this.latency.push({ ms, match });
    }
  }

  addFailures(
    count: number,
    status: number,
    retryAfterSeconds?: number,
    match?: RequestMatch,
  ): void {
    if (count > 0) {
      this.failures.push({ remaining: count, status, retryAfterSeconds, match });
    }
  }

  addResets(count: number, match?: RequestMatch): void {
    if (count > 0) {
      this.resets.push({ remaining: count, match });
    }
  }

  /** Headers added to every matching answer (e.g. `Deprecation`, `Sunset`); {} removes the rule. */
  addHeaders(headers: Record<string, string>, match?: RequestMatch): void {
    this.headers = this.headers.filter((rule) => !sameMatch(rule.match, match));
    if (Object.keys(headers).length > 0) {
      this.headers.push({ headers, match });
    }
  }

  headersFor(facts: RequestFacts): Record<string, string> {
    return Object.assign(
      {},
      ...this.headers
        .filter((rule) => matchesRequest(rule.match, facts))
        .map((rule) => rule.headers),
    ) as Record<string, string>;
  }

  /** The longest delay of the matching latency rules (0 when none). */
  latencyFor(facts: RequestFacts): number {
    let ms = 0;
    for (const rule of this.latency) {
      if (rule.ms > ms && matchesRequest(rule.match, facts)) {
        ms = rule.ms;
      }
    }
    return ms;
  }

  /** Consumes one failure of the first matching rule. */
  takeFailure(facts: RequestFacts): { status: number; retryAfterSeconds?: number } | undefined {
    const rule = this.failures.find((candidate) => matchesRequest(candidate.match, facts));
    if (!rule) {
      return undefined;
    }
    rule.remaining -= 1;
    if (rule.remaining <= 0) {
      this.failures = this.failures.filter((candidate) => candidate !== rule);
    }
    return { status: rule.status, retryAfterSeconds: rule.retryAfterSeconds };
  }

  /** Consumes one reset of the first matching rule. */
  takeReset(facts: RequestFacts): boolean {
    const rule = this.resets.find((candidate) => matchesRequest(candidate.match, facts));
    if (!rule) {
      return false;
    }
    rule.remaining -= 1;
    if (rule.remaining <= 0) {
      this.resets = this.resets.filter((candidate) => candidate !== rule);
    }
    return true;
  }

  clearFailures(): void {
    this.failures = [];
    this.resets = [];
  }

  clear(): void {
    this.latency = [];
    this.headers = [];
    this.failures = [];
    this.resets = [];
  }
}
