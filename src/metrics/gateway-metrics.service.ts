import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The route label of a request no route matched: raw paths never become labels. */
export const UNMATCHED_ROUTE = 'unmatched';
/** The region label of a request that named no (known) region. */
export const NO_REGION = 'none';

export type CacheResult = 'hit' | 'miss' | 'bypass' | 'stale';
export type TokenRequestResult = 'success' | 'failure';

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Every Prometheus metric of the gateway, in a registry of its own (one per app, so that several
 * gateways in one process never mix). Labels are route templates, regions, profiles, methods and
 * statuses only: callers cannot create series. A floor module: anything may inject it.
 */
@Injectable()
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly tokenExpiries = new Map<string, number>();

  private readonly httpRequests = new Counter({
    name: 'gateway_http_requests_total',
    help: 'Requests answered by the gateway, by route template, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'gateway_http_request_duration_seconds',
    help: 'Time to answer a request, by route template and method',
    labelNames: ['method', 'route'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly upstreamRequests = new Counter({
    name: 'gateway_upstream_requests_total',
    help: 'Calls to GreenLake, by region, method and status (timeout, unreachable when none came)',
    labelNames: ['region', 'method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Time GreenLake took to answer (headers), by region and method',
    labelNames: ['region', 'method'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly tokenRequests = new Counter({
    name: 'gateway_token_requests_total',
    help: 'Requests to a GreenLake token endpoint, by credential profile and result',
    labelNames: ['profile', 'result'] as const,
    registers: [this.registry],
  });
  private readonly cacheRequests = new Counter({
    name: 'gateway_cache_requests_total',
    help: 'Response cache lookups by result (hit, miss, bypass, stale)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  private readonly cacheHitShortcuts = new Counter({
    name: 'gateway_cache_hit_shortcut_total',
    help: "Cache hits answered before Nest's router (the hit shortcut), also counted as hits above",
    registers: [this.registry],
  });
  private readonly cacheRefreshes = new Counter({
    name: 'gateway_cache_refresh_ahead_total',
    help: 'Background refreshes of cache entries near their TTL, started by a hit',
    registers: [this.registry],
  });
  private readonly budgetGauge = new Gauge({
    name: 'gateway_upstream_budget_remaining',
    help: "GreenLake's rate-limit budget left (ratelimit-remaining), by profile and region",
    labelNames: ['profile', 'region'] as const,
    registers: [this.registry],
  });
  private readonly breakerGauge = new Gauge({
    name: 'gateway_upstream_breaker_open',
    help: 'Whether the circuit breaker of a region is open (1) or closed (0)',
    labelNames: ['region'] as const,
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'gateway_upstream_retries_total',
    help: 'Retried GreenLake calls, by region and reason (a status, reset, refused)',
    labelNames: ['region', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly deprecations = new Counter({
    name: 'gateway_upstream_deprecated_responses_total',
    help: 'GreenLake answers carrying Deprecation or Sunset headers, by gateway route template and header',
    labelNames: ['route', 'header'] as const,
    registers: [this.registry],
  });
  private readonly taskPolls = new Counter({
    name: 'gateway_task_polls_total',
    help: 'Polls of GreenLake tasks by the task hub, by region',
    labelNames: ['region'] as const,
    registers: [this.registry],
  });
  private readonly taskPollers = new Gauge({
    name: 'gateway_task_pollers_active',
    help: 'Tasks being polled right now (one poller serves every waiter of a task)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const expiries = this.tokenExpiries;
    new Gauge({
      name: 'gateway_token_expires_in_seconds',
      help: 'Seconds left before the current GreenLake token of a profile expires (0: expired)',
      labelNames: ['profile'] as const,
      registers: [this.registry],
      // Computed at scrape time, so the gauge falls between refreshes
      collect() {
        const now = Date.now();
        for (const [profile, expiresAt] of expiries) {
          this.set({ profile }, Math.max(0, Math.round((expiresAt - now) / 1000)));
        }
      },
    });
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ method, route, status: String(status) });
    this.httpDuration.observe({ method, route }, seconds);
  }

  /** `status`: GreenLake's status, or `timeout` / `unreachable` when no answer came. */
  upstreamRequest(region: string, method: string, status: number | string, seconds: number): void {
    this.upstreamRequests.inc({ region, method, status: String(status) });
    this.upstreamDuration.observe({ region, method }, seconds);
  }

  tokenRequest(profile: string, result: TokenRequestResult): void {
    this.tokenRequests.inc({ profile, result });
  }

  /** The current token of a profile and when it expires (epoch ms). */
  tokenExpiresAt(profile: string, expiresAtMs: number): void {
    this.tokenExpiries.set(profile, expiresAtMs);
  }

  cacheResult(result: CacheResult): void {
    this.cacheRequests.inc({ result });
  }

  cacheHitShortcut(): void {
    this.cacheHitShortcuts.inc();
  }

  cacheRefreshedAhead(): void {
    this.cacheRefreshes.inc();
  }

  budgetRemaining(profile: string, region: string, remaining: number): void {
    this.budgetGauge.set({ profile, region }, remaining);
  }

  breakerOpen(region: string, open: boolean): void {
    this.breakerGauge.set({ region }, open ? 1 : 0);
  }

  retry(region: string, reason: string): void {
    this.retries.inc({ region, reason });
  }

  deprecatedResponse(route: string, header: 'deprecation' | 'sunset'): void {
    this.deprecations.inc({ route, header });
  }

  taskPoll(region: string): void {
    this.taskPolls.inc({ region });
  }

  activeTaskPollers(count: number): void {
    this.taskPollers.set(count);
  }

  /** The Prometheus text exposition. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
