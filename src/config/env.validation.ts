import { parseDefaultsFile } from 'src/config/defaults-file.parser';
import { parseApiKeys, sha256Hex, splitApiKeyEntries } from './api-keys.parser';
import { EnvReader, Environment } from './env-reader';
import {
  ApiKeyEntry,
  CALLER_SCOPES,
  CredentialProfile,
  GatewayConfig,
  GatewayLogLevel,
  GatewayMode,
  LOG_LEVELS,
  RegionConfig,
} from './gateway-config.type';
import { readCacheConfig } from './cache.parser';
import { readJwtConfig } from './jwt.parser';
import { isHttpUrl, parseProfilesFile } from './profiles.parser';
import { readBudget } from './budget.parser';
import { readRateLimits } from './rate-limits.parser';
import { readRedisTopology } from './redis.parser';
import { DEFAULT_REGIONS, parseRegions } from './regions.parser';

export const DEFAULT_TOKEN_URL = 'https://sso.common.cloud.hpe.com/as/token.oauth2';
export const DEFAULT_PROFILE = 'default';
/** The fixed caller key of simulator mode; documented, and worthless outside the simulator. */
export const DEVELOPMENT_API_KEY = 'simulator';

const SIMULATOR_PROFILE = {
  name: DEFAULT_PROFILE,
  tokenUrl: DEFAULT_TOKEN_URL,
  clientId: 'simulator-client',
  clientSecret: 'simulator-secret',
  authStyle: 'form',
} as const;

export type ConfigResult = { ok: true; config: GatewayConfig } | { ok: false; problems: string[] };

/** Parses and validates the whole environment once, reporting every problem at the same time. */
export function loadGatewayConfig(env: Environment): ConfigResult {
  const reader = new EnvReader(env);
  const port = reader.integer('PORT', 3000, { min: 0, max: 65535 });
  // `info` is what most people type; Nest calls that level `log`
  const logLevel: GatewayLogLevel =
    reader.string('LOG_LEVEL')?.toLowerCase() === 'info'
      ? 'log'
      : reader.oneOf('LOG_LEVEL', LOG_LEVELS, 'log');
  const logFormat = reader.oneOf('LOG_FORMAT', ['text', 'json'] as const, 'text');
  const timeoutMs = reader.integer('UPSTREAM_TIMEOUT_MS', 10_000, { min: 100, max: 600_000 });
  const maxBodyBytes = reader.integer('UPSTREAM_MAX_BODY_BYTES', 32 * 1024 * 1024, {
    min: 1024,
    max: 1024 * 1024 * 1024,
  });
  const refreshSkewSeconds = reader.integer('TOKEN_REFRESH_SKEW_SECONDS', 300, {
    min: 0,
    max: 3600,
  });

  const regions = parseRegions(
    reader,
    'GREENLAKE_REGIONS',
    reader.string('GREENLAKE_REGIONS') ?? DEFAULT_REGIONS,
  );
  const resolveRegion = regionResolver(regions);
  const defaultRegionRaw = reader.string('GREENLAKE_DEFAULT_REGION') ?? 'us-west';
  const defaultRegion = resolveRegion(defaultRegionRaw) ?? regions[0]?.name ?? defaultRegionRaw;
  if (regions.length > 0 && resolveRegion(defaultRegionRaw) === undefined) {
    reader.problem(
      'GREENLAKE_DEFAULT_REGION',
      `"${defaultRegionRaw}" is not a configured region (${regions.map((r) => r.name).join(', ')})`,
    );
  }

  const profiles = readProfiles(reader, regions, resolveRegion);
  const mode = readMode(reader, profiles.length > 0);
  const operations = readOperations(reader, mode);
  if (mode === 'simulator' && profiles.length === 0) {
    // Pointed at the embedded simulator (token URL and hosts) once it listens
    profiles.push({ ...SIMULATOR_PROFILE, regions: regions.map((region) => region.name) });
  }
  const jwt = readJwtConfig(reader);
  const auth = { ...readAuth(reader, mode, profiles.length > 0, jwt !== undefined), jwt };
  const rateLimit = readRateLimits(reader);
  const budget = readBudget(reader);
  const metricsPublic = reader.oneOf('GATEWAY_METRICS_PUBLIC', ['true', 'false'] as const, 'true');
  const tasks = readTaskPolling(reader);
  const redisTopology = readRedisTopology(reader);
  const cache = readCacheConfig(reader);
  const encryptionKey = readEncryptionKey(reader);
  const defaultsFile = reader.string('GATEWAY_DEFAULTS_FILE');
  const resourceDefaults = defaultsFile
    ? parseDefaultsFile(reader, 'GATEWAY_DEFAULTS_FILE', defaultsFile)
    : {};

  const unbound = auth.mode === 'off' || auth.apiKeys.some((key) => !key.profile);
  const profileNames = new Set(profiles.map((profile) => profile.name));
  for (const key of auth.apiKeys) {
    if (
      key.profile &&
      !profileNames.has(key.profile) &&
      !(mode === 'simulator' && profiles.length === 0)
    ) {
      reader.problem(
        'GATEWAY_API_KEYS',
        `caller "${key.name}" is bound to unknown profile "${key.profile}"`,
      );
    }
  }
  if (profiles.length > 0) {
    checkRegionCoverage(reader, regions, profiles, unbound);
  }

  if (reader.problems.length > 0) {
    return { ok: false, problems: reader.problems };
  }
  return {
    ok: true,
    config: {
      port,
      ...operations,
      mode,
      logLevel,
      logFormat,
      upstream: { regions, defaultRegion, timeoutMs, maxBodyBytes },
      credentials: { profiles, refreshSkewSeconds, encryptionKey },
      auth,
      redis: {
        url: redisTopology?.kind === 'single' ? redisTopology.url : undefined,
        topology: redisTopology,
      },
      cache,
      tasks,
      rateLimit,
      budget,
      metrics: { public: metricsPublic === 'true' },
      resourceDefaults,
    },
  };
}

