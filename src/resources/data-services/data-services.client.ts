import { Injectable } from '@nestjs/common';
import type { Method } from 'axios';
import { UpstreamClient, UpstreamResponse } from 'src/upstream/upstream.client';
import type { ListWire } from 'src/upstream/wire/list.wire';
import { mapBadResponse } from 'src/upstream/upstream-error.mapper';
import { invalidRequest } from './invalid-request.util';
import { badListShape } from './list-shape.util';
import { collectAllPages, TooManyItemsError } from './paging.util';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { ResourceDefaultsService } from './resource-defaults.service';
import { MAX_ITEMS_LIMIT } from 'src/catalog/resource-defaults.util';
import type { ResourceName } from 'src/catalog/resource-spec.type';
import { buildItemQuery, buildListQuery, ListParams, UpstreamQuery } from './upstream-query.util';

export const MERGE_PATCH = 'application/merge-patch+json';

export interface ItemRequest {
  method: Method;
  /** Under the collection, already encoded: an id, or an id and an action (`{id}/download`). */
  subPath?: string;
  query?: UpstreamQuery;
  body?: unknown;
  contentType?: string;
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
  ) {}

  async list<T>(
    resource: ResourceName,
    call: UpstreamCall,
    params: ListParams,
    friendly: readonly string[] = [],
  ): Promise<ListWire<T>> {
    const spec = RESOURCE_CATALOG[resource];
    const query = buildListQuery(spec, this.defaults.for(resource), params, friendly);
    const fetchPage = async (pageQuery: UpstreamQuery): Promise<ListWire<T>> => {
      const { data } = await this.request<ListWire<T>>(resource, call, {
        method: 'GET',
        query: pageQuery,
      });
      const bad = badListShape(data);
      if (bad) {
        const context = { region: call.region.name, method: 'GET', path: spec.upstreamPath };
        throw mapBadResponse(context, bad);
      }
      return data;
    };
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

  async get<T>(
    resource: ResourceName,
    call: UpstreamCall,
    id: string,
    fields?: string,
  ): Promise<T> {
    const query = buildItemQuery(RESOURCE_CATALOG[resource], fields);
    const response = await this.request<T>(resource, call, {
      method: 'GET',
      subPath: encodeURIComponent(id),
      query,
    });
    return response.data;
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

  request<T>(
    resource: ResourceName,
    call: UpstreamCall,
    request: ItemRequest,
  ): Promise<UpstreamResponse<T>> {
    const base = RESOURCE_CATALOG[resource].upstreamPath;
    const path = request.subPath === undefined ? base : `${base}/${request.subPath}`;
    return this.upstream.request<T>(call, {
      method: request.method,
      path,
      query: request.query,
      body: request.body,
      contentType: request.contentType,
    });
  }
}
