import { Injectable } from '@nestjs/common';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type { StoredAnswer } from './cache-store.type';
import type { CacheLookup, CacheResult } from './response-cache.service';

/** What one request asked of the cache, and what the cache did for it (several pages: several fetches). */
export interface CallCacheState {
  results: CacheResult[];
  /** The oldest entry served, in seconds. */
  ageSeconds: number;
  /** Set when the request was one item fetch whose ETag is GreenLake's generation. */
  etag?: string;
  /** The entry served, when the request read one: its text may be the route's very answer. */
  answer?: StoredAnswer;
  /** The lookup that found it, when the request read one entry: what the hit shortcut repeats. */
  lookup?: CacheLookup;
}

/** What the cache did for a request, combined over its fetches. */
export type CallCacheOutcome = Omit<CallCacheState, 'results'> & { result: CacheResult };

// A request that read two pages, one HIT and one MISS, went upstream: the weakest result wins
const PRECEDENCE: readonly CacheResult[] = ['BYPASS', 'STALE', 'MISS', 'HIT'];

/**
 * The request's side of the cache, keyed by the request's UpstreamCall (resolved once at the edge,
 * handed down to every client): what the cache did (DataServicesClient), read back by the hook
 * that writes X-Cache, Age and ETag. A WeakMap, so the state goes with the request. What the caller
 * asked for (`no-cache`) travels on the call itself (`UpstreamCall.refresh`).
 */
@Injectable()
export class CallCacheContext {
  private readonly states = new WeakMap<UpstreamCall, CallCacheState>();

  record(
    call: UpstreamCall,
    result: CacheResult,
    ageSeconds: number,
    etag?: string,
    answer?: StoredAnswer,
    lookup?: CacheLookup,
  ): void {
    let state = this.states.get(call);
    if (!state) {
      state = { results: [], ageSeconds: 0 };
      this.states.set(call, state);
    }
    state.results.push(result);
    state.ageSeconds = Math.max(state.ageSeconds, ageSeconds);
    const single = state.results.length === 1;
    state.etag = single ? etag : undefined;
    state.answer = single ? answer : undefined;
    state.lookup = single ? lookup : undefined;
  }

  /** The combined result of a request's fetches, if the cache served any. */
  outcomeOf(call: UpstreamCall): CallCacheOutcome | undefined {
    const state = this.states.get(call);
    if (!state || state.results.length === 0) {
      return undefined;
    }
    const result = PRECEDENCE.find((candidate) => state.results.includes(candidate)) ?? 'MISS';
    return {
      result,
      ageSeconds: state.ageSeconds,
      etag: state.etag,
      answer: state.answer,
      lookup: state.lookup,
    };
  }
}