// The simulator's development key has every scope: keep it on loopback unless HOST says otherwise
function readOperations(
  reader: EnvReader,
  mode: GatewayConfig['mode'],
): Pick<GatewayConfig, 'host' | 'shutdownGraceMs' | 'otlpEndpoint'> {
  const host = reader.string('HOST') ?? (mode === 'simulator' ? '127.0.0.1' : '0.0.0.0');
  if (!/^[A-Za-z0-9.:%[\]-]{1,255}$/.test(host)) {
    reader.problem('HOST', `expected an IP address or a host name, got "${host}"`);
  }
  const shutdownGraceMs = reader.integer('SHUTDOWN_GRACE_MS', 10_000, { min: 0, max: 600_000 });
  const otlpEndpoint = reader.string('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (otlpEndpoint !== undefined && !isHttpUrl(otlpEndpoint)) {
    reader.problem('OTEL_EXPORTER_OTLP_ENDPOINT', `expected an http(s) URL, got "${otlpEndpoint}"`);
  }
  return { host, shutdownGraceMs, otlpEndpoint };
}

export function regionResolver(regions: RegionConfig[]): (name: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const region of regions) {
    for (const name of [region.name, ...region.aliases]) {
      byName.set(name, region.name);
    }
  }
  return (name) => byName.get(name.trim().toLowerCase());
}

