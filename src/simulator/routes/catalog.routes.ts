import type { FastifyInstance } from 'fastify';
import { listItems } from 'src/simulator/query/list-query';
import { contextOf, workspaceOf } from 'src/simulator/http/request-context';
import { STORAGE_LOCATION_LIST_RULES, TAG_LIST_RULES } from 'src/simulator/query/resource-rules';
import { SimulatedError } from 'src/simulator/faults/simulated-error';

const MAX_STORAGE_LOCATION_FILTER_LENGTH = 1000;

/** The read-only catalogues: storage locations (filter only, not paginated) and tags. */
export function registerCatalogRoutes(app: FastifyInstance): void {
  app.get('/data-services/v1beta1/storage-locations', (request) => {
    const { query } = contextOf(request);
    const filter = query.filter;
    if (typeof filter === 'string' && filter.length > MAX_STORAGE_LOCATION_FILTER_LENGTH) {
      throw new SimulatedError(
        'invalidParameter',
        `filter is longer than ${MAX_STORAGE_LOCATION_FILTER_LENGTH} characters`,
      );
    }
    return listItems(workspaceOf(request).storageLocations, query, STORAGE_LOCATION_LIST_RULES);
  });

  app.get('/data-services/v1beta1/tags', (request) =>
    listItems(workspaceOf(request).tags.all(), contextOf(request).query, TAG_LIST_RULES),
  );
}
