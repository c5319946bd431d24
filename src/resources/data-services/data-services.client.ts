import { Injectable } from '@nestjs/common';
import type { Method } from 'axios';
import { UpstreamClient, UpstreamResponse } from 'src/upstream/upstream.client';
import type { ListWire } from 'src/upstream/wire/list.wire';
import { mapBadResponse } from 'src/upstream/upstream-error.mapper';
import { invalidRequest } from './invalid-request.util';
import { badListShape } from './list-shape.util';
import { collectAllPages, TooManyItemsError } from './paging.util';
import { friendlyFilters, FriendlyFilterTable } from 'src/catalog/odata-filter.util';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { ResourceDefaultsService } from './resource-defaults.service';
import { MAX_ITEMS_LIMIT } from 'src/catalog/resource-defaults.util';
import type { ResourceName } from 'src/catalog/resource-spec.type';
import { buildItemQuery, buildListQuery, ListParams, UpstreamQuery } from './upstream-query.util';
import { type CacheLookup, ResponseCacheService } from 'src/cache/response-cache.service';
import { CallCacheContext } from 'src/cache/call-cache-context.service';
import { canonicalRequestOf } from 'src/cache/cache-key.util';
import { etagOf, generationOf } from 'src/cache/etag.util';
import type { StoredAnswer } from 'src/cache/cache-store.type';
import { withKnownJson } from 'src/common/http/known-json.util';

export const MERGE_PATCH = 'application/merge-patch+json';

export interface ItemRequest {
  method: Method;
  /** Under the collection, already encoded: an id, or an id and an action (`{id}/download`). */
  subPath?: string;
  query?: UpstreamQuery;
  body?: unknown;
  contentType?: string;
  /** A POST that changes nothing (a download link): the resource's cached answers stay. */
  readOnly?: boolean;
}

/**
 * The Data Services calls of the resource modules, over the one UpstreamClient: applies the
 * server-side defaults, turns the common parameters into GreenLake's, and follows pages for all=true.
 */
