import type { FastifyInstance } from 'fastify';
import type { SimulatorState } from 'src/simulator/simulator-state';
import { SimulatedError } from 'src/simulator/faults/simulated-error';
import { registerCatalogRoutes } from './catalog.routes';
import { registerDualAuthRoutes } from './dual-auth.routes';
import { registerIssueRoutes } from './issues.routes';
import { registerOperationRoutes } from './operations.routes';
import { registerSecretRoutes } from './secrets.routes';
import { registerSettingRoutes } from './settings.routes';
import { registerSoftwareRoutes } from './software.routes';

const BASE = '/data-services/v1beta1';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The 26 operations of data-services.json 1.3.0, by path (anything else is a 404). */
export const DATA_SERVICES_OPERATIONS: Readonly<
  Record<string, readonly (typeof METHODS)[number][]>
> = {
  '/async-operations': ['GET'],
  '/async-operations/:id': ['GET'],
  '/dual-auth-operations': ['GET'],
  '/dual-auth-operations/:id': ['GET', 'PATCH'],
  '/issues': ['GET'],
  '/issues/:id': ['GET', 'PATCH'],
  '/issues-metadata': ['GET'],
  '/secret-assignments': ['GET'],
  '/secret-assignments/:id': ['GET'],
  '/secrets': ['GET', 'POST'],
  '/secrets/:id': ['GET', 'PATCH', 'DELETE'],
  '/settings': ['GET'],
  '/settings/:id': ['GET', 'PATCH'],
  '/software-components/:id/install-release': ['GET'],
  '/software-releases': ['GET'],
  '/software-releases/:id': ['GET'],
  '/software-releases/:id/download': ['POST'],
  '/software-upgrades': ['GET'],
  '/storage-locations': ['GET'],
  '/tags': ['GET'],
};

export function registerDataServicesRoutes(app: FastifyInstance, state: SimulatorState): void {
  registerOperationRoutes(app);
  registerDualAuthRoutes(app);
  registerIssueRoutes(app);
  registerSecretRoutes(app);
  registerSettingRoutes(app);
  registerSoftwareRoutes(app, state);
  registerCatalogRoutes(app);
  // A known path with another method: 405 (issues declare it; e.g. DELETE /issues/{id} is not public)
  for (const [path, allowed] of Object.entries(DATA_SERVICES_OPERATIONS)) {
    const others = METHODS.filter((method) => !allowed.includes(method));
    app.route({
      method: others,
      url: `${BASE}${path}`,
      handler: (request, reply) => {
        void reply.header('allow', allowed.join(', '));
        throw new SimulatedError(
          'methodNotAllowed',
          `${request.method} is not allowed here (allowed: ${allowed.join(', ')})`,
        );
      },
    });
  }
}
