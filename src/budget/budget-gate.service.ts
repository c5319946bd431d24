import { Inject, Injectable } from '@nestjs/common';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { BudgetConfig, GatewayConfig } from 'src/config/gateway-config.type';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { BudgetObservation, readBudgetHeaders } from './budget-headers.util';
import { BudgetLedgerRepository } from './budget-ledger.repository';
import { BudgetMetrics } from './budget-metrics.service';
import { isCircuitOpen, RegionBreakers } from './region-breakers';
import { fullJitterMs, hintedWaitMs, retryAfterMs } from './retry-timing.util';

/** What the gate needs to see of an answer: GreenLake's status and headers. */
export interface GateAnswer {
  status: number;
  headers: Record<string, unknown>;
}

const RETRIED_STATUSES = new Set([429, 502, 503, 504]);
const RETRIED_METHODS = new Set(['GET', 'HEAD']);
// Woken waiters are spread a little, so that a reset does not release them all in one burst
const WAKE_SPREAD_MS = 20;
// A 429 that says nothing about when: come back in a second
const SPENT_FALLBACK_MS = 1_000;

/**
 * Every GreenLake call passes here once per try (UpstreamClient.exchange): pacing against the
 * shared budget and the caller's fair share before it is sent, the region's circuit breaker around
 * it, the budget read from its answer, and retries of GET/HEAD on 429, 502-504, reset and refusal.
 * Refusals are GatewayErrors (429 UPSTREAM_BUDGET_EXHAUSTED / UPSTREAM_SHARE_EXCEEDED, 503
 * UPSTREAM_UNAVAILABLE), always with Retry-After, so that a cache above can answer STALE instead.
 */
@Injectable()
export class BudgetGate {
  private readonly config: BudgetConfig;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly ledger: BudgetLedgerRepository,
    private readonly breakers: RegionBreakers,
    private readonly metrics: BudgetMetrics,
  ) {
    this.config = config.budget;
  }

  /**
   * Sends through `trySend` (once, or more for GET/HEAD) and returns the last answer. `release`
   * frees the body of an answer that is dropped for a retry.
   */
  async send<R extends GateAnswer>(
    call: UpstreamCall,
    method: string,
    trySend: () => Promise<R>,
    release: (answer: R) => void,
  ): Promise<R> {
    const retryable = RETRIED_METHODS.has(method.toUpperCase());
    const { retries, retryMaxWaitMs } = this.config;
    let waitedMs = 0;
    for (let attempt = 0; ; attempt++) {
      await this.pace(call);
      let answer: R;
      try {
        answer = await this.breakers.execute(call.region.name, trySend);
      } catch (error) {
        const delay = fullJitterMs(attempt, retryMaxWaitMs);
        if (
          retryable &&
          attempt < retries &&
          isRefusedOrReset(error) &&
          waitedMs + delay <= retryMaxWaitMs
        ) {
          waitedMs += delay;
          this.metrics.retried(call.region.name);
          await sleep(delay);
          continue;
        }
        throw error;
      }
      await this.record(call, answer);
      if (!retryable || attempt >= retries || !RETRIED_STATUSES.has(answer.status)) {
        return answer;
      }
      const hinted = hintedWaitMs(answer.status, answer.headers, Date.now());
      const delay = hinted ?? fullJitterMs(attempt, retryMaxWaitMs);
      if (delay > retryMaxWaitMs || waitedMs + delay > retryMaxWaitMs) {
        // Longer than we may hold the caller: they get this answer now, with its Retry-After
        return answer;
      }
      waitedMs += delay;
      release(answer);
      this.metrics.retried(call.region.name);
      await sleep(delay);
    }
  }

  /** Waits (at most UPSTREAM_BUDGET_WAIT_MS) until the budget and the caller's share allow a call. */
  private async pace({ caller, profile, region }: UpstreamCall): Promise<void> {
    const deadline = Date.now() + this.config.waitMs;
    for (;;) {
      const nowMs = Date.now();
      const verdict = await this.ledger.admit(profile.name, region.name, {
        nowMs,
        caller: caller.name,
        fairShare: this.config.fairShare,
        weights: this.config.shares,
        defaultWeight: 1,
      });
      if (verdict.admitted) {
        return;
      }
      if (verdict.resetAt <= deadline) {
        await sleep(Math.max(1, verdict.resetAt - nowMs) + Math.random() * WAKE_SPREAD_MS);
        continue;
      }
      this.metrics.refused(profile.name, region.name, verdict.reason);
      const retryAfter = String(Math.max(1, Math.ceil((verdict.resetAt - nowMs) / 1000)));
      throw verdict.reason === 'spent'
        ? new GatewayError(
            GatewayErrorCode.UPSTREAM_BUDGET_EXHAUSTED,
            `The GreenLake rate-limit budget of profile "${profile.name}" in ${region.name} is spent until its reset; retry after ${retryAfter} s`,
            { headers: { 'Retry-After': retryAfter } },
          )
        : new GatewayError(
            GatewayErrorCode.UPSTREAM_SHARE_EXCEEDED,
            `Caller "${caller.name}" has used its share of the scarce GreenLake budget in ${region.name} while others wait; retry after ${retryAfter} s`,
            { headers: { 'Retry-After': retryAfter } },
          );
    }
  }

  /** Reads the budget from an answer; a 429 marks it spent until its reset. */
  private async record({ profile, region }: UpstreamCall, answer: GateAnswer): Promise<void> {
    const nowMs = Date.now();
    let seen: BudgetObservation | undefined = readBudgetHeaders(answer.headers, nowMs);
    if (answer.status === 429) {
      // A 429 whose headers still show budget left is some other limit: a short pause, not the window
      const explicit = retryAfterMs(answer.headers, nowMs);
      const fromReset = seen?.remaining === 0 ? seen.resetAt - nowMs : undefined;
      const waitMs = explicit ?? fromReset ?? SPENT_FALLBACK_MS;
      seen = { limit: seen?.limit, remaining: 0, resetAt: nowMs + Math.max(waitMs, 1) };
    }
    if (seen) {
      await this.ledger.observe(profile.name, region.name, seen, nowMs);
      this.metrics.budgetSeen(profile.name, region.name, seen.remaining, seen.limit);
    }
  }
}

/** Connection refused or reset before any answer: safe to try a GET again. */
function isRefusedOrReset(error: unknown): boolean {
  return (
    error instanceof GatewayError &&
    error.code === GatewayErrorCode.UPSTREAM_UNAVAILABLE &&
    !isCircuitOpen(error)
  );
}

const sleep = (ms: number): Promise<void> => new Promise((resume) => setTimeout(resume, ms));
