import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';
import type { DualAuthOperationWire } from 'src/upstream/wire/dual-auth-operation.wire';
import type { IssueWire } from 'src/upstream/wire/issue.wire';
import type { SecretAssignmentWire } from 'src/upstream/wire/secret-assignment.wire';
import type { SecretWire } from 'src/upstream/wire/secret.wire';
import type { SettingWire } from 'src/upstream/wire/setting.wire';
import type { SoftwareReleaseWire } from 'src/upstream/wire/software-release.wire';
import type { StorageLocationWire } from 'src/upstream/wire/storage-location.wire';
import type { TagWire } from 'src/upstream/wire/tag.wire';
import type { FilterField, FilterFieldType, FilterOperator } from './filter-compiler';
import { type ListRules, versionSortKey } from './list-query';

/** The operators the "comparison" resources document (issues, dual-auth, settings): eq, gt, lt, in. */
const OPERATORS_BY_TYPE: Readonly<Record<FilterFieldType, readonly FilterOperator[]>> = {
  string: ['eq', 'in'],
  uuid: ['eq', 'in'],
  number: ['eq', 'gt', 'lt', 'in'],
  boolean: ['eq'],
  datetime: ['eq', 'gt', 'lt'],
  'string[]': ['in'],
};

function field<T>(
  type: FilterFieldType,
  get: (item: T) => unknown,
  extra: readonly FilterOperator[] = [],
): FilterField<T> {
  return { type, operators: [...OPERATORS_BY_TYPE[type], ...extra], get };
}

function only<T>(
  type: FilterFieldType,
  operators: readonly FilterOperator[],
  get: (item: T) => unknown,
): FilterField<T> {
  return { type, operators, get };
}

const COMMON_FIELDS = [
  'id',
  'type',
  'generation',
  'createdAt',
  'updatedAt',
  'resourceUri',
  'customerId',
  'name',
] as const;

export const OPERATION_FIELDS = [
  ...COMMON_FIELDS,
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
] as const;

export const OPERATION_LIST_RULES: ListRules<AsyncOperationWire> = {
  filter: {
    // Documented: `parent/id eq '<uuid>'` and `'<service>' in services`. The other fields
    // (state, createdAt, updatedAt, displayName, id) are plausible but UNCONFIRMED upstream.
    fields: {
      services: field('string[]', (o) => o.services),
      'parent/id': field('uuid', (o) => o.parent?.id),
      state: field('string', (o) => o.state),
      createdAt: field('datetime', (o) => o.createdAt),
      updatedAt: field('datetime', (o) => o.updatedAt),
      displayName: field('string', (o) => o.displayName, ['contains']),
      id: field('uuid', (o) => o.id),
    },
    allowOr: false,
  },
  // Sortable fields are not documented (the example is "id desc,name asc"): UNCONFIRMED
  sort: {
    fields: {
      id: (o) => o.id,
      name: (o) => o.name,
      displayName: (o) => o.displayName,
      state: (o) => o.state,
      createdAt: (o) => o.createdAt,
      updatedAt: (o) => o.updatedAt,
      startedAt: (o) => o.startedAt,
      endedAt: (o) => o.endedAt,
      progressPercent: (o) => o.progressPercent,
      healthStatus: (o) => o.healthStatus,
      userId: (o) => o.userId,
      generation: (o) => o.generation,
    },
  },
  select: OPERATION_FIELDS,
  paging: { defaultLimit: 100, maxLimit: 1000, minLimit: 0 },
};

export const ISSUE_FIELDS = [
  ...COMMON_FIELDS,
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
] as const;

/** GET /issues answers 422 unless select keeps these (BLOG-DS, March 2024). */
export const ISSUE_REQUIRED_SELECT = [
  'lastOccurredAt',
  'customerId',
  'createdAt',
  'id',
  'resourceUri',
  'generation',
  'type',
] as const;

