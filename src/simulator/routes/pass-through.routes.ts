import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BlockStorageTaskResponseWire } from 'src/upstream/wire/async-operation.wire';
import { isUuid, randomHex32, randomUuid } from 'src/simulator/http/hash.util';
import { listItems } from 'src/simulator/query/list-query';
import { type CreatedOperation, hasSucceeded } from 'src/simulator/seed/operation-progress';
import { readOptionalJson } from 'src/simulator/http/request-body.util';
import { contextOf, pathOf, workspaceOf } from 'src/simulator/http/request-context';
import type { IdParams } from 'src/simulator/http/route-params.util';
import { OPERATIONS_PATH } from 'src/simulator/seed/seed-operations';
import type { SimulatorState } from 'src/simulator/simulator-state';
import { SimulatedError } from 'src/simulator/faults/simulated-error';
import type { VirtualMachineRecord, WorkspaceData } from 'src/simulator/seed/workspace-data';

interface Family {
  prefix: string;
  /** What `services[]` of the created operation shows (UNCONFIRMED for virtualization and block-storage). */
  service: string;
}

const FAMILIES: readonly Family[] = [
  { prefix: '/virtualization/', service: 'virtualization' },
  { prefix: '/backup-recovery/', service: 'backup-and-recovery' },
  { prefix: '/private-cloud-business/', service: 'private-cloud-business-edition' },
  { prefix: '/block-storage/', service: 'block-storage' },
];

const VIRTUAL_MACHINES_PATH = '/virtualization/v1beta1/virtual-machines';
const MUTATING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * Every mutating call of the other GreenLake families is accepted asynchronously: 202 + relative
 * Location of a new async operation. A JSON body whose name starts with "fail" makes it end FAILED.
 */
export function registerPassThroughRoutes(app: FastifyInstance, state: SimulatorState): void {
  for (const family of FAMILIES) {
    app.route({
      method: [...MUTATING_METHODS],
      url: `${family.prefix}*`,
      handler: (request, reply) => accept(state, family, request, reply),
    });
    app.get(`${family.prefix}*`, (request) => {
      throw new SimulatedError(
        'notFound',
        `The simulator has no resource at ${pathOf(request.url)}`,
      );
    });
  }

  app.get(VIRTUAL_MACHINES_PATH, (request) => {
    const workspace = workspaceOf(request);
    const visible = visibleMachines(workspace, Date.now()).map((machine) =>
      machineView(machine, workspace),
    );
    return listItems(visible, contextOf(request).query, {
      paging: { defaultLimit: 20, maxLimit: 1000, minLimit: 1 },
    });
  });

  app.get<{ Params: IdParams }>(`${VIRTUAL_MACHINES_PATH}/:id`, (request) => {
    const workspace = workspaceOf(request);
    const machine = visibleMachines(workspace, Date.now()).find((m) => m.id === request.params.id);
    if (!machine) {
      throw new SimulatedError(
        'notFound',
        `No virtual machine with id '${request.params.id}' was found`,
      );
    }
    return machineView(machine, workspace);
  });
}

function accept(
  state: SimulatorState,
  family: Family,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const workspace = workspaceOf(request);
  const body = readOptionalJson(request);
  const name =
    typeof body === 'object' && body !== null && 'name' in body && typeof body.name === 'string'
      ? body.name
      : undefined;
  const path = pathOf(request.url);
  const method = request.method.toUpperCase();
  const id = randomUuid();
  const nowMs = Date.now();
  const sourceResourceUri = sourceResourceFor(workspace, method, path, id, name, nowMs);
  const operation: CreatedOperation = {
    id,
    createdAtMs: nowMs,
    stepMs: state.operationStepMs,
    outcome: name?.toLowerCase().startsWith('fail') ? 'FAILED' : 'SUCCEEDED',
    service: family.service,
    displayName: name ? `${method} ${path} (${name})` : `${method} ${path}`,
    userId: contextOf(request).token?.clientId ?? 'unknown',
    customerId: workspace.customerId,
    sourceResourceUri,
    associatedResources: [
      {
        type: resourceTypeOf(sourceResourceUri),
        resourceUri: sourceResourceUri,
        ...(name ? { name } : {}),
      },
    ],
    groups: [workspace.context.defaultGroup],
    traceId: randomHex32(),
    script: state.takeOperationScript(),
  };
  workspace.createdOperations.add(operation);
  const location = `${OPERATIONS_PATH}/${id}`;
  const accepted: BlockStorageTaskResponseWire | Record<string, never> =
    family.prefix === '/block-storage/'
      ? { taskUri: location, status: 'SUBMITTED', message: 'Successfully submitted' }
      : {};
  return reply.code(202).header('location', location).send(accepted);
}

