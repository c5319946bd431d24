import { Injectable, Optional } from '@nestjs/common';
import { GatewayMetrics } from 'src/metrics/gateway-metrics.service';

export interface BudgetMetricsSnapshot {
  /** gateway_upstream_budget_remaining{profile,region}: the last known remaining calls. */
  budgetRemaining: { profile: string; region: string; remaining: number; limit?: number }[];
  /** gateway_upstream_retries_total{region}. */
  retries: Record<string, number>;
  /** gateway_upstream_breaker_open{region}: 1 open, 0.5 half-open, 0 closed. */
  breakerOpen: Record<string, number>;
  /** Calls refused without reaching GreenLake, by reason and "profile/region". */
  refusals: { budgetExhausted: Record<string, number>; shareExceeded: Record<string, number> };
}

const SCARCE_FRACTION = 0.2;

/**
 * Plain counters of the budget for the operations issue to expose on /metrics (it owns prom-client):
 * labels are profiles and regions only, never callers.
 */
@Injectable()
export class BudgetMetrics {
  private readonly remaining = new Map<
    string,
    { profile: string; region: string; remaining: number; limit?: number }
  >();
  private readonly retries: Record<string, number> = {};
  private readonly breakers: Record<string, number> = {};
  private readonly budgetExhausted: Record<string, number> = {};
  private readonly shareExceeded: Record<string, number> = {};

  // The Prometheus side (/metrics); the plain numbers here also serve snapshot() and isScarce()
  constructor(@Optional() private readonly gateway?: GatewayMetrics) {}

  budgetSeen(profile: string, region: string, remaining: number, limit?: number): void {
    this.remaining.set(`${profile}/${region}`, { profile, region, remaining, limit });
    this.gateway?.budgetRemaining(profile, region, remaining);
  }

  /**
   * Scarce: the last answer from GreenLake left less than a fifth of its limit (or nothing, when
   * no limit was given). What this replica saw, so it can be asked synchronously (the task hub
   * slows its polls on it).
   */
  isScarce(profile: string, region: string): boolean {
    const seen = this.remaining.get(`${profile}/${region}`);
    if (!seen) {
      return false;
    }
    return seen.limit ? seen.remaining < seen.limit * SCARCE_FRACTION : seen.remaining <= 0;
  }

  retried(region: string): void {
    this.retries[region] = (this.retries[region] ?? 0) + 1;
    this.gateway?.retry(region, 'retryable');
  }

  breakerState(region: string, state: 'closed' | 'open' | 'half-open'): void {
    this.breakers[region] = state === 'open' ? 1 : state === 'half-open' ? 0.5 : 0;
    this.gateway?.breakerOpen(region, state === 'open');
  }

  refused(profile: string, region: string, reason: 'spent' | 'share'): void {
    const counters = reason === 'spent' ? this.budgetExhausted : this.shareExceeded;
    const label = `${profile}/${region}`;
    counters[label] = (counters[label] ?? 0) + 1;
  }

  snapshot(): BudgetMetricsSnapshot {
    return {
      budgetRemaining: [...this.remaining.values()].map((entry) => ({ ...entry })),
      retries: { ...this.retries },
      breakerOpen: { ...this.breakers },
      refusals: {
        budgetExhausted: { ...this.budgetExhausted },
        shareExceeded: { ...this.shareExceeded },
      },
    };
  }
}