export const ISSUE_LIST_RULES: ListRules<IssueWire> = {
  filter: {
    fields: {
      issueType: field('string', (i) => i.issueType, ['contains']),
      severity: field('string', (i) => i.severity, ['contains']),
      category: field('string', (i) => i.category, ['contains']),
      state: field('string', (i) => i.state, ['contains']),
      createdAt: field('datetime', (i) => i.createdAt),
      services: field('string[]', (i) => i.services),
      sourceResourceId: field('uuid', (i) => i.sourceResourceId),
      sourceResourceType: field('string', (i) => i.sourceResourceType, ['contains']),
    },
    allowOr: false,
  },
  sort: {
    fields: {
      id: (i) => i.id,
      name: (i) => i.name,
      severity: (i) => i.severity,
      category: (i) => i.category,
      issueType: (i) => i.issueType,
      state: (i) => i.state,
      createdAt: (i) => i.createdAt,
      updatedAt: (i) => i.updatedAt,
      lastOccurredAt: (i) => i.lastOccurredAt,
      occurrenceCount: (i) => i.occurrenceCount,
      sourceResourceType: (i) => i.sourceResourceType,
      generation: (i) => i.generation,
    },
  },
  select: ISSUE_FIELDS,
  paging: { defaultLimit: 10, maxLimit: 100, minLimit: 1 },
};

export const DUAL_AUTH_FIELDS = [
  ...COMMON_FIELDS,
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
] as const;

export const DUAL_AUTH_LIST_RULES: ListRules<DualAuthOperationWire> = {
  filter: {
    fields: {
      resourceUri: field('string', (d) => d.operationResource?.resourceUri),
      resourceName: field('string', (d) => d.operationResource?.name),
      resourceType: field('string', (d) => d.operationResource?.type),
      requestedOperation: field('string', (d) => d.requestedOperation),
      operationDescription: field('string', (d) => d.description),
      requestedByUri: field('string', (d) => d.requestedByUri),
      requestedByEmail: field('string', (d) => d.requestedByEmail),
      requestedAt: field('datetime', (d) => d.requestedAt),
      customerId: field('string', (d) => d.customerId),
      checkedByUri: field('string', (d) => d.checkedByUri),
      checkedByEmail: field('string', (d) => d.checkedByEmail),
      checkedAt: field('datetime', (d) => d.checkedAt),
      sourceServiceExternalName: field('string', (d) => d.sourceServiceExternalName),
      state: field('string', (d) => d.state),
    },
    allowOr: false,
  },
  sort: {
    fields: {
      id: (d) => d.id,
      name: (d) => d.name,
      state: (d) => d.state,
      createdAt: (d) => d.createdAt,
      updatedAt: (d) => d.updatedAt,
      requestedAt: (d) => d.requestedAt,
      checkedAt: (d) => d.checkedAt,
      requestedOperation: (d) => d.requestedOperation,
      requestedByEmail: (d) => d.requestedByEmail,
      sourceServiceExternalName: (d) => d.sourceServiceExternalName,
    },
  },
  select: DUAL_AUTH_FIELDS,
  paging: { defaultLimit: 10, maxLimit: 100, minLimit: 1 },
};

export const SETTING_FIELDS = [
  ...COMMON_FIELDS,
  'currentValue',
  'nextValue',
  'possibleValues',
  'description',
  'externalApplicationName',
  'lastUpdatedAt',
  'lastUpdatedBy',
  'consoleUri',
] as const;

export const SETTING_LIST_RULES: ListRules<SettingWire> = {
  filter: {
    fields: {
      customerId: field('string', (s) => s.customerId),
      id: field('uuid', (s) => s.id),
      name: field('string', (s) => s.name),
      possibleValues: field('string', (s) => s.possibleValues),
      currentValue: field('string', (s) => s.currentValue),
      settingDescription: field('string', (s) => s.description),
      lastUpdatedBy: field('string', (s) => s.lastUpdatedBy),
      lastUpdatedAt: field('datetime', (s) => s.lastUpdatedAt),
      externalApplicationName: field('string', (s) => s.externalApplicationName),
    },
    allowOr: false,
  },
  sort: {
    fields: {
      id: (s) => s.id,
      name: (s) => s.name,
      currentValue: (s) => s.currentValue,
      lastUpdatedAt: (s) => s.lastUpdatedAt,
      lastUpdatedBy: (s) => s.lastUpdatedBy,
      createdAt: (s) => s.createdAt,
      updatedAt: (s) => s.updatedAt,
    },
  },
  select: SETTING_FIELDS,
  paging: { defaultLimit: 10, maxLimit: 100, minLimit: 1 },
};

const domainProperty = (s: SecretWire, name: string): unknown => s.domain.properties?.[name];

