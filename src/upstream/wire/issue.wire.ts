import type { CommonResourceWire, GroupIdNamePairWire, ResourceReferenceWire } from './common.wire';

export type IssueSnoozePeriodWire = 'NONE' | 'DAY' | 'WEEK' | 'MONTH' | 'INFINITE';

/** `IssueRelatedResourcesReference`. */
export interface IssueRelatedResourceWire extends ResourceReferenceWire {
  id: string;
  consoleUri?: string;
}

/** `IssueDetails`. Only CREATED issues are "active" and returned. */
export interface IssueWire extends CommonResourceWire {
  body?: string;
  /** PERFORMANCE, CAPACITY, ... */
  category?: string;
  clearedAt?: string;
  groups?: GroupIdNamePairWire[];
  /** E.g. ISSUE. */
  issueType?: string;
  lastOccurredAt?: string;
  occurrenceCount?: number;
  recommendation?: string;
  relatedResources?: IssueRelatedResourceWire[];
  services?: string[];
  /** CRITICAL, WARNING, INFO (issues); HIGH, MEDIUM, LOW (recommendations). */
  severity?: string;
  snoozed?: boolean;
  snoozedBy?: string;
  snoozedFor?: IssueSnoozePeriodWire;
  /** A zero timestamp once un-snoozed. */
  snoozedUntil?: string;
  sourceResourceId?: string;
  sourceResourceType?: string;
  /** CREATED, ASSIGNED, CLOSED, SNOOZED, DELETED, ... */
  state?: string;
}

/** `IssuePatchSnooze`: the merge-patch body of `PATCH /issues/{id}`; both fields required. */
export interface IssuePatchWire {
  snoozedFor: IssueSnoozePeriodWire;
  /** The issue's current generation, as a string. */
  generation: string;
}

/** `IssuesMetadataKeyValuePair`. */
export interface IssuesMetadataKeyValueWire {
  key: string;
  value: string;
}

/** `IssuesMetadata`: the values of category, services and severity. */
export interface IssuesMetadataWire extends CommonResourceWire {
  categories?: IssuesMetadataKeyValueWire[];
  services?: IssuesMetadataKeyValueWire[];
  severities?: IssuesMetadataKeyValueWire[];
}
