import type { EnvReader } from './env-reader';

export interface RedisNode {
  host: string;
  port: number;
}

/** Where shared state lives: one Redis (REDIS_URL), a Cluster, or a Sentinel-watched master. */
export type RedisTopology =
  | { kind: 'single'; url: string }
  | { kind: 'cluster'; nodes: RedisNode[]; password?: string; tls: boolean }
  | { kind: 'sentinel'; sentinels: RedisNode[]; name: string; password?: string; tls: boolean };

const HOST_PORT = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

/** REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS (+ REDIS_SENTINEL_NAME): at most one of them. */
export function readRedisTopology(reader: EnvReader): RedisTopology | undefined {
  const url = readRedisUrl(reader);
  const clusterNodes = readNodes(reader, 'REDIS_CLUSTER_NODES');
  const sentinels = readNodes(reader, 'REDIS_SENTINELS');
  const sentinelName = reader.string('REDIS_SENTINEL_NAME');
  const password = reader.secret('REDIS_PASSWORD');
  const tls = reader.oneOf('REDIS_TLS', ['true', 'false'] as const, 'false') === 'true';

  const chosen = [
    reader.string('REDIS_URL') || reader.string('REDIS_URL_FILE') ? 'REDIS_URL' : undefined,
    reader.string('REDIS_CLUSTER_NODES') ? 'REDIS_CLUSTER_NODES' : undefined,
    reader.string('REDIS_SENTINELS') ? 'REDIS_SENTINELS' : undefined,
  ].filter((name): name is string => name !== undefined);
  if (chosen.length > 1) {
    reader.problem(chosen[1], `set only one of ${chosen.join(', ')} (they are alternatives)`);
    return undefined;
  }
  if (sentinels && !sentinelName) {
    reader.problem('REDIS_SENTINEL_NAME', 'required with REDIS_SENTINELS (the master group name)');
  }
  if (sentinelName && !reader.string('REDIS_SENTINELS')) {
    reader.problem('REDIS_SENTINEL_NAME', 'only meaningful with REDIS_SENTINELS');
  }
  if (url && (password !== undefined || tls)) {
    // A single Redis takes both from its URL (redis://:password@host, rediss://)
    reader.problem(
      password !== undefined ? 'REDIS_PASSWORD' : 'REDIS_TLS',
      'with REDIS_URL, put the password and rediss:// in the URL instead',
    );
  }
  if (url) {
    return { kind: 'single', url };
  }
  if (clusterNodes) {
    return { kind: 'cluster', nodes: clusterNodes, password, tls };
  }
  if (sentinels && sentinelName) {
    return { kind: 'sentinel', sentinels, name: sentinelName, password, tls };
  }
  return undefined;
}

/** What the banner and health say about the store, never with a password. */
export function describeRedisTopology(topology: RedisTopology): string {
  switch (topology.kind) {
    case 'single': {
      const url = new URL(topology.url);
      return `redis ${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname === '/' ? '' : url.pathname}`;
    }
    case 'cluster':
      return `redis cluster (${topology.nodes.length} seed node(s)${topology.tls ? ', TLS' : ''})`;
    case 'sentinel':
      return `redis sentinel "${topology.name}" (${topology.sentinels.length} sentinel(s)${topology.tls ? ', TLS' : ''})`;
  }
}

function readRedisUrl(reader: EnvReader): string | undefined {
  const url = reader.secret('REDIS_URL');
  if (url === undefined) {
    return undefined;
  }
  try {
    if (['redis:', 'rediss:'].includes(new URL(url).protocol)) {
      return url;
    }
  } catch {
    // reported below, without echoing a URL that may hold a password
  }
  reader.problem('REDIS_URL', 'expected redis://[user:password@]host:port[/db] or rediss://...');
  return undefined;
}

function readNodes(reader: EnvReader, name: string): RedisNode[] | undefined {
  const raw = reader.string(name);
  if (raw === undefined) {
    return undefined;
  }
  const nodes: RedisNode[] = [];
  for (const entry of raw.split(',').map((part) => part.trim())) {
    const match = HOST_PORT.exec(entry);
    const port = match ? Number(match[2]) : 0;
    if (!match || port < 1 || port > 65535) {
      reader.problem(name, `expected host:port[,host:port...], got "${entry.slice(0, 64)}"`);
      return undefined;
    }
    nodes.push({ host: match[1].replace(/^\[|\]$/g, ''), port });
  }
  return nodes;
}
