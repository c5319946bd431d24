import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  handleWhen,
} from 'cockatiel';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { BudgetMetrics } from './budget-metrics.service';

// What counts against a region: no answer, an answer too late, or a 5xx (not 4xx, not 429)
const FAILING_CODES = new Set<GatewayErrorCode>([
  GatewayErrorCode.UPSTREAM_TIMEOUT,
  GatewayErrorCode.UPSTREAM_UNAVAILABLE,
  GatewayErrorCode.UPSTREAM_ERROR,
]);

interface RegionBreaker {
  policy: CircuitBreakerPolicy;
  openedAt: number;
}

/**
 * One cockatiel circuit breaker per region (in each replica): after UPSTREAM_BREAKER_FAILURES
 * consecutive failures it opens for UPSTREAM_BREAKER_OPEN_MS, then lets one probe through
 * (half-open) whose outcome closes or reopens it.
 */
@Injectable()
export class RegionBreakers {
  private readonly logger = new Logger(RegionBreakers.name);
  private readonly breakers = new Map<string, RegionBreaker>();

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly metrics: BudgetMetrics,
  ) {}

  /** Runs one GreenLake call through the region's breaker; an open breaker throws 503 at once. */
  async execute<T extends { status: number }>(region: string, send: () => Promise<T>): Promise<T> {
    const breaker = this.breakerFor(region);
    try {
      return await breaker.policy.execute(send);
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        const openMs = this.config.budget.breakerOpenMs;
        const leftMs = Math.max(0, breaker.openedAt + openMs - Date.now());
        throw new GatewayError(
          GatewayErrorCode.UPSTREAM_UNAVAILABLE,
          `GreenLake (${region}) is failing; the gateway stopped calling it for a while (circuit open)`,
          {
            headers: { 'Retry-After': String(Math.max(1, Math.ceil(leftMs / 1000))) },
            cause: error,
          },
        );
      }
      throw error;
    }
  }

  private breakerFor(region: string): RegionBreaker {
    let breaker = this.breakers.get(region);
    if (!breaker) {
      const { breakerFailures, breakerOpenMs } = this.config.budget;
      const failing = handleWhen(
        (error) => error instanceof GatewayError && FAILING_CODES.has(error.code),
      ).orWhenResult((result) => (result as { status: number }).status >= 500);
      const policy = circuitBreaker(failing, {
        halfOpenAfter: breakerOpenMs,
        breaker: new ConsecutiveBreaker(breakerFailures),
      });
      const created: RegionBreaker = { policy, openedAt: 0 };
      policy.onBreak(() => {
        created.openedAt = Date.now();
        this.logger.warn(
          `circuit for region ${region} opened after ${breakerFailures} consecutive failures; calls fail fast for ${breakerOpenMs} ms`,
        );
      });
      policy.onReset(() => this.logger.log(`circuit for region ${region} closed again`));
      policy.onStateChange((state) => this.metrics.breakerState(region, stateName(state)));
      breaker = created;
      this.breakers.set(region, breaker);
    }
    return breaker;
  }
}

/** The 503 of an open circuit (never worth an immediate retry). */
export function isCircuitOpen(error: unknown): boolean {
  return error instanceof GatewayError && error.cause instanceof BrokenCircuitError;
}

function stateName(state: CircuitState): 'closed' | 'open' | 'half-open' {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.HalfOpen:
      return 'half-open';
    case CircuitState.Open:
    case CircuitState.Isolated:
      return 'open';
  }
}
