import type {
  CommonResourceWire,
  GroupIdNamePairWire,
  ResourceReferenceWire,
  ResourceReferenceWithIdWire,
} from './common.wire';

/** Documented values of `state`; the schema itself is a free string. */
export type AsyncOperationStateWire =
  | 'INITIALIZED'
  | 'RUNNING'
  | 'FAILED'
  | 'SUCCEEDED'
  | 'TIMEDOUT'
  | 'PAUSED'
  | 'CANCELLED'
  | 'UNSPECIFIED';

/** `OperationLogMessage`; only the most recent messages are kept upstream. */
export interface OperationLogMessageWire {
  message: string;
  timestamp: string;
}

/** `OperationErrorResponse`: the older error envelope, embedded in a FAILED operation. */
export interface OperationErrorWire {
  error: string;
  errorCode: string;
  traceId: string;
}

/** `OperationConsoleReference`, populated when the operation is PAUSED. */
export interface OperationConsoleReferenceWire {
  consoleUri: string;
}

/** `OperationRecommendations`. */
export interface OperationRecommendationWire {
  message: string;
}

/** `Operation` = common properties + `OperationProperties` ("task"). Everything may be cut by `select`. */
export interface AsyncOperationWire extends CommonResourceWire {
  /** Free string; see AsyncOperationStateWire. */
  state?: string;
  /** OK, ERROR, WARNING, UNKNOWN, UNSPECIFIED. */
  healthStatus?: string;
  /** 0–100. */
  progressPercent?: number;
  displayName?: string;
  /** An id or an e-mail address. */
  userId?: string;
  /** E.g. `backup-and-recovery`, `private-cloud-business-edition`. */
  services?: string[];
  startedAt?: string | null;
  endedAt?: string | null;
  logMessages?: OperationLogMessageWire[];
  error?: OperationErrorWire | null;
  associatedResources?: ResourceReferenceWire[];
  sourceResourceUri?: string | null;
  parent?: ResourceReferenceWithIdWire | null;
  rootOperation?: ResourceReferenceWithIdWire | null;
  hasChildOperations?: boolean;
  subtreeOperationCount?: number;
  groups?: GroupIdNamePairWire[];
  recommendations?: OperationRecommendationWire[];
  additionalDetails?: OperationConsoleReferenceWire;
  estimatedRunningDurationMinutes?: number;
  /** 30 in every real example. */
  suggestedPollingIntervalSeconds?: number;
}

/** The 202 body of Block Storage (`taskResponse`); the other families answer `{}`. */
export interface BlockStorageTaskResponseWire {
  taskUri: string;
  /** "SUBMITTED". */
  status?: string;
  message?: string;
}
