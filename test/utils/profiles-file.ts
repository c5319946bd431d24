import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A GREENLAKE_PROFILES_FILE with one workspace-scoped profile per name, serving `regions`. */
export function profilesFile(names: string[], regions: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gw-profiles-')), 'profiles.yaml');
  const profile = (name: string) =>
    `  - name: ${name}\n    tokenUrl: https://global.api.greenlake.hpe.com/authorization/v2/oauth2/ws-${name}/token\n` +
    `    clientId: ${name}-client\n    clientSecret: ${name}-secret-value\n    regions: [${regions.join(', ')}]\n`;
  writeFileSync(path, `profiles:\n${names.map(profile).join('')}`);
  return path;
}
