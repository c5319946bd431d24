import type { CommonResourceWire, GroupIdNamePairWire, ResourceReferenceWire } from './common.wire';

/** One resource touched by a dual-authorization operation, with its groups. */
export interface DualAuthAssociatedResourceWire {
  groups?: GroupIdNamePairWire[];
  resource?: ResourceReferenceWire & { consoleUri?: string };
}

/** `Dual-Auth-Operation`: an operation waiting for a second person's approval. */
export interface DualAuthOperationWire extends CommonResourceWire {
  associatedResources?: DualAuthAssociatedResourceWire[];
  checkedAt?: string;
  checkedByEmail?: string;
  checkedByUri?: string;
  description?: string;
  requestedAt?: string;
  requestedByEmail?: string;
  requestedByUri?: string;
  requestedOperation?: string;
  sourceServiceExternalName?: string;
  /** PENDING, APPROVED, CANCELLED (other values UNCONFIRMED). */
  state?: string;
  /** @deprecated since 2025-02-17 */
  consoleUri?: string;
  /** @deprecated since 2025-02-17 */
  groups?: GroupIdNamePairWire[];
  /** @deprecated since 2025-02-17 */
  operationResource?: ResourceReferenceWire;
}

/** `Dual-Auth-OperationPatch`: the merge-patch body that approves or cancels. */
export interface DualAuthOperationPatchWire {
  state: 'APPROVED' | 'CANCELLED';
}