/** The resource the operation acts on; creating a virtual machine also records it. */
function sourceResourceFor(
  workspace: WorkspaceData,
  method: string,
  path: string,
  operationId: string,
  name: string | undefined,
  nowMs: number,
): string {
  const trimmed = path.replace(/\/+$/, '');
  if (method === 'POST' && trimmed === VIRTUAL_MACHINES_PATH) {
    const machineId = randomUuid();
    workspace.virtualMachines.add({
      id: machineId,
      name: name ?? `vm-${machineId.slice(0, 8)}`,
      createdAtMs: nowMs,
      createOperationId: operationId,
    });
    return `${VIRTUAL_MACHINES_PATH}/${machineId}`;
  }
  const segments = trimmed.split('/');
  const lastId = segments.map((segment) => isUuid(segment)).lastIndexOf(true);
  if (
    method === 'DELETE' &&
    lastId === segments.length - 1 &&
    trimmed.startsWith(`${VIRTUAL_MACHINES_PATH}/`)
  ) {
    const machine = workspace.virtualMachines.get(segments[lastId].toLowerCase());
    if (machine && machine.deleteOperationId === undefined) {
      machine.deleteOperationId = operationId;
    }
  }
  if (lastId !== -1) {
    // A call on a resource or one of its actions (/virtual-machines/{id}/power-off)
    return segments.slice(0, lastId + 1).join('/');
  }
  // A POST to a collection creates a new member
  return `${trimmed}/${randomUuid()}`;
}

/** `virtualization/virtual-machine` from `/virtualization/v1beta1/virtual-machines/{id}`. */
function resourceTypeOf(uri: string): string {
  const segments = uri.split('/').filter((segment) => segment !== '' && !isUuid(segment));
  const family = segments[0] ?? 'unknown';
  const collection = segments[segments.length - 1] ?? 'resource';
  return `${family}/${collection.replace(/s$/, '')}`;
}

/** A machine exists once its create operation succeeded, until its delete operation succeeds. */
function visibleMachines(workspace: WorkspaceData, nowMs: number): VirtualMachineRecord[] {
  return workspace.virtualMachines.all().filter((machine) => {
    const created = workspace.createdOperations.get(machine.createOperationId);
    const deleted = machine.deleteOperationId
      ? workspace.createdOperations.get(machine.deleteOperationId)
      : undefined;
    return (
      created !== undefined &&
      hasSucceeded(created, nowMs) &&
      !(deleted && hasSucceeded(deleted, nowMs))
    );
  });
}

// A machine's view never changes once built; caching it keeps large lists cheap under load
const machineViews = new WeakMap<VirtualMachineRecord, Record<string, unknown>>();

function machineView(
  machine: VirtualMachineRecord,
  workspace: WorkspaceData,
): Record<string, unknown> {
  let view = machineViews.get(machine);
  if (!view) {
    view = buildMachineView(machine, workspace);
    machineViews.set(machine, view);
  }
  return view;
}

function buildMachineView(
  machine: VirtualMachineRecord,
  workspace: WorkspaceData,
): Record<string, unknown> {
  const createdAt = new Date(machine.createdAtMs).toISOString();
  return {
    id: machine.id,
    type: 'virtualization/virtual-machine',
    name: machine.name,
    displayName: machine.name,
    generation: 1,
    createdAt,
    updatedAt: createdAt,
    customerId: workspace.customerId,
    resourceUri: `${VIRTUAL_MACHINES_PATH}/${machine.id}`,
    powerState: 'POWERED_ON',
    state: 'OK',
    status: 'OK',
  };
}
