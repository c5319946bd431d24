import { Inject, Injectable, Optional } from '@nestjs/common';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { GatewayMetrics } from 'src/metrics/gateway-metrics.service';
import { BudgetMetrics } from 'src/budget/budget-metrics.service';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import { effectiveDefaults } from 'src/catalog/resource-defaults.util';
import type { ResourceName } from 'src/catalog/resource-spec.type';
import { CacheScope, requestHashOf, scopeIdOf, scopePatternOf } from './cache-key.util';
import { CACHE_STORE, type CacheStore, type StoredAnswer } from './cache-store.type';
import { etagOf } from './etag.util';

/** What the caller is told in `X-Cache`. */
export type CacheResult = 'HIT' | 'MISS' | 'BYPASS' | 'STALE';

export interface CacheLookup {
  scope: CacheScope;
  /** The canonical request (canonicalRequestOf). */
  request: string;
  ttlSeconds: number;
  /** `Cache-Control: no-cache`: go upstream and refresh the entry. */
  refresh: boolean;
}

/** What a background refresh does with an answer it cannot keep (a pass-through stream: release it). */
export type DiscardOther<U> = (value: U) => void;

/** An answer from GreenLake worth keeping: a 200 with a JSON body. */
export interface FreshAnswer {
  body: string;
  headers: Record<string, string>;
  /** GreenLake's `generation` of a single item: its ETag. */
  generation?: string;
}

/** What a loader found: an answer to keep, or something else to hand back unstored. */
export type Loaded<U> = { kind: 'answer'; answer: FreshAnswer } | { kind: 'other'; value: U };

export type Cached<U> =
  | { kind: 'answer'; answer: StoredAnswer; result: CacheResult; ageSeconds: number }
  | { kind: 'other'; value: U };

/** Upstream trouble that a stale entry may stand in for (5xx, timeout, unreachable, spent budget). */
const STALE_INSTEAD_OF = new Set<GatewayErrorCode>([
  GatewayErrorCode.UPSTREAM_ERROR,
  GatewayErrorCode.UPSTREAM_TIMEOUT,
  GatewayErrorCode.UPSTREAM_UNAVAILABLE,
  GatewayErrorCode.UPSTREAM_BUDGET_EXHAUSTED,
  GatewayErrorCode.UPSTREAM_RATE_LIMITED,
  GatewayErrorCode.TOKEN_UNAVAILABLE,
]);

// How often a replica waiting on another's fill looks for the answer: soon, then less often
const WAIT_POLL_FIRST_MS = 10;
const WAIT_POLL_MAX_MS = 100;

/** Counters for /metrics (wired by the operations work): plain numbers, read with snapshot(). */
export interface ResponseCacheStats {
  hit: number;
  miss: number;
  bypass: number;
  stale: number;
  /** Callers that shared another caller's upstream call (in this process or another replica). */
  coalesced: number;
  /** Answers over GATEWAY_CACHE_MAX_ENTRY_BYTES, served and not stored. */
  tooLarge: number;
  /** Lookups made while the store could not be read (Redis down, frozen or slow). */
  storeUnavailable: number;
  /** Background refreshes started by a hit near its entry's TTL. */
  refreshedAhead: number;
}

interface Filled<U> {
  outcome: Cached<U>;
  /** The leader could not share what it got (a stream): followers load their own. */
  shareable: boolean;
}

/**
 * The response cache: a fresh entry is a HIT; otherwise one upstream call per request at a time
 * (in this process by a shared promise, across replicas by a short fill lock in Redis and a
 * bounded wait for the answer), stored for the TTL plus the stale window; a stale entry answers
 * when GreenLake cannot. Entries are per (profile, region, resource, canonical request).
 */
