import { EnvReader } from './env-reader';
import { CacheConfig } from './gateway-config.type';

const MIB = 1024 * 1024;

/**
 * The response cache: `GATEWAY_CACHE` (on|off), the memory bound and the entry limit in bytes,
 * the stale window, the TTL of pass-through GETs outside the Data Services catalog, and how close
 * to its TTL a hit refreshes an entry ahead.
 */
export function readCacheConfig(reader: EnvReader): CacheConfig {
  const enabled = reader.oneOf('GATEWAY_CACHE', ['on', 'off'] as const, 'on') === 'on';
  const maxBytes = reader.integer('GATEWAY_CACHE_MAX_BYTES', 64 * MIB, {
    min: 1024,
    max: 64 * 1024 * MIB,
  });
  const maxEntryBytes = reader.integer('GATEWAY_CACHE_MAX_ENTRY_BYTES', MIB, {
    min: 1,
    max: 512 * MIB,
  });
  if (maxEntryBytes > maxBytes) {
    reader.problem(
      'GATEWAY_CACHE_MAX_ENTRY_BYTES',
      `must not be above GATEWAY_CACHE_MAX_BYTES (${maxBytes})`,
    );
  }
  const staleSeconds = reader.integer('GATEWAY_CACHE_STALE_SECONDS', 300, {
    min: 0,
    max: 7 * 86_400,
  });
  const proxyTtlSeconds = reader.integer('GATEWAY_PROXY_CACHE_TTL_SECONDS', 0, {
    min: 0,
    max: 7 * 86_400,
  });
  const refreshAheadPercent = reader.integer('GATEWAY_CACHE_REFRESH_AHEAD_PERCENT', 10, {
    min: 0,
    max: 50,
  });
  return { enabled, maxBytes, maxEntryBytes, staleSeconds, proxyTtlSeconds, refreshAheadPercent };
}
