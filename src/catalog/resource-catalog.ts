import type { ResourceName, ResourceSpec } from './resource-spec.type';

const DATA_SERVICES = '/data-services/v1beta1';

/** GET /issues answers 422 unless its select keeps these (BLOG-DS, March 2024). */
export const ISSUE_REQUIRED_SELECT = [
  'lastOccurredAt',
  'customerId',
  'createdAt',
  'id',
  'resourceUri',
  'generation',
  'type',
] as const;

/** `CommonResourceProperties` (common.wire.ts): the top-level properties every item carries. */
const COMMON_PROPERTIES = [
  'id',
  'type',
  'generation',
  'createdAt',
  'updatedAt',
  'resourceUri',
  'customerId',
  'name',
] as const;

/**
 * What `select` may name, per resource: the top-level properties of the item (the wire types of
 * src/upstream/wire, written out here so that the catalog imports nothing; HPE's item schemas in
 * data-services.json list the same, which a test checks). Nested ones (`parent/id`) cannot be selected.
 */
const SELECTABLE = {
  /** `Operation` (async-operation.wire.ts). */
  tasks: [
    ...COMMON_PROPERTIES,
    'state',
    'healthStatus',
    'progressPercent',
    'displayName',
    'userId',
    'services',
    'startedAt',
    'endedAt',
    'logMessages',
    'error',
    'associatedResources',
    'sourceResourceUri',
    'parent',
    'rootOperation',
    'hasChildOperations',
    'subtreeOperationCount',
    'groups',
    'recommendations',
    'additionalDetails',
    'estimatedRunningDurationMinutes',
    'suggestedPollingIntervalSeconds',
  ],
  /** `IssueDetails` (issue.wire.ts). */
  issues: [
    ...COMMON_PROPERTIES,
    'body',
    'category',
    'clearedAt',
    'groups',
    'issueType',
    'lastOccurredAt',
    'occurrenceCount',
    'recommendation',
    'relatedResources',
    'services',
    'severity',
    'snoozed',
    'snoozedBy',
    'snoozedFor',
    'snoozedUntil',
    'sourceResourceId',
    'sourceResourceType',
    'state',
  ],
  /** `SoftwareRelease` (software-release.wire.ts). */
  'software-releases': [
    ...COMMON_PROPERTIES,
    'version',
    'stability',
    'usage',
    'downloadable',
    'softwareComponent',
    'software',
    'signature',
  ],
  /** `Setting` (setting.wire.ts). */
  settings: [
    ...COMMON_PROPERTIES,
    'currentValue',
    'nextValue',
    'possibleValues',
    'description',
    'externalApplicationName',
    'lastUpdatedAt',
    'lastUpdatedBy',
    'consoleUri',
  ],
  /** `Dual-Auth-Operation` (dual-auth-operation.wire.ts; consoleUri, groups, operationResource deprecated). */
  'dual-auth-operations': [
    ...COMMON_PROPERTIES,
    'associatedResources',
    'checkedAt',
    'checkedByEmail',
    'checkedByUri',
    'description',
    'requestedAt',
    'requestedByEmail',
    'requestedByUri',
    'requestedOperation',
    'sourceServiceExternalName',
    'state',
    'consoleUri',
    'groups',
    'operationResource',
  ],
} as const;

/**
 * The declarative table of the Data Services resources: GreenLake's limits, what can be sorted and
 * selected, and the gateway's server-side defaults. Where the spec lists no sortable properties
 * (tasks, issues, settings, dual-auth), the scalar properties of the resource are allowed.
 */
