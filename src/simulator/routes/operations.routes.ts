import type { FastifyInstance } from 'fastify';
import { listItems, parseSelectParam, project } from 'src/simulator/query/list-query';
import { contextOf, workspaceOf } from 'src/simulator/http/request-context';
import { OPERATION_FIELDS, OPERATION_LIST_RULES } from 'src/simulator/query/resource-rules';
import { type IdParams, notFound, requireUuid } from 'src/simulator/http/route-params.util';
import { OPERATIONS_PATH } from 'src/simulator/seed/seed-operations';

export function registerOperationRoutes(app: FastifyInstance): void {
  app.get(OPERATIONS_PATH, (request) => {
    const operations = workspaceOf(request).operationViews(Date.now());
    return listItems(operations, contextOf(request).query, OPERATION_LIST_RULES);
  });

  app.get<{ Params: IdParams }>(`${OPERATIONS_PATH}/:id`, (request) => {
    const id = requireUuid(request.params.id, 'async-operation');
    const select = parseSelectParam(contextOf(request).query, OPERATION_FIELDS);
    const operation = workspaceOf(request).operationView(id, Date.now());
    if (!operation) {
      throw notFound('async-operation', id);
    }
    return select ? project(operation, select) : operation;
  });
}
