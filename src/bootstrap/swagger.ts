import { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  DocumentBuilder,
  OpenAPIObject,
  type OperationObject,
  type SecurityRequirementObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { isReadMethod } from 'src/common/access/route-access.util';
import { APP_VERSION } from 'src/common/app-version';
import { IS_PUBLIC, PublicMarker } from 'src/common/access/public.decorator';
import { REQUIRED_SCOPE } from 'src/common/access/require-scope.decorator';
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

/** How a route is reached: public, or the scope it needs (from the same metadata the guard reads). */
interface RouteAccess {
  public: PublicMarker | undefined;
  scope: CallerScope | undefined;
}

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
  const handlers = new Map<string, RouteAccess>();
  const access = routeAccessByHandler(app);
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

/** Public or scope of every controller method, keyed `ControllerName.methodName`. */
function routeAccessByHandler(app: INestApplication): Map<string, RouteAccess> {
  const reflector = new Reflector();
  const access = new Map<string, RouteAccess>();
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
        access.set(`${controller.name}.${name}`, {
          public: reflector.getAllAndOverride<PublicMarker | undefined>(IS_PUBLIC, [
            handler,
            controller,
          ]),
          scope: reflector.getAllAndOverride<CallerScope | undefined>(REQUIRED_SCOPE, [
            handler,
            controller,
          ]),
        });
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
  handlers: Map<string, RouteAccess>,
  config: GatewayConfig,
): void {
  const schemes: SecurityRequirementObject[] = [
    { [API_KEY_SCHEME]: [] },
    ...(config.auth.jwt ? [{ [BEARER_SCHEME]: [] }] : []),
  ];
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation: OperationObject | undefined = pathItem[method];
      const access = operation?.operationId ? handlers.get(operation.operationId) : undefined;
      if (!operation || !access) {
        continue;
      }
      if (access.public === true || (access.public === 'metrics' && config.metrics.public)) {
        operation.security = [];
        continue;
      }
      const scope = access.scope ?? (isReadMethod(method) ? 'read' : 'write');
      operation.security = schemes;
      (operation as OperationObject & { 'x-required-scope': CallerScope })['x-required-scope'] =
        scope;
      const note = `Requires the \`${scope}\` scope.`;
      operation.description = operation.description ? `${operation.description}\n\n${note}` : note;
    }
  }
}
