import type { CommonResourceWire } from './common.wire';
import type { SecretGroupWire } from './secret.wire';

/** `AssignmentResourceDef`: a secret assigned to an appliance. */
export interface SecretAssignmentWire extends CommonResourceWire {
  name: string;
  service: string;
  appliance: { id: string };
  secret: { id: string; name: string; resourceUri: string; type: string };
  goal: string;
  goalUpdatedAt: string;
  status: string;
  statusUpdatedAt: string;
  label?: string;
  groups?: SecretGroupWire[];
}
