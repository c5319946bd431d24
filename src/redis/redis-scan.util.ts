import Redis, { Cluster } from 'ioredis';

const SCAN_COUNT = 1_000;

/**
 * Every key matching `pattern`, on every master: SCAN walks one node only, and a Cluster spreads
 * the keys over several (the client is typed as Redis whatever the topology, see redis.provider).
 */
export async function scanAllMasters(redis: Redis, pattern: string): Promise<string[]> {
  const client = redis as Redis | Cluster;
  const nodes = client instanceof Cluster ? client.nodes('master') : [client];
  const keys: string[] = [];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
  }
  return keys;
}

/** UNLINKs keys in batches; on a Cluster one key a command, since a batch may span slots. */
export async function unlinkAll(redis: Redis, keys: readonly string[]): Promise<number> {
  const client = redis as Redis | Cluster;
  if (client instanceof Cluster) {
    const removed = await Promise.all(keys.map((key) => client.unlink(key)));
    return removed.reduce((sum, count) => sum + count, 0);
  }
  let removed = 0;
  for (let start = 0; start < keys.length; start += SCAN_COUNT) {
    removed += await client.unlink(...keys.slice(start, start + SCAN_COUNT));
  }
  return removed;
}
