import type { SecretAssignmentWire } from 'src/upstream/wire/secret-assignment.wire';
import type { SecretWire } from 'src/upstream/wire/secret.wire';
import { sha256Hex } from 'src/simulator/http/hash.util';
import { SECRET_KINDS, SECRET_KIND_NAMES } from './secret-kinds';
import { DAY_MS, SEED_EPOCH_MS, type SeedContext, USER_EMAILS, iso } from './seed-context';

export const SECRETS_PATH = '/data-services/v1beta1/secrets';
export const SECRET_ASSIGNMENTS_PATH = '/data-services/v1beta1/secret-assignments';
export const SECRET_TYPE = '/data-services/secret';
export const SECRET_ASSIGNMENT_TYPE = '/data-services/secret-assignment';

const SERVICES = ['backup-and-recovery', 'private-cloud-business-edition', 'data-ops-manager', ''];
const LABELS = ['production', 'lab', 'disaster-recovery', 'shared'];
const PURPOSES = ['vcenter', 'array', 'object-store', 'smtp', 'proxy', 'ldap'];

export interface SeededSecrets {
  secrets: SecretWire[];
  assignments: SecretAssignmentWire[];
  /** id → sha256 of the value; the value itself is never kept. */
  fingerprints: Map<string, string>;
}

/** 30 secrets of every subclassifier (values are never returned) and 30 assignments to appliances. */
export function seedSecrets(context: SeedContext): SeededSecrets {
  const random = context.randomFor('secrets');
  const fingerprints = new Map<string, string>();
  const secrets: SecretWire[] = Array.from({ length: 30 }, (_, index) => {
    const kind = SECRET_KIND_NAMES[index % SECRET_KIND_NAMES.length];
    const id = random.uuid();
    const createdMs = SEED_EPOCH_MS - random.int(5, 200) * DAY_MS + random.int(0, 86_399) * 1000;
    const updatedMs = createdMs + random.int(0, 4) * DAY_MS;
    const createdBy = random.pick(USER_EMAILS);
    fingerprints.set(id, sha256Hex(`${id}:${random.hex(16)}`));
    return {
      id,
      type: SECRET_TYPE,
      name: `${random.pick(PURPOSES)}-${kind.toLowerCase()}-${index + 1}`,
      customerId: context.customerId,
      resourceUri: `${SECRETS_PATH}/${id}`,
      generation: random.int(1, 3),
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
      service: SERVICES[index % SERVICES.length],
      label: random.pick(LABELS),
      classifier: { name: 'SECRET' },
      subclassifier: { name: SECRET_KINDS[kind].subclassifier, properties: {} },
      domain: {
        name: 'CONFIGURATION',
        properties: {
          CREATED_BY: createdBy,
          LAST_UPDATED_BY: random.chance(0.7) ? createdBy : random.pick(USER_EMAILS),
          LIFECYCLE_EVENT_KEY: '',
          DESCRIPTION: `Credentials for the ${kind} integration`,
          // Every fifth secret is delete-locked by a service, so DELETE ?safe=true answers 409
          LOCK_DELETE: index % 5 === 4,
        },
      },
      status: random.pick(['NOT_APPLIED', 'APPLIED', 'APPLIED', 'PARTIALLY_APPLIED']),
      statusUpdatedAt: iso(updatedMs),
      assignmentsCount: 0,
      groups: [{ id: context.defaultGroup.id, name: context.defaultGroup.name }],
    };
  });

  const assignments: SecretAssignmentWire[] = Array.from({ length: 30 }, (_, index) => {
    const secret = secrets[random.int(0, secrets.length - 1)];
    secret.assignmentsCount = (secret.assignmentsCount ?? 0) + 1;
    const id = random.uuid();
    const applianceId = `appliance-${random.hex(8)}`;
    const createdMs = Date.parse(secret.createdAt) + random.int(1, 5) * DAY_MS;
    return {
      id,
      type: SECRET_ASSIGNMENT_TYPE,
      name: `${secret.name}@${applianceId}`,
      customerId: context.customerId,
      resourceUri: `${SECRET_ASSIGNMENTS_PATH}/${id}`,
      generation: 1,
      createdAt: iso(createdMs),
      updatedAt: iso(createdMs),
      service: secret.service,
      appliance: { id: applianceId },
      secret: {
        id: secret.id,
        name: secret.name,
        resourceUri: secret.resourceUri,
        type: SECRET_TYPE,
      },
      goal: index % 7 === 6 ? 'UNASSIGNED' : 'ASSIGNED',
      goalUpdatedAt: iso(createdMs),
      status: random.pick(['APPLIED', 'APPLIED', 'PENDING', 'FAILED']),
      statusUpdatedAt: iso(createdMs + 60_000),
      label: secret.label,
      groups: secret.groups,
    };
  });
  return { secrets, assignments, fingerprints };
}
