import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** HPE's OpenAPI files live beside the project (never copied in); override with GREENLAKE_SPECS_DIR. */
export const SPECS_DIR =
  process.env.GREENLAKE_SPECS_DIR ?? resolve(__dirname, '../../../shared/specs');

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
};

/** The parsed spec, or undefined (with the reason printed once) when the folder is absent. */
export function loadSpec(file: string): OpenApiDocument | undefined {
  const path = join(SPECS_DIR, file);
  if (!existsSync(path)) {
    console.warn(`Skipping checks against ${file}: ${path} is absent (set GREENLAKE_SPECS_DIR).`);
    return undefined;
  }
  return JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
}
