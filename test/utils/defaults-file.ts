import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A GATEWAY_DEFAULTS_FILE that gives one resource a cache TTL of `seconds`. */
export function cacheTtlDefaultsFile(resource: string, seconds: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gw-defaults-')), 'defaults.yaml');
  writeFileSync(path, `resources:\n  ${resource}:\n    cacheTtlSeconds: ${seconds}\n`);
  return path;
}
