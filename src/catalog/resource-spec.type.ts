export const RESOURCE_NAMES = [
  'tasks',
  'issues',
  'secrets',
  'software-releases',
  'storage-locations',
  'tags',
  'settings',
  'dual-auth-operations',
] as const;

export type ResourceName = (typeof RESOURCE_NAMES)[number];

/** The server-side defaults of one resource; GATEWAY_DEFAULTS_FILE may override each of them. */
export interface ResourceDefaults {
  /** Properties GreenLake returns when the caller gives no `fields`; empty means all of them. */
  select: readonly string[];
  /** Used when the caller gives no `sort`. */
  sort?: string;
  /** Used when the caller gives no filter at all (neither `filter` nor a friendly one). */
  filter?: string;
  /** For the response cache (a later issue); 0 means never cached. */
  cacheTtlSeconds: number;
}

export interface PagingLimits {
  /** What GreenLake uses when no `limit` is sent. */
  defaultLimit: number;
  minLimit: number;
  maxLimit: number;
}

export interface SortRules {
  fields: readonly string[];
  /** Tags sort on one property only. */
  maxProperties?: number;
}

/** GreenLake's `select` on one resource. */
export interface SelectRules {
  /** Always added to a select (issues). */
  required: readonly string[];
  /** The top-level properties of the resource's item (its wire type and HPE's item schema). */
  properties: readonly string[];
}

/** What GreenLake accepts for one Data Services resource (GREENLAKE-FACTS §2 and §5). */
export interface ResourceSpec {
  name: ResourceName;
  /** In messages: "the GreenLake maximum for software releases". */
  label: string;
  /** Collection path on the regional host. */
  upstreamPath: string;
  /** Absent: GreenLake does not page this list (storage-locations). */
  paging?: PagingLimits;
  /** Absent: GreenLake does not sort this list. */
  sort?: SortRules;
  /** Absent: GreenLake has no `select` here. */
  select?: SelectRules;
  maxFilterLength: number;
  defaults: ResourceDefaults;
}

/** What GATEWAY_DEFAULTS_FILE may change about a resource's defaults. */
export interface ResourceDefaultsOverride {
  /** Empty: all properties. */
  select?: string[];
  /** Empty string: no default sort. */
  sort?: string;
  /** Empty string: no default filter. */
  filter?: string;
  cacheTtlSeconds?: number;
}
