import type { FastifyInstance } from 'fastify';
import { listItems, parseSelectParam, project } from './list-query';
import { contextOf, workspaceOf } from './request-context';
import { OPERATION_FIELDS, OPERATION_LIST_RULES } from './resource-rules';
import { type IdParams, notFound, requireUuid } from './route-params.util';
import { OPERATIONS_PATH } from './seed-operations';

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
