import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CONFIG_DIR = join(ROOT, 'src/config');

/** Every variable the config code reads: `reader.x('NAME'` and friends, by their quoted names. */
function variablesReadByConfig(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(CONFIG_DIR)) {
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) {
      continue;
    }
    const text = readFileSync(join(CONFIG_DIR, file), 'utf8');
    // Symbol('GATEWAY_CONFIG') is an injection token, not a variable
    for (const match of text.matchAll(/(?<!Symbol)\(\s*'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g)) {
      names.add(match[1]);
    }
  }
  return [...names].sort();
}

describe('.env.example', () => {
  it('lists every variable the configuration reads', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const listed = new Set(
      [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]),
    );
    const missing = variablesReadByConfig().filter(
      (name) => !listed.has(name) && !listed.has(name.replace(/_FILE$/, '')),
    );
    expect(missing).toEqual([]);
  });
});
