import { EnvReader } from 'src/config/env-reader';
import type { ResourceDefaultsOverride } from 'src/catalog/resource-spec.type';
import { scanFilter } from 'src/catalog/odata-filter.util';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import {
  RESOURCE_NAMES,
  type ResourceName,
  type ResourceSpec,
} from 'src/catalog/resource-spec.type';
import { FIELD_LIST_PATTERN, parseFieldList, selectProblem } from 'src/catalog/select.util';
import { normalizeSort, sortProblem } from 'src/catalog/sort.util';

const KEYS = ['select', 'sort', 'filter', 'cacheTtlSeconds'];
const MAX_TTL_SECONDS = 86_400;

/**
 * Reads GATEWAY_DEFAULTS_FILE (YAML or JSON): `resources: { <resource>: { select, sort, filter,
 * cacheTtlSeconds } }` (or the map alone). Every problem becomes one line on the reader.
 */
export function parseDefaultsFile(
  reader: EnvReader,
  variable: string,
  path: string,
): Record<string, ResourceDefaultsOverride> {
  const document = reader.readYamlFile(variable, path);
  if (document === undefined) {
    return {};
  }
  const root = isRecord(document) && 'resources' in document ? document.resources : document;
  if (!isRecord(root)) {
    reader.problem(variable, `${path} needs a "resources" map of resource name to defaults`);
    return {};
  }
  const overrides: Record<string, ResourceDefaultsOverride> = {};
  for (const [name, raw] of Object.entries(root)) {
    if (!(RESOURCE_NAMES as readonly string[]).includes(name)) {
      reader.problem(variable, `unknown resource "${name}" (known: ${RESOURCE_NAMES.join(', ')})`);
      continue;
    }
    const override = parseOverride(
      (message) => reader.problem(variable, `resources.${name}: ${message}`),
      RESOURCE_CATALOG[name as ResourceName],
      raw,
    );
    if (override) {
      overrides[name] = override;
    }
  }
  return overrides;
}

function parseOverride(
  problem: (message: string) => void,
  spec: ResourceSpec,
  raw: unknown,
): ResourceDefaultsOverride | undefined {
  if (raw === null || raw === undefined) {
    return {};
  }
  if (!isRecord(raw)) {
    problem('expected a map with select, sort, filter or cacheTtlSeconds');
    return undefined;
  }
  let problems = 0;
  const fail = (message: string): void => {
    problems += 1;
    problem(message);
  };
  const unknown = Object.keys(raw).filter((key) => !KEYS.includes(key));
  if (unknown.length > 0) {
    fail(`unknown setting(s) ${unknown.join(', ')} (known: ${KEYS.join(', ')})`);
  }
  const override: ResourceDefaultsOverride = {};
  if ('select' in raw) {
    override.select = readSelect(fail, spec, raw.select);
  }
  if ('sort' in raw) {
    override.sort = readSort(fail, spec, raw.sort);
  }
  if ('filter' in raw) {
    override.filter = readFilter(fail, spec, raw.filter);
  }
  if ('cacheTtlSeconds' in raw) {
    const ttl = raw.cacheTtlSeconds;
    if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL_SECONDS) {
      fail(`cacheTtlSeconds must be a whole number from 0 to ${MAX_TTL_SECONDS}`);
    } else {
      override.cacheTtlSeconds = ttl;
    }
  }
  return problems === 0 ? override : undefined;
}

function readSelect(fail: (m: string) => void, spec: ResourceSpec, raw: unknown): string[] {
  if (!spec.select) {
    fail(`select is not possible: GreenLake has no select for ${spec.label}`);
    return [];
  }
  if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) {
    return [];
  }
  const list =
    Array.isArray(raw) && raw.every((field) => typeof field === 'string') ? raw.join(',') : raw;
  if (typeof list !== 'string' || !FIELD_LIST_PATTERN.test(list)) {
    fail('select must be a list of top-level property names (or "a,b,c")');
    return [];
  }
  const fields = parseFieldList(list);
  const problem = selectProblem('select', fields, spec.select);
  if (problem) {
    fail(problem);
    return [];
  }
  return fields;
}

function readSort(fail: (m: string) => void, spec: ResourceSpec, raw: unknown): string {
  if (raw === null || raw === '') {
    return '';
  }
  if (!spec.sort) {
    fail(`sort is not possible: GreenLake does not sort ${spec.label}`);
    return '';
  }
  if (typeof raw !== 'string') {
    fail('sort must be a string such as "createdAt desc"');
    return '';
  }
  const problem = sortProblem(raw, spec.sort);
  if (problem) {
    fail(problem);
    return '';
  }
  return normalizeSort(raw);
}

function readFilter(fail: (m: string) => void, spec: ResourceSpec, raw: unknown): string {
  if (raw === null || raw === '') {
    return '';
  }
  if (typeof raw !== 'string' || raw.length > spec.maxFilterLength) {
    fail(`filter must be a string of at most ${spec.maxFilterLength} characters`);
    return '';
  }
  if (scanFilter(raw).unterminated) {
    fail('filter has an unterminated string literal');
    return '';
  }
  return raw.trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