@Injectable()
export class ResponseCacheService {
  private readonly flights = new Map<string, Promise<Filled<unknown>>>();
  private readonly stats: ResponseCacheStats = {
    hit: 0,
    miss: 0,
    bypass: 0,
    stale: 0,
    coalesced: 0,
    tooLarge: 0,
    storeUnavailable: 0,
    refreshedAhead: 0,
  };

  constructor(
    @Inject(CACHE_STORE) private readonly store: CacheStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Optional() private readonly metrics?: GatewayMetrics,
    @Optional() private readonly budget?: BudgetMetrics,
  ) {}

  /** Whether answers with this TTL are cached at all (GATEWAY_CACHE=off, or a TTL of 0: no). */
  caches(ttlSeconds: number): boolean {
    return this.config.cache.enabled && ttlSeconds > 0;
  }

  /** The TTL of a pass-through GET: its resource's (GATEWAY_DEFAULTS_FILE applied), else the proxy's. */
  ttlSecondsOf(resource: ResourceName | undefined): number {
    if (resource === undefined) {
      return this.config.cache.proxyTtlSeconds;
    }
    const override = this.config.resourceDefaults?.[resource];
    return effectiveDefaults(RESOURCE_CATALOG[resource], override).cacheTtlSeconds;
  }

  get enabled(): boolean {
    return this.config.cache.enabled;
  }

  snapshot(): ResponseCacheStats {
    return { ...this.stats };
  }

  async fetch<U>(
    lookup: CacheLookup,
    load: () => Promise<Loaded<U>>,
    discard?: DiscardOther<U>,
  ): Promise<Cached<U>> {
    const cached = await this.lookUpOrFill(lookup, load, discard);
    if (cached.kind === 'answer') {
      this.metrics?.cacheResult(lookup.refresh ? 'bypass' : (cached.result.toLowerCase() as 'hit'));
    }
    return cached;
  }

  private async lookUpOrFill<U>(
    lookup: CacheLookup,
    load: () => Promise<Loaded<U>>,
    discard: DiscardOther<U> | undefined,
  ): Promise<Cached<U>> {
    const scope = scopeIdOf(lookup.scope);
    const hash = requestHashOf(lookup.request);
    const ttlMs = lookup.ttlSeconds * 1000;
    const read = await this.store.read(scope, hash);
    if (!read) {
      this.stats.storeUnavailable++;
    }
    const entry = read?.answer;
    const ageMs = entry ? Math.max(0, Date.now() - entry.storedAt) : 0;
    if (entry && !lookup.refresh && ageMs < entry.ttlMs) {
      this.stats.hit++;
      if (read && !read.locked && this.dueAhead(lookup, entry, ageMs)) {
        this.refreshAhead(
          { scope, hash, ttlMs, generation: read.generation },
          entry,
          load,
          discard,
        );
      }
      return { kind: 'answer', answer: entry, result: 'HIT', ageSeconds: Math.floor(ageMs / 1000) };
    }
    const stale =
      entry && !lookup.refresh && ageMs < entry.ttlMs + this.staleMs ? entry : undefined;
    const generation = read?.generation;
    const flightKey = `${scope}|${hash}|${generation ?? 'unknown'}`;
    let flight = this.flights.get(flightKey) as Promise<Filled<U>> | undefined;
    const leader = !flight;
    if (!flight) {
      flight = this.fill(
        { scope, hash, ttlMs, generation, lookedUp: read !== undefined, refresh: lookup.refresh },
        load,
        stale,
        read?.locked === true,
      ).finally(() => this.flights.delete(flightKey));
      this.flights.set(flightKey, flight);
    } else {
      this.stats.coalesced++;
    }
    const filled = await flight;
    if (!leader && !filled.shareable) {
      const own = await load();
      return own.kind === 'other'
        ? own
        : {
            kind: 'answer',
            answer: this.answerOf(own.answer, ttlMs, -1),
            result: 'MISS',
            ageSeconds: 0,
          };
    }
    const { outcome } = filled;
    if (outcome.kind === 'answer' && outcome.result !== 'STALE') {
      const result: CacheResult = lookup.refresh ? 'BYPASS' : 'MISS';
      this.stats[result === 'BYPASS' ? 'bypass' : 'miss']++;
      return { ...outcome, result };
    }
    if (outcome.kind === 'answer') {
      this.stats.stale++;
    }
    return outcome;
  }

