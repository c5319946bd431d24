import type { CommonResourceWire } from './common.wire';

export type SecretSubclassifierNameWire =
  | 'AZURE_SPCLIENT'
  | 'BASIC_AUTH'
  | 'BEARER_AUTH'
  | 'CERTIFICATE'
  | 'GENERIC'
  | 'JSON_WEB_TOKEN'
  | 'OAUTH_CLIENT'
  | 'PASSWORD'
  | 'PRIVATE_KEY'
  | 'SSH_KEYPAIR';

/** `SCGroupIdentity`. */
export interface SecretGroupWire {
  id: string;
  name?: string;
  resourceUri?: string;
}

/** `SecretResourceDef`. The sensitive values are never returned. */
export interface SecretWire extends CommonResourceWire {
  name: string;
  service: string;
  /** Always `{ name: 'SECRET' }`. */
  classifier: { name: string };
  /** `name` is one of SecretSubclassifierNameWire. */
  subclassifier: { name: string; properties?: Record<string, unknown> };
  /** `{ name: 'CONFIGURATION', properties: { CREATED_BY, LAST_UPDATED_BY, LIFECYCLE_EVENT_KEY, DESCRIPTION, LOCK_DELETE } }`. */
  domain: { name: string; properties?: Record<string, unknown> };
  /** E.g. NOT_APPLIED. */
  status: string;
  statusUpdatedAt: string;
  label?: string;
  assignmentsCount?: number;
  groups?: SecretGroupWire[];
}

/** Exactly one key is set: the kind of secret and its (write-only) values. */
export interface SecretValueWire {
  azureSPClient?: { clientId?: string; clientSecret?: string; tenantId?: string };
  basicAuth?: { username?: string; password?: string };
  bearerAuth?: { token?: string };
  certificate?: { pem?: string; der?: string };
  generic?: { secret?: string };
  jsonWebToken?: { token?: string };
  oauthClient?: { clientId?: string; clientSecret?: string };
  password?: { password?: string };
  privateKey?: { privateKey?: string };
  sshKeypair?: { publicKey?: string; privateKey?: string };
}

/** `SecretSpec` / `AssignedSecretSpec`: the body of `POST /secrets` (answered 200, not 201). */
export interface SecretCreateWire {
  name: string;
  /** May be "". */
  service: string;
  secret: SecretValueWire;
  description?: string;
  label?: string;
  groups?: string[];
  lifecycleEventKey?: string;
  /** AssignedSecretSpec only: the appliances to assign the secret to (at most 120). */
  assignees?: { id: string }[];
}

/** `SecretRedef` / `SecretResourceRedef`: the body of `PATCH /secrets/{id}` (JSON or merge-patch). */
export interface SecretPatchWire {
  /** A partial value of the same kind; the subclassifier cannot change. */
  secret?: SecretValueWire;
  groups?: string[];
  description?: string;
}