export const RESOURCE_CATALOG: Readonly<Record<ResourceName, ResourceSpec>> = {
  tasks: {
    name: 'tasks',
    label: 'tasks',
    upstreamPath: `${DATA_SERVICES}/async-operations`,
    paging: { defaultLimit: 100, minLimit: 0, maxLimit: 1000 },
    sort: {
      fields: [
        'id',
        'name',
        'displayName',
        'state',
        'createdAt',
        'updatedAt',
        'startedAt',
        'endedAt',
        'progressPercent',
        'healthStatus',
        'userId',
        'generation',
      ],
    },
    select: { required: [], properties: SELECTABLE.tasks },
    maxFilterLength: 2000,
    // Tasks change every few seconds: newest first, cached briefly
    defaults: { select: [], sort: 'createdAt desc', cacheTtlSeconds: 5 },
  },
  issues: {
    name: 'issues',
    label: 'issues',
    upstreamPath: `${DATA_SERVICES}/issues`,
    paging: { defaultLimit: 10, minLimit: 1, maxLimit: 100 },
    sort: {
      fields: [
        'id',
        'name',
        'severity',
        'category',
        'issueType',
        'state',
        'createdAt',
        'updatedAt',
        'lastOccurredAt',
        'occurrenceCount',
        'sourceResourceType',
        'generation',
      ],
    },
    select: { required: ISSUE_REQUIRED_SELECT, properties: SELECTABLE.issues },
    maxFilterLength: 2000,
    defaults: { select: [], sort: 'createdAt desc', cacheTtlSeconds: 30 },
  },
  secrets: {
    name: 'secrets',
    label: 'secrets',
    upstreamPath: `${DATA_SERVICES}/secrets`,
    paging: { defaultLimit: 20, minLimit: 0, maxLimit: 120 },
    sort: {
      fields: [
        'assignmentsCount',
        'classifier',
        'createdAt',
        'createdBy',
        'id',
        'label',
        'lastUpdatedBy',
        'name',
        'service',
        'status',
        'subclassifier',
        'updatedAt',
      ],
    },
    maxFilterLength: 2000,
    defaults: { select: [], sort: 'name asc', cacheTtlSeconds: 60 },
  },
  'software-releases': {
    name: 'software-releases',
    label: 'software releases',
    upstreamPath: `${DATA_SERVICES}/software-releases`,
    paging: { defaultLimit: 100, minLimit: 0, maxLimit: 100 },
    sort: { fields: ['id', 'version'] },
    select: { required: [], properties: SELECTABLE['software-releases'] },
    maxFilterLength: 2000,
    // GreenLake's own default order, written down; releases rarely change
    defaults: { select: [], sort: 'id asc', cacheTtlSeconds: 3600 },
  },
  'storage-locations': {
    name: 'storage-locations',
    label: 'storage locations',
    upstreamPath: `${DATA_SERVICES}/storage-locations`,
    maxFilterLength: 1000,
    defaults: { select: [], cacheTtlSeconds: 86_400 },
  },
  tags: {
    name: 'tags',
    label: 'tags',
    upstreamPath: `${DATA_SERVICES}/tags`,
    paging: { defaultLimit: 20, minLimit: 1, maxLimit: 1000 },
    sort: { fields: ['key', 'value'], maxProperties: 1 },
    maxFilterLength: 2000,
    // No default sort: the spec's tags sort is only asc|desc, and GreenLake adds `key asc` itself
    defaults: { select: [], cacheTtlSeconds: 300 },
  },
  settings: {
    name: 'settings',
    label: 'settings',
    upstreamPath: `${DATA_SERVICES}/settings`,
    paging: { defaultLimit: 10, minLimit: 1, maxLimit: 100 },
    sort: {
      fields: [
        'id',
        'name',
        'currentValue',
        'lastUpdatedAt',
        'lastUpdatedBy',
        'createdAt',
        'updatedAt',
      ],
    },
    select: { required: [], properties: SELECTABLE.settings },
    maxFilterLength: 2000,
    defaults: { select: [], sort: 'name asc', cacheTtlSeconds: 60 },
  },
  'dual-auth-operations': {
    name: 'dual-auth-operations',
    label: 'dual-auth operations',
    upstreamPath: `${DATA_SERVICES}/dual-auth-operations`,
    paging: { defaultLimit: 10, minLimit: 1, maxLimit: 100 },
    sort: {
      fields: [
        'id',
        'name',
        'state',
        'createdAt',
        'updatedAt',
        'requestedAt',
        'checkedAt',
        'requestedOperation',
        'requestedByEmail',
        'sourceServiceExternalName',
      ],
    },
    select: { required: [], properties: SELECTABLE['dual-auth-operations'] },
    maxFilterLength: 2000,
    // Approvals are time-sensitive: newest request first, cached briefly
    defaults: { select: [], sort: 'requestedAt desc', cacheTtlSeconds: 10 },
  },
};
