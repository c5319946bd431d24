/** `npm run openapi:write`: regenerates the committed openapi.json from the app (no listening). */
import type { OpenAPIObject } from '@nestjs/swagger';
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { generateOpenApiDocument, OPENAPI_FILE } from './openapi-document';

/** As committed: formatted by prettier, so that `npm run format` leaves the file alone. */
async function serialize(document: OpenAPIObject): Promise<string> {
  const options = await resolveConfig(OPENAPI_FILE);
  return format(JSON.stringify(document), { ...options, filepath: OPENAPI_FILE });
}

async function main(): Promise<void> {
  const document = await generateOpenApiDocument();
  writeFileSync(OPENAPI_FILE, await serialize(document));
  const operations = Object.values(document.paths).reduce(
    (count, item) => count + Object.keys(item).length,
    0,
  );
  console.log(`openapi: wrote ${OPENAPI_FILE} (${operations} operations)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