function readProfiles(
  reader: EnvReader,
  regions: RegionConfig[],
  resolveRegion: (name: string) => string | undefined,
): CredentialProfile[] {
  const clientId = reader.secret('GREENLAKE_CLIENT_ID');
  const clientSecret = reader.secret('GREENLAKE_CLIENT_SECRET');
  const tokenUrl = reader.string('GREENLAKE_TOKEN_URL') ?? DEFAULT_TOKEN_URL;
  if (!isHttpUrl(tokenUrl)) {
    reader.problem('GREENLAKE_TOKEN_URL', `expected an http(s) URL, got "${tokenUrl}"`);
  }
  const unreadable =
    reader.hasProblem('GREENLAKE_CLIENT_ID') || reader.hasProblem('GREENLAKE_CLIENT_SECRET');
  if (!unreadable && (clientId === undefined) !== (clientSecret === undefined)) {
    reader.problem(
      clientId === undefined ? 'GREENLAKE_CLIENT_ID' : 'GREENLAKE_CLIENT_SECRET',
      'GREENLAKE_CLIENT_ID and GREENLAKE_CLIENT_SECRET must be set together',
    );
  }
  const profiles: CredentialProfile[] = [];
  if (clientId && clientSecret) {
    const authStyle = reader.oneOf('GREENLAKE_CLIENT_AUTH', ['form', 'basic'] as const, 'form');
    profiles.push({
      name: DEFAULT_PROFILE,
      tokenUrl,
      clientId,
      clientSecret,
      authStyle,
      regions: regions.map((region) => region.name),
    });
  }
  const file = reader.string('GREENLAKE_PROFILES_FILE');
  if (file) {
    for (const profile of parseProfilesFile(
      reader,
      'GREENLAKE_PROFILES_FILE',
      file,
      resolveRegion,
    )) {
      if (profiles.some((other) => other.name === profile.name)) {
        reader.problem(
          'GREENLAKE_PROFILES_FILE',
          `profile "${profile.name}" clashes with the profile from GREENLAKE_CLIENT_ID`,
        );
      } else {
        profiles.push(profile);
      }
    }
  }
  return profiles;
}

function readMode(reader: EnvReader, hasCredentials: boolean): GatewayMode {
  const setting = reader.oneOf('GREENLAKE_SIMULATOR', ['auto', 'on', 'off'] as const, 'auto');
  if (setting === 'off' && !hasCredentials) {
    reader.problem(
      'GREENLAKE_SIMULATOR',
      'is off, but no credentials are set: give GREENLAKE_CLIENT_ID and GREENLAKE_CLIENT_SECRET (or GREENLAKE_PROFILES_FILE)',
    );
  }
  return setting === 'on' || (setting === 'auto' && !hasCredentials) ? 'simulator' : 'real';
}

function readAuth(
  reader: EnvReader,
  mode: GatewayMode,
  hasCredentials: boolean,
  jwtConfigured = false,
): GatewayConfig['auth'] {
  const authMode = reader.oneOf('GATEWAY_AUTH', ['required', 'off'] as const, 'required');
  const raw = reader.secret('GATEWAY_API_KEYS');
  const apiKeys: ApiKeyEntry[] =
    raw === undefined
      ? []
      : parseApiKeys(reader, 'GATEWAY_API_KEYS', splitApiKeyEntries(raw, /[,\n]/));
  const developmentKey = mode === 'simulator' && raw === undefined && authMode === 'required';
  if (developmentKey) {
    apiKeys.push({
      name: DEVELOPMENT_API_KEY,
      keySha256: sha256Hex(DEVELOPMENT_API_KEY),
      scopes: [...CALLER_SCOPES],
    });
  }
  if (
    mode === 'real' &&
    hasCredentials &&
    authMode === 'required' &&
    raw === undefined &&
    !jwtConfigured
  ) {
    reader.problem(
      'GATEWAY_API_KEYS',
      'real mode needs caller keys (GATEWAY_API_KEYS or GATEWAY_API_KEYS_FILE) or JWT (GATEWAY_JWT_JWKS_URL), or GATEWAY_AUTH=off to run without caller auth',
    );
  }
  if (
    raw !== undefined &&
    apiKeys.length === 0 &&
    !reader.problems.some((line) => line.startsWith('GATEWAY_API_KEYS'))
  ) {
    reader.problem('GATEWAY_API_KEYS', 'is set but holds no entry');
  }
  return { mode: authMode, apiKeys, developmentKey };
}

