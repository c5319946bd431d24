import { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  DocumentBuilder,
  OpenAPIObject,
  type OperationObject,
  type SecurityRequirementObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { routeAccessOf } from 'src/common/access/route-access.util';
import { APP_VERSION } from 'src/common/app-version';
import { CallerScope, GatewayConfig } from 'src/config/gateway-config.type';

export const API_KEY_SCHEME = 'api-key';
export const BEARER_SCHEME = 'bearer';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const DESCRIPTION = `The company's gateway to HPE GreenLake: it holds the GreenLake client credentials, caches access
tokens, forwards calls to the right regional host and applies server-side defaults.

**Authorize** with your API key (header \`X-API-Key\`; tools that only speak bearer may send
\`Authorization: Bearer <key>\`), then **Try it out**. Each route names the scope it needs: \`read\`
(GET), \`write\` (POST, PUT, PATCH, DELETE), \`token\` (\`/v1/token\`) or \`admin\` (operator routes).

Every caller has a request budget per minute: answers carry \`RateLimit-Limit\`, \`RateLimit-Remaining\`
and \`RateLimit-Reset\`, and a spent budget answers 429 \`RATE_LIMITED\` with \`Retry-After\`.
Errors always have the shape \`{ statusCode, code, message, details?, requestId, upstream? }\`.`;

/** A handler and its controller: where the access decorators of a route are read. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type RouteTargets = [handler: Function, controller: Type<unknown>];

/** The OpenAPI document of the gateway's own surface, as /docs-json serves it. */
export function buildOpenApiDocument(app: INestApplication, config: GatewayConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('GreenLake Gateway')
    .setDescription(
      config.auth.developmentKey
        ? `${DESCRIPTION}\n\nSimulator mode: the development key \`simulator\` has every scope.`
        : DESCRIPTION,
    )
    .setVersion(APP_VERSION)
    .addApiKey(
      { type: 'apiKey', name: 'X-API-Key', in: 'header', description: 'Your gateway API key' },
      API_KEY_SCHEME,
    );
  if (config.auth.jwt) {
    builder.addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: `A JWT from your identity provider (issuer ${config.auth.jwt.issuer}), or your API key`,
      },
      BEARER_SCHEME,
    );
  }
  const handlers = new Map<string, RouteTargets>();
  const access = routeTargetsByHandler(app);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    // Controller method names are unique app-wide, so they make readable operationIds
    operationIdFactory: (controllerKey: string, methodKey: string) => {
      const found = access.get(`${controllerKey}.${methodKey}`);
      if (found) {
        handlers.set(methodKey, found);
      }
      return methodKey;
    },
  });
  applyRouteAccess(document, handlers, config);
  return document;
}

export function setupSwagger(app: INestApplication, config: GatewayConfig): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    customSiteTitle: 'GreenLake Gateway API',
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
  });
}

/** Every controller method, keyed `ControllerName.methodName` (its operationId). */
function routeTargetsByHandler(app: INestApplication): Map<string, RouteTargets> {
  const access = new Map<string, RouteTargets>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) {
        continue;
      }
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') {
          continue;
        }
        access.set(`${controller.name}.${name}`, [handler, controller]);
      }
    }
  }
  return access;
}

/**
 * Marks every operation as the guard treats it, so that "Authorize" then "Try it out" works on
 * all of them: public ones need nothing, the others the API key (or a JWT) and a named scope.
 */
function applyRouteAccess(
  document: OpenAPIObject,
  handlers: Map<string, RouteTargets>,
  config: GatewayConfig,
): void {
  const reflector = new Reflector();
  const schemes: SecurityRequirementObject[] = [
    { [API_KEY_SCHEME]: [] },
    ...(config.auth.jwt ? [{ [BEARER_SCHEME]: [] }] : []),
  ];
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation: OperationObject | undefined = pathItem[method];
      const targets = operation?.operationId ? handlers.get(operation.operationId) : undefined;
      if (!operation || !targets) {
        continue;
      }
      pathParametersFirst(operation);
      // The same reading of the decorators as the guard's, so the document cannot disagree with it
      const { public: isPublic, scope } = routeAccessOf(reflector, targets, method, config);
      if (isPublic) {
        operation.security = [];
        continue;
      }
      operation.security = schemes;
      (operation as OperationObject & { 'x-required-scope': CallerScope })['x-required-scope'] =
        scope;
      const note = `Requires the \`${scope}\` scope.`;
      operation.description = operation.description ? `${operation.description}\n\n${note}` : note;
    }
  }
}

// Path parameters lead, as in the URL: the region comes from @ResolvedCall(), declared after the DTOs
function pathParametersFirst(operation: OperationObject): void {
  const inPath = (parameter: object) => 'in' in parameter && parameter.in === 'path';
  operation.parameters?.sort((a, b) => Number(inPath(b)) - Number(inPath(a)));
}
