import type { DualAuthOperationWire } from 'src/upstream/wire/dual-auth-operation.wire';
import { DAY_MS, SEED_EPOCH_MS, type SeedContext, USER_EMAILS, iso } from './seed-context';

export const DUAL_AUTH_PATH = '/data-services/v1beta1/dual-auth-operations';

const REQUESTS = [
  ['Delete volume', 'block-storage/volume', '/block-storage/v1alpha1/volumes', 'Data Ops Manager'],
  [
    'Delete protection store',
    'backup-recovery/protection-store',
    '/backup-recovery/v1beta1/protection-stores',
    'Backup and Recovery',
  ],
  [
    'Delete backup',
    'backup-recovery/backup',
    '/backup-recovery/v1beta1/backups',
    'Backup and Recovery',
  ],
  [
    'Remove protection policy',
    'backup-recovery/protection-policy',
    '/backup-recovery/v1beta1/protection-policies',
    'Backup and Recovery',
  ],
  [
    'Delete datastore',
    'virtualization/datastore',
    '/virtualization/v1beta1/datastores',
    'Private Cloud Business Edition',
  ],
] as const;

/** 25 dual-authorization operations; about 40% PENDING (the only state that may still change). */
export function seedDualAuthOperations(context: SeedContext): DualAuthOperationWire[] {
  const random = context.randomFor('dual-auth-operations');
  return Array.from({ length: 25 }, (_, index) => {
    const [operation, resourceType, resourcePath, serviceName] = REQUESTS[index % REQUESTS.length];
    const id = random.uuid();
    const state = random.weighted([
      ['PENDING', 40],
      ['APPROVED', 35],
      ['CANCELLED', 25],
    ] as const);
    const requestedMs = SEED_EPOCH_MS - random.int(0, 20) * DAY_MS - random.int(0, 86_399) * 1000;
    const checkedMs = requestedMs + random.int(5, 600) * 60_000;
    const requester = random.pick(USER_EMAILS);
    const checker = USER_EMAILS[(USER_EMAILS.indexOf(requester) + 1) % USER_EMAILS.length];
    const resourceName = `${resourceType.split('/')[1]}-${random.hex(4)}`;
    const resource = {
      type: resourceType,
      resourceUri: `${resourcePath}/${random.uuid()}`,
      name: resourceName,
    };
    const consoleUri = `/data-services/dual-auth/${id}`;
    const pending = state === 'PENDING';
    return {
      id,
      type: 'data-services/dual-auth-operation',
      name: `${operation} ${resourceName}`,
      generation: pending ? 1 : 2,
      createdAt: iso(requestedMs),
      updatedAt: iso(pending ? requestedMs : checkedMs),
      resourceUri: `${DUAL_AUTH_PATH}/${id}`,
      customerId: context.customerId,
      state,
      requestedOperation: operation,
      description: `${requester} asked to ${operation.toLowerCase()} ${resourceName}`,
      requestedAt: iso(requestedMs),
      requestedByEmail: requester,
      requestedByUri: `/identity/v1/users/${random.uuid()}`,
      ...(pending
        ? {}
        : {
            checkedAt: iso(checkedMs),
            checkedByEmail: checker,
            checkedByUri: `/identity/v1/users/${random.uuid()}`,
          }),
      sourceServiceExternalName: serviceName,
      associatedResources: [
        { groups: [context.defaultGroup], resource: { ...resource, consoleUri } },
      ],
      consoleUri,
      groups: [context.defaultGroup],
      operationResource: resource,
    };
  });
}