@Injectable()
export class DataServicesClient {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly defaults: ResourceDefaultsService,
    private readonly cache: ResponseCacheService,
    private readonly cacheContext: CallCacheContext,
  ) {}

  /**
   * A list with the resource's defaults; `friendly` is either the conditions already built, or the
   * table that builds them from `params` (the route's friendly query parameters).
   */
  async list<T, Q extends ListParams = ListParams>(
    resource: ResourceName,
    call: UpstreamCall,
    params: Q,
    friendly: readonly string[] | FriendlyFilterTable<Q> = [],
  ): Promise<ListWire<T>> {
    const spec = RESOURCE_CATALOG[resource];
    const query = this.listQueryOf(resource, params, friendly);
    const fetchPage = (pageQuery: UpstreamQuery) =>
      this.cachedGet<ListWire<T>>(resource, call, undefined, pageQuery);
    if (!params.all || !spec.paging) {
      return fetchPage(query);
    }
    const maxItems = params.maxItems ?? MAX_ITEMS_LIMIT;
    try {
      return await collectAllPages((offset, limit) => fetchPage({ ...query, offset, limit }), {
        startOffset: params.offset ?? 0,
        pageSize: spec.paging.maxLimit,
        maxItems,
      });
    } catch (error) {
      if (error instanceof TooManyItemsError) {
        throw invalidRequest(
          `all=true would return ${error.available} ${spec.label}, more than maxItems (${maxItems}); narrow the filter, raise maxItems (at most ${MAX_ITEMS_LIMIT}) or page with limit and offset`,
        );
      }
      throw error;
    }
  }

  /**
   * GreenLake's query for a list: the defaults, the friendly conditions and the paging. A repeated
   * query string arrives as the same frozen DTO (RememberingValidationPipe), so its query (frozen
   * too) and canonical form are built once, not on every poll.
   */
  private listQueryOf<Q extends ListParams>(
    resource: ResourceName,
    params: Q,
    friendly: readonly string[] | FriendlyFilterTable<Q>,
  ): UpstreamQuery {
    const build = () => {
      const conditions = isConditionList(friendly) ? friendly : friendlyFilters(params, friendly);
      return buildListQuery(
        RESOURCE_CATALOG[resource],
        this.defaults.for(resource),
        params,
        conditions,
      );
    };
    // Conditions handed in may differ from one call to the next: only a table's follow from params
    if (isConditionList(friendly) || !Object.isFrozen(params)) {
      return build();
    }
    let byResource = builtListQueries.get(params);
    if (!byResource) {
      byResource = new Map();
      builtListQueries.set(params, byResource);
    }
    let query = byResource.get(resource);
    if (!query) {
      query = Object.freeze(build());
      byResource.set(resource, query);
    }
    return query;
  }

  async get<T>(
    resource: ResourceName,
    call: UpstreamCall,
    id: string,
    fields?: string,
  ): Promise<T> {
    const query = buildItemQuery(RESOURCE_CATALOG[resource], fields);
    return this.cachedGet<T>(resource, call, encodeURIComponent(id), query, true);
  }

  /** A merge patch (RFC 7396), the content type every Data Services PATCH accepts. */
  async patch<T>(resource: ResourceName, call: UpstreamCall, id: string, body: object): Promise<T> {
    const response = await this.request<T>(resource, call, {
      method: 'PATCH',
      subPath: encodeURIComponent(id),
      body,
      contentType: MERGE_PATCH,
    });
    return response.data;
  }

  /** One call as it is; a write voids the resource's cached lists and items (profile and region). */
  async request<T>(
    resource: ResourceName,
    call: UpstreamCall,
    request: ItemRequest,
  ): Promise<UpstreamResponse<T>> {
    const write = request.method.toUpperCase() !== 'GET' && !request.readOnly;
    try {
      return await this.upstream.request<T>(call, {
        method: request.method,
        path: pathOf(resource, request.subPath),
        query: request.query,
        body: request.body,
        contentType: request.contentType,
      });
    } finally {
      // Also after a failure: GreenLake may have applied a write whose answer was lost
      if (write) {
        await this.cache.invalidate({
          profile: call.profile.name,
          region: call.region.name,
          resource,
        });
      }
    }
  }

  /**
   * A GET through the response cache (when the resource has a TTL): GreenLake's JSON body is kept
   * per profile, region and canonical query, and what the cache did is noted for the caller's
   * X-Cache, Age and ETag.
   */
  private async cachedGet<T>(
    resource: ResourceName,
    call: UpstreamCall,
    subPath: string | undefined,
    query: UpstreamQuery,
    item = false,
  ): Promise<T> {
    const path = pathOf(resource, subPath);
    const ttlSeconds = this.defaults.for(resource).cacheTtlSeconds;
    // A list must have its items before it is used or stored (a proxy's HTML page must not be)
    const fetchChecked = async (on: UpstreamCall = call) => {
      const response = await this.upstream.request<T>(on, { method: 'GET', path, query });
      const bad = item ? undefined : badListShape(response.data);
      if (bad) {
        throw mapBadResponse({ region: call.region.name, method: 'GET', path }, bad);
      }
      return response;
    };
    if (!this.cache.caches(ttlSeconds)) {
      return (await fetchChecked()).data;
    }
    let fetched: unknown;
    const lookup: CacheLookup = {
      scope: { profile: call.profile.name, region: call.region.name, resource },
      request: canonicalOf(path, query),
      ttlSeconds,
      refresh: call.refresh ?? false,
    };
    const cached = await this.cache.fetch<T>(lookup, async () => {
      // A fill may be shared by coalesced callers: it must not end when the first one leaves
      const response = await fetchChecked({ ...call, signal: undefined });
      if (response.status !== 200) {
        return { kind: 'other', value: response.data };
      }
      fetched = response.data;
      const body = JSON.stringify(response.data);
      const generation = item ? generationOf(response.data) : undefined;
      const headers = { 'content-type': 'application/json; charset=utf-8' };
      return { kind: 'answer', answer: { body, headers, generation } };
    });
    if (cached.kind === 'other') {
      return cached.value;
    }
    if (fetched !== undefined && cached.result === 'MISS' && !parsedBodies.has(cached.answer)) {
      // This request's own fill: what it fetched is the entry's body, no need to parse it back
      parsedBodies.set(cached.answer, withKnownJson(fetched, cached.answer.body));
    }
    const data = parsedBodyOf(cached.answer) as T;
    const generation = item ? generationOf(data) : undefined;
    // The route's body follows from the entry alone, so the entry's hash is its ETag: no hash of
    // the route's bytes on every hit (an item's is GreenLake's generation)
    this.cacheContext.record(
      call,
      cached.result,
      cached.ageSeconds,
      generation === undefined ? cached.answer.etag : etagOf('', generation),
      cached.answer,
      lookup,
    );
    return data;
  }
}

const builtListQueries = new WeakMap<object, Map<ResourceName, UpstreamQuery>>();
const canonicalRequests = new WeakMap<UpstreamQuery, Map<string, string>>();

/** The canonical request of a GET; remembered for a frozen (built once) query, per path. */
function canonicalOf(path: string, query: UpstreamQuery): string {
  if (!Object.isFrozen(query)) {
    return canonicalRequestOf(path, query);
  }
  let byPath = canonicalRequests.get(query);
  if (!byPath) {
    byPath = new Map();
    canonicalRequests.set(query, byPath);
  }
  let canonical = byPath.get(path);
  if (canonical === undefined) {
    canonical = canonicalRequestOf(path, query);
    byPath.set(path, canonical);
  }
  return canonical;
}

// The memory store hands back the same entry on every hit: parsed once, not once per hit. Frozen,
// so that no route's mapping can change what the next hit sees; a route that answers the body as
// it is sends the entry's text (known-json.util), not a new stringification.
const parsedBodies = new WeakMap<StoredAnswer, unknown>();

function parsedBodyOf(answer: StoredAnswer): unknown {
  if (!parsedBodies.has(answer)) {
    parsedBodies.set(answer, withKnownJson(JSON.parse(answer.body), answer.body));
  }
  return parsedBodies.get(answer);
}

function pathOf(resource: ResourceName, subPath: string | undefined): string {
  const base = RESOURCE_CATALOG[resource].upstreamPath;
  return subPath === undefined ? base : `${base}/${subPath}`;
}

function isConditionList<Q>(
  friendly: readonly string[] | FriendlyFilterTable<Q>,
): friendly is readonly string[] {
  return Array.isArray(friendly);
}
