import type {
  ResourceDefaults,
  ResourceDefaultsOverride,
  ResourceSpec,
} from './resource-spec.type';

/** The built-in defaults with the configured override on top; an empty string clears a default. */
export function effectiveDefaults(
  spec: ResourceSpec,
  override: ResourceDefaultsOverride = {},
): ResourceDefaults {
  const pick = (configured: string | undefined, builtIn: string | undefined) =>
    configured === undefined ? builtIn : configured || undefined;
  return {
    select: override.select ?? spec.defaults.select,
    sort: pick(override.sort, spec.defaults.sort),
    filter: pick(override.filter, spec.defaults.filter),
    cacheTtlSeconds: override.cacheTtlSeconds ?? spec.defaults.cacheTtlSeconds,
  };
}

export const MAX_ITEMS_LIMIT = 10_000;

/**
 * The Swagger text of a list route: its server-side defaults and paging. Not the cache TTL, which
 * nothing applies yet (the response cache will say it).
 */
export function describeListDefaults(spec: ResourceSpec, defaults: ResourceDefaults): string {
  const code = (text: string) => `\`${text}\``;
  const lines = ['**Server-side defaults** (operators change them with `GATEWAY_DEFAULTS_FILE`):'];
  if (spec.select) {
    const required =
      spec.select.required.length > 0
        ? `; ${code(spec.select.required.join(','))} is always added to any select`
        : '';
    const select = defaults.select.length > 0 ? code(defaults.select.join(',')) : 'all properties';
    lines.push(`- select (when no \`fields\`): ${select}${required}`);
  }
  if (spec.sort) {
    lines.push(`- sort (when no \`sort\`): ${defaults.sort ? code(defaults.sort) : 'none'}`);
  }
  lines.push(
    `- filter (when no filter parameter at all): ${defaults.filter ? code(defaults.filter) : 'none'}`,
  );
  if (spec.paging) {
    const { defaultLimit, maxLimit } = spec.paging;
    lines.push(
      '',
      `**Paging**: GreenLake's default page is ${defaultLimit} and its maximum ${maxLimit}. ` +
        `\`all=true\` follows the pages (${maxLimit} at a time) and returns one list, up to ` +
        `\`maxItems\` (default and ceiling ${MAX_ITEMS_LIMIT}; more matches are a 400).`,
    );
  } else {
    lines.push('', '**Paging**: none; GreenLake returns the whole list.');
  }
  return lines.join('\n');
}
