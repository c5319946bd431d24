import type {
  AsyncOperationWire,
  OperationLogMessageWire,
} from 'src/upstream/wire/async-operation.wire';
import type { ResourceReferenceWithIdWire } from 'src/upstream/wire/common.wire';
import { DAY_MS, SEED_EPOCH_MS, type SeedContext, USER_EMAILS, iso } from './seed-context';
import type { SeededRandom } from './seeded-random';

export const OPERATIONS_PATH = '/data-services/v1beta1/async-operations';
export const SEEDED_OPERATION_COUNT = 250;

interface ServiceProfile {
  service: string;
  weight: number;
  actions: readonly string[];
  resourceType: string;
  resourcePath: string;
}

const SERVICES: readonly ServiceProfile[] = [
  {
    service: 'backup-and-recovery',
    weight: 40,
    actions: [
      'Run protection job',
      'Create protection store',
      'Restore virtual machine',
      'Delete backup',
      'Refresh data orchestrator',
    ],
    resourceType: 'backup-recovery/protection-job',
    resourcePath: '/backup-recovery/v1beta1/protection-jobs',
  },
  {
    service: 'private-cloud-business-edition',
    weight: 30,
    actions: [
      'Add hypervisor cluster',
      'Software update',
      'Create datastore',
      'Run software prechecks',
    ],
    resourceType: 'private-cloud-business/system',
    resourcePath: '/private-cloud-business/v1beta1/systems',
  },
  {
    service: 'data-ops-manager',
    weight: 20,
    actions: ['Create volume', 'Expand volume', 'Create snapshot', 'Delete volume set'],
    resourceType: 'block-storage/volume',
    resourcePath: '/block-storage/v1alpha1/volumes',
  },
  {
    service: 'virtualization',
    weight: 10,
    actions: ['Create virtual machine', 'Power on virtual machine', 'Migrate virtual machine'],
    resourceType: 'virtualization/virtual-machine',
    resourcePath: '/virtualization/v1beta1/virtual-machines',
  },
];

const STATES: readonly (readonly [string, number])[] = [
  ['SUCCEEDED', 60],
  ['FAILED', 10],
  ['RUNNING', 10],
  ['INITIALIZED', 5],
  ['CANCELLED', 5],
  ['PAUSED', 5],
  ['TIMEDOUT', 5],
];

const STEP_MESSAGES = [
  'Validating request',
  'Preparing resources',
  'Applying changes',
  'Verifying result',
];

/** 250 operations: a mix of services and states, some trees of parent and child operations. */
export function seedOperations(context: SeedContext): AsyncOperationWire[] {
  const random = context.randomFor('async-operations');
  const operations: AsyncOperationWire[] = [];
  let clock = SEED_EPOCH_MS - 30 * DAY_MS;
  while (operations.length < SEEDED_OPERATION_COUNT) {
    clock += random.int(60, 5 * 3600) * 1000;
    const profile = random.weighted(SERVICES.map((s) => [s, s.weight] as const));
    const root = seedOperation(context, random, profile, clock, null);
    operations.push(root);
    const room = SEEDED_OPERATION_COUNT - operations.length;
    const children = random.chance(0.12) ? Math.min(random.int(2, 4), room) : 0;
    if (children > 0) {
      const reference = rootReference(root.id);
      root.hasChildOperations = true;
      root.subtreeOperationCount = children;
      for (let index = 0; index < children; index += 1) {
        operations.push(
          seedOperation(context, random, profile, clock + (index + 1) * 1000, reference),
        );
      }
    }
  }
  return operations;
}

function seedOperation(
  context: SeedContext,
  random: SeededRandom,
  profile: ServiceProfile,
  createdMs: number,
  parent: ResourceReferenceWithIdWire | null,
): AsyncOperationWire {
  const id = random.uuid();
  const state = random.weighted(STATES);
  const action = random.pick(profile.actions);
  const resourceId = random.uuid();
  const resourceUri = `${profile.resourcePath}/${resourceId}`;
  const resourceName = `${profile.resourceType.split('/')[1]}-${random.hex(4)}`;
  const stepMs = random.int(5, 90) * 1000;
  const steps = stepsFor(state, random);
  const logMessages: OperationLogMessageWire[] = [
    { message: `${action} initialized`, timestamp: iso(createdMs) },
  ];
  for (let step = 1; step <= steps; step += 1) {
    logMessages.push({
      message: STEP_MESSAGES[(step - 1) % STEP_MESSAGES.length],
      timestamp: iso(createdMs + step * stepMs),
    });
  }
  const ended = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMEDOUT'].includes(state);
  const lastChangeMs = createdMs + (steps + (ended ? 1 : 0)) * stepMs;
  if (ended) {
    logMessages.push({ message: finalMessage(state, action), timestamp: iso(lastChangeMs) });
  }
  const displayName = `${action} ${resourceName}`;
  return {
    id,
    type: 'task',
    name: displayName,
    displayName,
    generation: logMessages.length,
    createdAt: iso(createdMs),
    updatedAt: iso(lastChangeMs),
    resourceUri: `${OPERATIONS_PATH}/${id}`,
    customerId: context.customerId,
    state,
    healthStatus: healthFor(state),
    progressPercent: state === 'SUCCEEDED' ? 100 : Math.min(steps * 20, 90),
    userId: random.pick(USER_EMAILS),
    services: [profile.service],
    startedAt: state === 'INITIALIZED' ? null : iso(createdMs + stepMs),
    endedAt: ended ? iso(lastChangeMs) : null,
    logMessages,
    error:
      state === 'FAILED'
        ? {
            error: `${action} failed: the target did not respond`,
            errorCode: '500',
            traceId: random.hex(32),
          }
        : null,
    associatedResources: [{ type: profile.resourceType, resourceUri, name: resourceName }],
    sourceResourceUri: state === 'SUCCEEDED' ? resourceUri : null,
    parent,
    // As recorded: a root operation names itself as its rootOperation, and its parent is null
    rootOperation: parent ?? rootReference(id),
    hasChildOperations: false,
    subtreeOperationCount: 0,
    groups: [context.defaultGroup],
    recommendations:
      state === 'FAILED' ? [{ message: 'Check the connectivity of the target and retry.' }] : [],
    ...(state === 'PAUSED'
      ? { additionalDetails: { consoleUri: `/operations/${id}/approve` } }
      : {}),
    estimatedRunningDurationMinutes: random.int(1, 30),
    suggestedPollingIntervalSeconds: context.suggestedPollingIntervalSeconds,
  };
}

/** The reference to a root operation, as recorded upstream (its name is empty). */
export function rootReference(id: string): ResourceReferenceWithIdWire {
  return { id, name: '', resourceUri: `${OPERATIONS_PATH}/${id}`, type: 'task' };
}

function stepsFor(state: string, random: SeededRandom): number {
  switch (state) {
    case 'INITIALIZED':
      return 0;
    case 'SUCCEEDED':
      return 4;
    default:
      return random.int(1, 4);
  }
}

function healthFor(state: string): string {
  switch (state) {
    case 'FAILED':
      return 'ERROR';
    case 'TIMEDOUT':
      return 'UNKNOWN';
    case 'PAUSED':
      return 'WARNING';
    default:
      return 'OK';
  }
}

function finalMessage(state: string, action: string): string {
  switch (state) {
    case 'SUCCEEDED':
      return `${action} completed`;
    case 'FAILED':
      return `${action} failed`;
    case 'CANCELLED':
      return `${action} was cancelled`;
    default:
      return `${action} timed out: the agent stopped reporting`;
  }
}