/** Secrets: `eq` (case-sensitive) and `contains()` (case-insensitive) as documented; no select. */
export const SECRET_LIST_RULES: ListRules<SecretWire> = {
  filter: {
    fields: {
      classifier: only('string', ['eq'], (s) => s.classifier.name),
      label: only('string', ['eq', 'contains'], (s) => s.label),
      name: only('string', ['eq', 'contains'], (s) => s.name),
      service: only('string', ['eq', 'contains'], (s) => s.service),
      status: only('string', ['eq'], (s) => s.status),
      subclassifier: only('string', ['eq'], (s) => s.subclassifier.name),
    },
    allowOr: false,
    caseInsensitiveContains: true,
  },
  sort: {
    fields: {
      assignmentsCount: (s) => s.assignmentsCount,
      classifier: (s) => s.classifier.name,
      createdAt: (s) => s.createdAt,
      createdBy: (s) => domainProperty(s, 'CREATED_BY'),
      id: (s) => s.id,
      label: (s) => s.label,
      lastUpdatedBy: (s) => domainProperty(s, 'LAST_UPDATED_BY'),
      name: (s) => s.name,
      service: (s) => s.service,
      status: (s) => s.status,
      subclassifier: (s) => s.subclassifier.name,
      updatedAt: (s) => s.updatedAt,
    },
  },
  paging: { defaultLimit: 20, maxLimit: 120, minLimit: 0 },
};

export const SECRET_ASSIGNMENT_LIST_RULES: ListRules<SecretAssignmentWire> = {
  filter: {
    fields: {
      applianceId: only('string', ['eq', 'contains'], (a) => a.appliance.id),
      secretId: only('string', ['eq', 'contains'], (a) => a.secret.id),
      goal: only('string', ['eq'], (a) => a.goal),
      service: only('string', ['eq', 'contains'], (a) => a.service),
      status: only('string', ['eq'], (a) => a.status),
    },
    allowOr: false,
    caseInsensitiveContains: true,
  },
  sort: {
    fields: {
      applianceId: (a) => a.appliance.id,
      secretId: (a) => a.secret.id,
      createdAt: (a) => a.createdAt,
      goal: (a) => a.goal,
      id: (a) => a.id,
      label: (a) => a.label,
      service: (a) => a.service,
      status: (a) => a.status,
      updatedAt: (a) => a.updatedAt,
    },
  },
  paging: { defaultLimit: 20, maxLimit: 120, minLimit: 0 },
};

export const SOFTWARE_RELEASE_FIELDS = [
  ...COMMON_FIELDS,
  'version',
  'stability',
  'usage',
  'downloadable',
  'softwareComponent',
  'software',
  'signature',
] as const;

export const SOFTWARE_RELEASE_LIST_RULES: ListRules<SoftwareReleaseWire> = {
  filter: {
    fields: {
      'softwareComponent/id': only('uuid', ['eq', 'in'], (r) => r.softwareComponent?.id),
      version: only('string', ['eq', 'in'], (r) => r.version),
    },
    // The only resource that documents `or`
    allowOr: true,
  },
  sort: {
    fields: { id: (r) => r.id, version: (r) => versionSortKey(r.version) },
    defaultSort: 'id asc',
  },
  select: SOFTWARE_RELEASE_FIELDS,
  paging: { defaultLimit: 100, maxLimit: 100, minLimit: 0 },
};

/** Only `'<x>' in capabilities`; no paging, sort or select. */
export const STORAGE_LOCATION_LIST_RULES: ListRules<StorageLocationWire> = {
  filter: {
    fields: { capabilities: only('string[]', ['in'], (l) => l.capabilities) },
    allowOr: false,
  },
};

export const TAG_FIELDS = ['id', 'type', 'customerId', 'key', 'value'] as const;

export const TAG_LIST_RULES: ListRules<TagWire> = {
  filter: {
    fields: {
      key: only('string', ['eq', 'ne', 'contains', 'startswith'], (t) => t.key),
      value: only('string', ['eq', 'ne', 'contains', 'startswith'], (t) => t.value),
    },
    allowOr: false,
  },
  // One property only; sorting by value adds `key asc` for stable paging (documented)
  sort: { fields: { key: (t) => t.key, value: (t) => t.value }, maxProperties: 1, thenBy: ['key'] },
  select: TAG_FIELDS,
  paging: { defaultLimit: 20, maxLimit: 1000, minLimit: 1 },
};