  /**
   * The entry of a lookup when it answers as a plain HIT needs nothing else (fresh, no refresh
   * ahead due): what the hit shortcut serves. Counts nothing: the shortcut calls countHit() once
   * it has answered with it, and otherwise leaves the request to fetch().
   */
  async freshEntry(
    lookup: CacheLookup,
  ): Promise<{ answer: StoredAnswer; ageSeconds: number } | undefined> {
    if (!this.caches(lookup.ttlSeconds) || lookup.refresh) {
      return undefined;
    }
    const read = await this.store.read(scopeIdOf(lookup.scope), requestHashOf(lookup.request));
    const entry = read?.answer;
    const ageMs = entry ? Math.max(0, Date.now() - entry.storedAt) : 0;
    if (!entry || ageMs >= entry.ttlMs || this.dueAhead(lookup, entry, ageMs)) {
      return undefined;
    }
    return { answer: entry, ageSeconds: Math.floor(ageMs / 1000) };
  }

  /** A HIT served from freshEntry(), counted as fetch() counts its own. */
  countHit(): void {
    this.stats.hit++;
    this.metrics?.cacheResult('hit');
  }

  /** Voids the scope's entries (lists and items) on every replica: after the gateway's own writes. */
  invalidate(scope: CacheScope): Promise<void> {
    return this.store.invalidate(scopeIdOf(scope));
  }

  /** Drops every entry of the matching scopes, of every profile; answers how many. */
  purge(match: { region?: string; resource?: string }, knownScopes: CacheScope[]): Promise<number> {
    return this.store.purge(scopePatternOf(match), knownScopes.map(scopeIdOf));
  }

  /** In the last refreshAheadPercent of its TTL, and GreenLake's budget not scarce for it. */
  private dueAhead(lookup: CacheLookup, entry: StoredAnswer, ageMs: number): boolean {
    const percent = this.config.cache.refreshAheadPercent;
    return (
      percent > 0 &&
      ageMs >= entry.ttlMs * (1 - percent / 100) &&
      !this.budget?.isScarce(lookup.scope.profile, lookup.scope.region)
    );
  }

  /**
   * One background fill of an entry that is about to expire, served as a HIT meanwhile: a busy key
   * is renewed before its callers would have to wait on GreenLake (a 5 s TTL made every caller of
   * a hot list wait one upstream call every 5 s). It is the flight of that key, so a caller who
   * comes after the TTL joins it; if it fails, the entry stands in as STALE where it may, as for
   * any fill, and otherwise simply runs out.
   */
  private refreshAhead<U>(
    target: { scope: string; hash: string; ttlMs: number; generation: number },
    entry: StoredAnswer,
    load: () => Promise<Loaded<U>>,
    discard: DiscardOther<U> | undefined,
  ): void {
    const flightKey = `${target.scope}|${target.hash}|${target.generation}`;
    if (this.flights.has(flightKey)) {
      return;
    }
    this.stats.refreshedAhead++;
    this.metrics?.cacheRefreshedAhead();
    const flight = this.fill(
      { ...target, lookedUp: true, refresh: false },
      load,
      entry,
      false,
    ).finally(() => this.flights.delete(flightKey));
    this.flights.set(flightKey, flight);
    // Nobody waits on a refresh: an unkept answer is released, a failure leaves the entry as it is
    flight.then(
      ({ outcome }) => outcome.kind === 'other' && discard?.(outcome.value),
      () => undefined,
    );
  }

  private get staleMs(): number {
    return this.config.cache.staleSeconds * 1000;
  }

