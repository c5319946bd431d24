import type { SecretGroupWire } from './secret.wire';

/** `AssignmentResourceDef`: a secret assigned to an appliance. */
export interface SecretAssignmentWire {
  id: string;
  type: string;
  name: string;
  customerId: string;
  resourceUri: string;
  generation: number;
  createdAt: string;
  updatedAt: string;
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
