import { GatewayConfig } from 'src/config/gateway-config.type';
import { describeRedisTopology } from 'src/config/redis.parser';
import { APP_VERSION } from 'src/common/app-version';
import type { RunningSimulator } from 'src/simulator';

/** The start-up banner: what an operator needs to know, and never a secret. */
export function bannerLines(
  config: GatewayConfig,
  url: string,
  simulator?: RunningSimulator,
): string[] {
  const regions = config.upstream.regions
    .map((region) =>
      region.aliases.length > 0 ? `${region.name} (${region.aliases.join(', ')})` : region.name,
    )
    .join(', ');
  const lines = [
    `GreenLake Gateway ${APP_VERSION} listening on ${url} (HOST=${config.host}${hostNote(config.host)})`,
    simulator
      ? `mode: simulator (embedded GreenLake simulator; token URL ${simulator.tokenUrl})`
      : 'mode: real (GreenLake credentials configured)',
    `regions: ${regions}; default ${config.upstream.defaultRegion}`,
    `credential profiles: ${config.credentials.profiles.map((profile) => `${profile.name} (${profile.regions.length} regions)`).join(', ')}`,
    `state store: ${config.redis.topology ? describeRedisTopology(config.redis.topology) : 'memory (set REDIS_URL to share state across replicas)'}`,
    `caller auth: ${authLine(config)}`,
    `rate limit: ${rateLimitLine(config)}`,
    `docs: ${url}/docs (OpenAPI document at ${url}/docs-json)`,
  ];
  return lines;
}

function hostNote(host: string): string {
  if (host === '0.0.0.0' || host === '::') {
    return ': every interface';
  }
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' ? ': loopback only' : '';
}

function authLine(config: GatewayConfig): string {
  if (config.auth.mode === 'off') {
    return config.mode === 'real'
      ? 'OFF: every caller has every scope. Anyone who can reach this port can use the GreenLake credentials!'
      : 'off (every caller has every scope)';
  }
  if (config.auth.developmentKey) {
    return 'development key "simulator" has every scope (simulator mode, no GATEWAY_API_KEYS): send X-API-Key: simulator';
  }
  const keys = `${config.auth.apiKeys.length} API key(s): ${config.auth.apiKeys.map((key) => key.name).join(', ')}`;
  return config.auth.jwt ? `${keys}; JWT from ${config.auth.jwt.issuer}` : keys;
}

function rateLimitLine({ rateLimit, redis }: GatewayConfig): string {
  const limit =
    rateLimit.perMinute === 0
      ? 'none by default'
      : `${rateLimit.perMinute} requests/min per caller`;
  const own = Object.keys(rateLimit.perCaller).length;
  return `${limit}${own > 0 ? ` (${own} caller(s) with their own)` : ''}, counted in ${redis.topology ? 'redis' : 'memory'}`;
}
