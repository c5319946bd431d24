import { EnvReader } from './env-reader';
import { ClientAuthStyle, CredentialProfile } from './gateway-config.type';

const PROFILE_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const AUTH_STYLES: readonly ClientAuthStyle[] = ['form', 'basic'];

type RawProfile = Record<string, unknown>;

/**
 * Reads `GREENLAKE_PROFILES_FILE` (YAML or JSON): `profiles: [{ name, tokenUrl, clientId,
 * clientSecret | clientSecretFile, authStyle?, regions: [...] }]` (or the list alone).
 * `resolveRegion` maps a region name or alias to its canonical name, or undefined.
 */
export function parseProfilesFile(
  reader: EnvReader,
  variable: string,
  path: string,
  resolveRegion: (name: string) => string | undefined,
): CredentialProfile[] {
  const document = reader.readYamlFile(variable, path);
  if (document === undefined) {
    return [];
  }
  const list: unknown = Array.isArray(document)
    ? document
    : typeof document === 'object' && document !== null && 'profiles' in document
      ? document.profiles
      : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    reader.problem(variable, `${path} has no "profiles" list`);
    return [];
  }
  const profiles: CredentialProfile[] = [];
  list.forEach((raw: unknown, index) => {
    const profile = parseProfile(reader, variable, raw as RawProfile, index, resolveRegion);
    if (profile && profiles.some((other) => other.name === profile.name)) {
      reader.problem(variable, `profile "${profile.name}" is defined twice`);
    } else if (profile) {
      profiles.push(profile);
    }
  });
  return profiles;
}

function parseProfile(
  reader: EnvReader,
  variable: string,
  raw: RawProfile,
  index: number,
  resolveRegion: (name: string) => string | undefined,
): CredentialProfile | undefined {
  let where = `profile ${index + 1}`;
  const fail = (message: string): undefined => {
    reader.problem(variable, `${where} ${message}`);
    return undefined;
  };
  if (typeof raw !== 'object' || raw === null) {
    return fail('is not an object');
  }
  const name = text(raw.name);
  if (!name || !PROFILE_NAME.test(name)) {
    return fail('needs a "name" of lowercase letters, digits, "-" or "_"');
  }
  where = `profile "${name}"`;
  const tokenUrl = text(raw.tokenUrl);
  if (!tokenUrl || !isHttpUrl(tokenUrl)) {
    return fail(`needs a "tokenUrl" that is an http(s) URL`);
  }
  const clientId = text(raw.clientId);
  if (!clientId) {
    return fail(`needs a "clientId"`);
  }
  const secretFile = text(raw.clientSecretFile);
  const clientSecret = secretFile ? reader.readFile(variable, secretFile) : text(raw.clientSecret);
  if (!clientSecret) {
    return fail(`needs a "clientSecret" or a readable "clientSecretFile"`);
  }
  const authStyle = (text(raw.authStyle) ?? 'form') as ClientAuthStyle;
  if (!AUTH_STYLES.includes(authStyle)) {
    return fail(`has authStyle "${authStyle}"; expected form or basic`);
  }
  const regionNames = Array.isArray(raw.regions)
    ? raw.regions.map((region) => text(region) ?? '')
    : [];
  if (regionNames.length === 0) {
    return fail(`needs a non-empty "regions" list`);
  }
  const unknown = regionNames.filter((region) => resolveRegion(region) === undefined);
  if (unknown.length > 0) {
    return fail(`names unknown region(s) ${unknown.join(', ')}`);
  }
  const regions = [...new Set(regionNames.map((region) => resolveRegion(region) as string))];
  return { name, tokenUrl, clientId, clientSecret, authStyle, regions };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

export function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
