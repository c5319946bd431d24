import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DualAuthOperationWire } from 'src/upstream/wire/dual-auth-operation.wire';
import { listItems } from 'src/simulator/query/list-query';
import { MERGE_PATCH_TYPE, readJsonObject } from 'src/simulator/http/request-body.util';
import { contextOf, workspaceOf } from 'src/simulator/http/request-context';
import { DUAL_AUTH_LIST_RULES } from 'src/simulator/query/resource-rules';
import { type IdParams, notFound, requireUuid } from 'src/simulator/http/route-params.util';
import { DUAL_AUTH_PATH } from 'src/simulator/seed/seed-dual-auth';
import { SimulatedError } from 'src/simulator/faults/simulated-error';

const NEW_STATES = ['APPROVED', 'CANCELLED'];

export function registerDualAuthRoutes(app: FastifyInstance): void {
  app.get(DUAL_AUTH_PATH, (request) =>
    listItems(
      workspaceOf(request).dualAuthOperations.all(),
      contextOf(request).query,
      DUAL_AUTH_LIST_RULES,
    ),
  );

  app.get<{ Params: IdParams }>(`${DUAL_AUTH_PATH}/:id`, (request) => findOperation(request));

  // Approve or cancel: only a PENDING operation can change (412 otherwise)
  app.patch<{ Params: IdParams }>(`${DUAL_AUTH_PATH}/:id`, (request) => {
    const operation = findOperation(request);
    const body = readJsonObject(request, [MERGE_PATCH_TYPE]);
    const extra = Object.keys(body).filter((key) => key !== 'state');
    if (extra.length > 0) {
      throw new SimulatedError('badRequest', `Only state can be changed; not ${extra.join(', ')}`);
    }
    if (typeof body.state !== 'string' || !NEW_STATES.includes(body.state)) {
      throw new SimulatedError(
        'badRequest',
        `state is required and must be ${NEW_STATES.join(' or ')}`,
      );
    }
    if (operation.state !== 'PENDING') {
      throw new SimulatedError(
        'preconditionFailed',
        `Dual-auth operation '${operation.id}' is ${operation.state ?? 'not pending'}; only a PENDING operation can change`,
      );
    }
    const now = new Date().toISOString();
    const checker = contextOf(request).token?.clientId ?? 'unknown';
    operation.state = body.state;
    operation.checkedAt = now;
    operation.checkedByEmail = checker;
    operation.checkedByUri = `/identity/v1/api-clients/${checker}`;
    operation.updatedAt = now;
    operation.generation += 1;
    return operation;
  });
}

function findOperation(request: FastifyRequest<{ Params: IdParams }>): DualAuthOperationWire {
  const id = requireUuid(request.params.id, 'dual-auth-operation');
  const operation = workspaceOf(request).dualAuthOperations.get(id);
  if (!operation) {
    throw notFound('dual-auth-operation', id);
  }
  return operation;
}
