import { invalidRequest } from './invalid-request.util';
import { andFilters, scanFilter } from 'src/catalog/odata-filter.util';
import type { ResourceDefaults, ResourceSpec } from 'src/catalog/resource-spec.type';
import { mergeSelect, parseFieldList } from 'src/catalog/select.util';
import { normalizeSort } from 'src/catalog/sort.util';

/** The common list parameters, as validated by the route's query DTO. */
export interface ListParams {
  limit?: number;
  offset?: number;
  sort?: string;
  fields?: string;
  filter?: string;
  all?: boolean;
  maxItems?: number;
}

export type UpstreamQuery = Record<string, string | number>;

/**
 * GreenLake's query for one list call: `fields` → `select` (plus the resource's required fields),
 * the caller's sort or the default one, the friendly conditions AND-ed with the raw `filter`
 * (or the default filter when the caller gave none), then limit and offset.
 */
export function buildListQuery(
  spec: ResourceSpec,
  defaults: ResourceDefaults,
  params: ListParams,
  friendly: readonly string[],
): UpstreamQuery {
  const problems: string[] = [];
  if (params.filter && friendly.length > 0 && scanFilter(params.filter).usesOr) {
    // `a and b or c` would mean `(a and b) or c`, and GreenLake has no parentheses
    problems.push(
      "filter uses 'or', which cannot be combined with the other filter parameters (GreenLake has no parentheses); write every condition in filter",
    );
  }
  if (params.all && params.limit !== undefined) {
    problems.push(
      'limit cannot be combined with all=true (all pages are read; bound them with maxItems)',
    );
  }
  if (problems.length > 0) {
    throw invalidRequest(...problems);
  }
  const query: UpstreamQuery = {};
  const select = selectFor(spec, params.fields, defaults.select);
  if (select) {
    query.select = select;
  }
  const sort = spec.sort ? (params.sort ? normalizeSort(params.sort) : defaults.sort) : undefined;
  if (sort) {
    query.sort = sort;
  }
  const given = friendly.length > 0 || !!params.filter;
  const filter = given ? andFilters([...friendly, params.filter]) : defaults.filter;
  if (filter) {
    query.filter = filter;
  }
  if (params.limit !== undefined) {
    query.limit = params.limit;
  }
  if (params.offset !== undefined) {
    query.offset = params.offset;
  }
  return query;
}

/** The query of a single-item GET: only `select`, and only where GreenLake has one. */
export function buildItemQuery(spec: ResourceSpec, fields: string | undefined): UpstreamQuery {
  const select = fields ? selectFor(spec, fields, []) : undefined;
  return select ? { select } : {};
}

function selectFor(
  spec: ResourceSpec,
  fields: string | undefined,
  defaultSelect: readonly string[],
): string | undefined {
  if (!spec.select) {
    return undefined;
  }
  const wanted = fields ? parseFieldList(fields) : defaultSelect;
  return wanted.length > 0 ? mergeSelect(wanted, spec.select.required).join(',') : undefined;
}