  private async fill<U>(
    target: {
      scope: string;
      hash: string;
      ttlMs: number;
      generation: number | undefined;
      lookedUp: boolean;
      refresh: boolean;
    },
    load: () => Promise<Loaded<U>>,
    stale: StoredAnswer | undefined,
    lockedElsewhere: boolean,
  ): Promise<Filled<U>> {
    const { scope, hash, ttlMs, generation } = target;
    const timeoutMs = this.config.upstream.timeoutMs;
    let lockOwner: string | undefined;
    if (this.store.shared && target.lookedUp && !target.refresh) {
      const lock = lockedElsewhere
        ? ({ kind: 'busy' } as const)
        : await this.store.lock(scope, hash, timeoutMs);
      if (lock.kind === 'acquired') {
        lockOwner = lock.owner;
      } else if (lock.kind === 'busy') {
        const answer = await this.waitForFill(scope, hash, generation, Date.now() + timeoutMs);
        if (answer) {
          this.stats.coalesced++;
          return {
            outcome: { kind: 'answer', answer, result: 'MISS', ageSeconds: 0 },
            shareable: true,
          };
        }
        // The holder stored nothing in time (it failed, died or is slow): go upstream ourselves
      }
    }
    let loaded: Loaded<U>;
    try {
      loaded = await load();
    } catch (error) {
      this.release(scope, hash, lockOwner);
      if (stale && error instanceof GatewayError && STALE_INSTEAD_OF.has(error.code)) {
        const ageSeconds = Math.floor(Math.max(0, Date.now() - stale.storedAt) / 1000);
        return {
          outcome: { kind: 'answer', answer: stale, result: 'STALE', ageSeconds },
          shareable: true,
        };
      }
      throw error;
    }
    if (loaded.kind === 'other') {
      this.release(scope, hash, lockOwner);
      return { outcome: loaded, shareable: false };
    }
    const answer = this.answerOf(loaded.answer, ttlMs, generation ?? -1);
    if (generation === undefined) {
      // The store could not be read, so the generation is unknown: storing could revive what a
      // write on another replica voided
      this.release(scope, hash, lockOwner);
    } else if (Buffer.byteLength(answer.body) > this.config.cache.maxEntryBytes) {
      this.stats.tooLarge++;
      this.release(scope, hash, lockOwner);
    } else {
      this.store.write(scope, hash, answer, ttlMs + this.staleMs, lockOwner);
    }
    return { outcome: { kind: 'answer', answer, result: 'MISS', ageSeconds: 0 }, shareable: true };
  }

  private answerOf(fresh: FreshAnswer, ttlMs: number, scopeGeneration: number): StoredAnswer {
    return {
      body: fresh.body,
      headers: fresh.headers,
      etag: etagOf(fresh.body, fresh.generation),
      storedAt: Date.now(),
      ttlMs,
      scopeGeneration,
    };
  }

  /** Polls for the answer another replica is fetching, until it lands, the lock goes, or the deadline. */
  private async waitForFill(
    scope: string,
    hash: string,
    generation: number | undefined,
    deadline: number,
  ): Promise<StoredAnswer | undefined> {
    let pauseMs = WAIT_POLL_FIRST_MS;
    while (Date.now() < deadline) {
      await new Promise((resume) => setTimeout(resume, Math.min(pauseMs, deadline - Date.now())));
      pauseMs = Math.min(pauseMs * 2, WAIT_POLL_MAX_MS);
      const read = await this.store.read(scope, hash);
      if (!read || read.generation !== generation) {
        return undefined;
      }
      if (read.answer && Date.now() - read.answer.storedAt < read.answer.ttlMs) {
        return read.answer;
      }
      if (!read.locked) {
        return undefined;
      }
    }
    return undefined;
  }

  private release(scope: string, hash: string, owner: string | undefined): void {
    if (owner) {
      this.store.unlock(scope, hash, owner);
    }
  }
}
