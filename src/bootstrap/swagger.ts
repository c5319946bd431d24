import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { APP_VERSION } from 'src/common/app-version';
import { GatewayConfig } from 'src/config/gateway-config.type';

export const API_KEY_SCHEME = 'api-key';

const DESCRIPTION = `The company's gateway to HPE GreenLake: it holds the GreenLake client credentials, caches access
tokens, forwards calls to the right regional host and applies server-side defaults.

Authorize with your API key (header \`X-API-Key\`). Errors always have the shape
\`{ statusCode, code, message, details?, requestId, upstream? }\`.`;

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
  return SwaggerModule.createDocument(app, builder.build(), {
    // Controller method names are unique app-wide, so they make readable operationIds
    operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey,
  });
}

export function setupSwagger(app: INestApplication, config: GatewayConfig): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    customSiteTitle: 'GreenLake Gateway API',
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
  });
}
