import { EnvReader, Environment } from './env-reader';
import { describeRedisTopology, readRedisTopology } from './redis.parser';

function read(env: Environment) {
  const reader = new EnvReader(env);
  return { topology: readRedisTopology(reader), problems: reader.problems };
}

describe(readRedisTopology.name, () => {
  it('is memory when nothing is set', () => {
    expect(read({})).toEqual({ topology: undefined, problems: [] });
  });

  it('reads one Redis from REDIS_URL', () => {
    expect(read({ REDIS_URL: 'redis://:pw@127.0.0.1:6379/2' }).topology).toEqual({
      kind: 'single',
      url: 'redis://:pw@127.0.0.1:6379/2',
    });
  });

  it('reads a cluster with password and TLS', () => {
    const { topology, problems } = read({
      REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-2.internal:7001,[::1]:7002',
      REDIS_PASSWORD: 'pw',
      REDIS_TLS: 'true',
    });
    expect(problems).toEqual([]);
    expect(topology).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-2.internal', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      password: 'pw',
      tls: true,
    });
  });

  it('reads sentinels and needs the master name', () => {
    expect(
      read({ REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'gw' }).topology,
    ).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
      name: 'gw',
      password: undefined,
      tls: false,
    });
    expect(read({ REDIS_SENTINELS: 's1:26379' }).problems).toEqual([
      'REDIS_SENTINEL_NAME: required with REDIS_SENTINELS (the master group name)',
    ]);
  });

  it('refuses two topologies at once, naming both', () => {
    expect(
      read({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: 'a:1' }).problems,
    ).toEqual([
      'REDIS_CLUSTER_NODES: set only one of REDIS_URL, REDIS_CLUSTER_NODES (they are alternatives)',
    ]);
  });

  it('refuses malformed nodes without echoing more than the entry', () => {
    expect(read({ REDIS_CLUSTER_NODES: 'a:1,nohost' }).problems).toEqual([
      'REDIS_CLUSTER_NODES: expected host:port[,host:port...], got "nohost"',
    ]);
    expect(read({ REDIS_SENTINELS: 'a:70000', REDIS_SENTINEL_NAME: 'x' }).problems).toHaveLength(1);
  });

  it('keeps password and TLS in the URL for a single Redis', () => {
    expect(read({ REDIS_URL: 'redis://h:1', REDIS_PASSWORD: 'pw' }).problems).toEqual([
      'REDIS_PASSWORD: with REDIS_URL, put the password and rediss:// in the URL instead',
    ]);
  });
});

describe(describeRedisTopology.name, () => {
  it('never shows a password', () => {
    const text = describeRedisTopology({ kind: 'single', url: 'redis://:s3cret@h:6379/1' });
    expect(text).toBe('redis redis://h:6379/1');
    expect(
      describeRedisTopology({
        kind: 'cluster',
        nodes: [{ host: 'a', port: 1 }],
        password: 's3cret',
        tls: true,
      }),
    ).toBe('redis cluster (1 seed node(s), TLS)');
  });
});
