/**
 * `npm run openapi:check` (CI): regenerates the document in memory and fails, with a summary of
 * what differs, when the committed openapi.json no longer describes the app.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import { existsSync, readFileSync } from 'node:fs';
import { diffOpenApi, isEmptyDiff } from './openapi-diff.util';
import { generateOpenApiDocument, OPENAPI_FILE } from './openapi-document';

async function main(): Promise<void> {
  if (!existsSync(OPENAPI_FILE)) {
    console.error(`openapi: ${OPENAPI_FILE} is missing; run npm run openapi:write and commit it`);
    process.exit(1);
  }
  const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as OpenAPIObject;
  // Through JSON, as the file went, so that only content counts (not undefined fields)
  const current = JSON.parse(JSON.stringify(await generateOpenApiDocument())) as OpenAPIObject;
  const diff = diffOpenApi(committed, current);
  if (isEmptyDiff(diff)) {
    console.log('openapi: openapi.json is up to date');
    return;
  }
  console.error('openapi: openapi.json does not match the app:');
  for (const [label, keys] of [
    ['added', diff.added],
    ['removed', diff.removed],
    ['changed', diff.changed],
  ] as const) {
    keys.forEach((key) => console.error(`  ${label.padEnd(7)} ${key}`));
  }
  console.error('Run npm run openapi:write and commit openapi.json with the change.');
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
