import { EnvReader } from './env-reader';
import { RegionConfig } from './gateway-config.type';

const REGION_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** The four current regional hosts and the three DSCC-era hosts (still the servers of block storage). */
export const DEFAULT_REGIONS =
  'us-west=https://us-west.api.greenlake.hpe.com,' +
  'eu-west=https://eu-west.api.greenlake.hpe.com,' +
  'eu-central=https://eu-central.api.greenlake.hpe.com,' +
  'ap-northeast=https://ap-northeast.api.greenlake.hpe.com,' +
  'us1=https://us1.data.cloud.hpe.com,' +
  'eu1=https://eu1.data.cloud.hpe.com,' +
  'jp1=https://jp1.data.cloud.hpe.com';

const EXPECTED =
  'name=http(s)-url pairs separated by commas, e.g. us-west=https://us-west.api.greenlake.hpe.com (aliases: name|alias=url)';

/** Parses `GREENLAKE_REGIONS`: `name[|alias...]=baseUrl`, comma-separated. */
export function parseRegions(reader: EnvReader, variable: string, raw: string): RegionConfig[] {
  const regions: RegionConfig[] = [];
  const taken = new Set<string>();
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const region = parseRegion(entry);
    if (typeof region === 'string') {
      reader.problem(variable, `"${entry}" ${region}; expected ${EXPECTED}`);
      continue;
    }
    const clash = [region.name, ...region.aliases].find((name) => taken.has(name));
    if (clash) {
      reader.problem(variable, `region name or alias "${clash}" is given twice`);
      continue;
    }
    [region.name, ...region.aliases].forEach((name) => taken.add(name));
    regions.push(region);
  }
  if (regions.length === 0 && reader.problems.every((line) => !line.startsWith(variable))) {
    reader.problem(variable, `no region given; expected ${EXPECTED}`);
  }
  return regions;
}

function parseRegion(entry: string): RegionConfig | string {
  const separator = entry.indexOf('=');
  if (separator < 0) {
    return 'has no "="';
  }
  const names = entry
    .slice(0, separator)
    .split('|')
    .map((name) => name.trim().toLowerCase());
  const invalidName = names.find((name) => !REGION_NAME.test(name));
  if (invalidName !== undefined) {
    return `has an invalid region name "${invalidName}" (lowercase letters, digits and dashes)`;
  }
  const baseUrl = normalizeBaseUrl(entry.slice(separator + 1).trim());
  if (baseUrl === undefined) {
    return 'has no valid http(s) base URL (no query or fragment)';
  }
  const [name, ...aliases] = names;
  return {
    name,
    baseUrl,
    aliases,
    legacy: new URL(baseUrl).hostname.endsWith('.data.cloud.hpe.com'),
  };
}

function normalizeBaseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
    return undefined;
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