function readTaskPolling(reader: EnvReader): GatewayConfig['tasks'] {
  const pollMinMs = reader.integer('TASK_POLL_MIN_MS', 1_000, { min: 10, max: 600_000 });
  const pollMaxMs = reader.integer('TASK_POLL_MAX_MS', 30_000, { min: 10, max: 600_000 });
  const eventsKeepAliveMs = reader.integer('TASK_EVENTS_KEEPALIVE_MS', 15_000, {
    min: 100,
    max: 600_000,
  });
  if (pollMaxMs < pollMinMs) {
    reader.problem('TASK_POLL_MAX_MS', `must not be below TASK_POLL_MIN_MS (${pollMinMs})`);
  }
  const callbacks = readTaskCallbacks(reader);
  return { pollMinMs, pollMaxMs, eventsKeepAliveMs, ...callbacks };
}

/** GATEWAY_CALLBACK_HOSTS (`host:port,...`) and GATEWAY_CALLBACK_SECRET (`_FILE` too). */
function readTaskCallbacks(
  reader: EnvReader,
): Pick<GatewayConfig['tasks'], 'callbackHosts' | 'callbackSecret'> {
  const callbackSecret = reader.secret('GATEWAY_CALLBACK_SECRET');
  const raw = reader.string('GATEWAY_CALLBACK_HOSTS');
  const callbackHosts: string[] = [];
  for (const entry of raw ? raw.split(',') : []) {
    const host = entry.trim().toLowerCase();
    if (host === '') {
      continue;
    }
    // host:port exactly, as the URL parser would print it (IPv6 in brackets)
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):\d{1,5}$/.test(host)) {
      reader.problem('GATEWAY_CALLBACK_HOSTS', `"${entry.trim()}" is not host:port`);
      continue;
    }
    callbackHosts.push(host);
  }
  if (callbackHosts.length > 0 && callbackSecret === undefined) {
    reader.problem(
      'GATEWAY_CALLBACK_SECRET',
      'is needed to sign callbacks to GATEWAY_CALLBACK_HOSTS',
    );
  }
  if (callbackSecret !== undefined && callbackSecret.length < 16) {
    reader.problem('GATEWAY_CALLBACK_SECRET', 'must be at least 16 characters');
  }
  return { callbackHosts, callbackSecret };
}

function readEncryptionKey(reader: EnvReader): string | undefined {
  const key = reader.secret('GATEWAY_ENCRYPTION_KEY');
  if (key === undefined) {
    return undefined;
  }
  const bytes = /^[a-f0-9]{64}$/i.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
  if (bytes.length !== 32) {
    reader.problem('GATEWAY_ENCRYPTION_KEY', 'expected 32 bytes, as 64 hex characters or base64');
    return undefined;
  }
  return bytes.toString('base64');
}

/** Every region needs a profile; several profiles on one region only work when every caller is bound. */
function checkRegionCoverage(
  reader: EnvReader,
  regions: RegionConfig[],
  profiles: CredentialProfile[],
  hasUnboundCallers: boolean,
): void {
  if (profiles.some((profile) => profile.name === DEFAULT_PROFILE)) {
    return;
  }
  for (const region of regions) {
    const serving = profiles
      .filter((profile) => profile.regions.includes(region.name))
      .map((p) => p.name);
    if (serving.length === 0) {
      reader.problem(
        'GREENLAKE_PROFILES_FILE',
        `region "${region.name}" is served by no profile (list it in a profile's regions, or remove it from GREENLAKE_REGIONS)`,
      );
    } else if (serving.length > 1 && hasUnboundCallers) {
      reader.problem(
        'GREENLAKE_PROFILES_FILE',
        `region "${region.name}" is served by profiles ${serving.join(' and ')}: bind every API key to a profile (name:key:scopes:profile) or give the region one profile`,
      );
    }
  }
}
