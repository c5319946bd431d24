import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from './api-keys.parser';
import { ConfigResult, DEVELOPMENT_API_KEY, loadGatewayConfig } from './env.validation';
import { GatewayConfig } from './gateway-config.type';

const REAL = { GREENLAKE_CLIENT_ID: 'client-id', GREENLAKE_CLIENT_SECRET: 'client-secret-value' };
const KEYS = { GATEWAY_API_KEYS: 'team-a:key-aaaa-1111:read+write' };

function configOf(result: ConfigResult): GatewayConfig {
  if (!result.ok) {
    throw new Error(`unexpected problems: ${result.problems.join(' | ')}`);
  }
  return result.config;
}

function problemsOf(result: ConfigResult): string[] {
  if (result.ok) {
    throw new Error('expected configuration problems');
  }
  return result.problems;
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gw-config-')), name);
  writeFileSync(path, content);
  return path;
}

describe(loadGatewayConfig.name, () => {
  it('defaults to simulator mode with the development key and the seven regions', () => {
    const config = configOf(loadGatewayConfig({}));
    expect(config.mode).toBe('simulator');
    expect(config.port).toBe(3000);
    expect(config.upstream.regions.map((region) => region.name)).toEqual([
      'us-west',
      'eu-west',
      'eu-central',
      'ap-northeast',
      'us1',
      'eu1',
      'jp1',
    ]);
    expect(
      config.upstream.regions.filter((region) => region.legacy).map((region) => region.name),
    ).toEqual(['us1', 'eu1', 'jp1']);
    expect(config.upstream.defaultRegion).toBe('us-west');
    expect(config.auth.developmentKey).toBe(true);
    expect(config.auth.apiKeys).toEqual([
      {
        name: DEVELOPMENT_API_KEY,
        keySha256: sha256Hex(DEVELOPMENT_API_KEY),
        scopes: ['read', 'write', 'token', 'admin'],
      },
    ]);
    expect(config.credentials.profiles).toHaveLength(1);
    expect(config.redis.url).toBeUndefined();
  });

  it('is real mode with credentials, and hashes plaintext keys at boot', () => {
    const config = configOf(loadGatewayConfig({ ...REAL, ...KEYS }));
    expect(config.mode).toBe('real');
    expect(config.auth.developmentKey).toBe(false);
    expect(config.auth.apiKeys).toEqual([
      { name: 'team-a', keySha256: sha256Hex('key-aaaa-1111'), scopes: ['read', 'write'] },
    ]);
    expect(JSON.stringify(config.auth)).not.toContain('key-aaaa-1111');
    expect(config.credentials.profiles[0]).toMatchObject({
      name: 'default',
      clientId: 'client-id',
      tokenUrl: 'https://sso.common.cloud.hpe.com/as/token.oauth2',
      authStyle: 'form',
    });
  });

  it('accepts sha256 keys and profile bindings', () => {
    const hash = sha256Hex('a-long-enough-key');
    const config = configOf(
      loadGatewayConfig({ ...REAL, GATEWAY_API_KEYS: `ops:sha256:${hash}:admin+token:default` }),
    );
    expect(config.auth.apiKeys).toEqual([
      { name: 'ops', keySha256: hash, scopes: ['admin', 'token'], profile: 'default' },
    ]);
  });

  it('parses regions with aliases and resolves the default region through an alias', () => {
    const config = configOf(
      loadGatewayConfig({
        GREENLAKE_REGIONS:
          'us-west|usw=https://us-west.api.greenlake.hpe.com/, lab=http://127.0.0.1:9000/base',
        GREENLAKE_DEFAULT_REGION: 'USW',
      }),
    );
    expect(config.upstream.regions).toEqual([
      {
        name: 'us-west',
        baseUrl: 'https://us-west.api.greenlake.hpe.com',
        aliases: ['usw'],
        legacy: false,
      },
      { name: 'lab', baseUrl: 'http://127.0.0.1:9000/base', aliases: [], legacy: false },
    ]);
    expect(config.upstream.defaultRegion).toBe('us-west');
  });

  it('reads secrets from <NAME>_FILE', () => {
    const secretFile = tempFile('secret', 'from-a-file\n');
    const keysFile = tempFile(
      'keys',
      '# callers\nteam-a:key-aaaa-1111:read\n\nteam-b:key-bbbb-2222:write\n',
    );
    const config = configOf(
      loadGatewayConfig({
        GREENLAKE_CLIENT_ID: 'id',
        GREENLAKE_CLIENT_SECRET_FILE: secretFile,
        GATEWAY_API_KEYS_FILE: keysFile,
      }),
    );
    expect(config.credentials.profiles[0].clientSecret).toBe('from-a-file');
    expect(config.auth.apiKeys.map((key) => key.name)).toEqual(['team-a', 'team-b']);
  });

  it.each([
    [
      { GREENLAKE_REGIONS: 'us-west' },
      /^GREENLAKE_REGIONS: "us-west" has no "="; expected name=http\(s\)-url/,
    ],
    [
      { GREENLAKE_REGIONS: 'us-west=ftp://x.example' },
      /^GREENLAKE_REGIONS: "us-west=ftp:\/\/x.example" has no valid http\(s\) base URL/,
    ],
    [
      { GREENLAKE_REGIONS: 'Bad Name=https://x.example' },
      /^GREENLAKE_REGIONS: .*invalid region name "bad name"/,
    ],
    [
      {
        GREENLAKE_REGIONS: 'a=https://a.example,a=https://b.example',
        GREENLAKE_DEFAULT_REGION: 'a',
      },
      /^GREENLAKE_REGIONS: region name or alias "a" is given twice/,
    ],
    [
      { UPSTREAM_TIMEOUT_MS: 'ten' },
      /^UPSTREAM_TIMEOUT_MS: expected a whole number from 100 to 600000, got "ten"/,
    ],
    [{ PORT: '70000' }, /^PORT: expected a whole number from 0 to 65535, got "70000"/],
    [
      { GATEWAY_API_KEYS: 'team-a:key-aaaa-1111' },
      /^GATEWAY_API_KEYS: entry 1 \("team-a"\) has no scope; expected name:key:scope\+scope/,
    ],
    [
      { GATEWAY_API_KEYS: 'team-a:key-aaaa-1111:read+fly' },
      /^GATEWAY_API_KEYS: entry 1 \("team-a"\) has unknown scope\(s\) fly/,
    ],
    [
      { GATEWAY_API_KEYS: 'x:sha256:abc:read' },
      /^GATEWAY_API_KEYS: entry 1 \("x"\) has a sha256 key that is not 64 hex/,
    ],
    [{ ...REAL }, /^GATEWAY_API_KEYS: real mode needs caller keys .* or GATEWAY_AUTH=off/],
    [{ GREENLAKE_SIMULATOR: 'off' }, /^GREENLAKE_SIMULATOR: is off, but no credentials are set/],
    [
      { GREENLAKE_SIMULATOR: 'maybe' },
      /^GREENLAKE_SIMULATOR: expected one of auto, on, off, got "maybe"/,
    ],
    [{ GATEWAY_AUTH: 'sometimes' }, /^GATEWAY_AUTH: expected one of required, off/],
    [
      { GREENLAKE_CLIENT_ID: 'only-id' },
      /^GREENLAKE_CLIENT_SECRET: GREENLAKE_CLIENT_ID and GREENLAKE_CLIENT_SECRET must be set together/,
    ],
    [
      { GREENLAKE_DEFAULT_REGION: 'mars' },
      /^GREENLAKE_DEFAULT_REGION: "mars" is not a configured region/,
    ],
    [{ REDIS_URL: 'http://user:pw@host' }, /^REDIS_URL: expected redis:\/\//],
    [{ GATEWAY_ENCRYPTION_KEY: 'short' }, /^GATEWAY_ENCRYPTION_KEY: expected 32 bytes/],
    [
      { GREENLAKE_CLIENT_SECRET_FILE: '/nonexistent/secret', GREENLAKE_CLIENT_ID: 'id' },
      /^GREENLAKE_CLIENT_SECRET_FILE: cannot read file \/nonexistent\/secret \(ENOENT\)/,
    ],
    [
      {
        GREENLAKE_CLIENT_SECRET: 'a',
        GREENLAKE_CLIENT_SECRET_FILE: '/x',
        GREENLAKE_CLIENT_ID: 'id',
      },
      /^GREENLAKE_CLIENT_SECRET: set GREENLAKE_CLIENT_SECRET or GREENLAKE_CLIENT_SECRET_FILE, not both/,
    ],
  ])('reports %j as one line naming the variable', (env, expected) => {
    const problems = problemsOf(loadGatewayConfig(env));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('reports every problem at once, one line each', () => {
    const problems = problemsOf(
      loadGatewayConfig({ PORT: 'x', UPSTREAM_TIMEOUT_MS: '-5', GREENLAKE_REGIONS: 'nope' }),
    );
    expect(problems.map((line) => line.split(':')[0])).toEqual([
      'PORT',
      'UPSTREAM_TIMEOUT_MS',
      'GREENLAKE_REGIONS',
    ]);
  });

  it('never echoes a key or a secret in a problem line', () => {
    const problems = problemsOf(
      loadGatewayConfig({
        ...REAL,
        GATEWAY_API_KEYS: 'team-a:super-secret-key-value:fly',
        REDIS_URL: 'http://u:hunter2-password@h',
      }),
    );
    expect(problems.join('\n')).not.toMatch(
      /super-secret-key-value|hunter2-password|client-secret-value/,
    );
  });

  it('allows real mode without keys only with GATEWAY_AUTH=off', () => {
    const config = configOf(loadGatewayConfig({ ...REAL, GATEWAY_AUTH: 'off' }));
    expect(config.auth).toEqual({ mode: 'off', apiKeys: [], developmentKey: false });
  });

  describe('GREENLAKE_PROFILES_FILE', () => {
    const profile = (name: string, regions: string[]) => ({
      name,
      tokenUrl: `https://global.api.greenlake.hpe.com/authorization/v2/oauth2/ws-${name}/token`,
      clientId: `${name}-id`,
      clientSecret: `${name}-secret`,
      regions,
    });

    it('adds profiles (YAML or JSON) and maps regions by name or alias', () => {
      const file = tempFile(
        'profiles.json',
        JSON.stringify({
          profiles: [{ ...profile('team-a', ['US-WEST', 'eu1']), authStyle: 'basic' }],
        }),
      );
      const config = configOf(
        loadGatewayConfig({
          ...REAL,
          GATEWAY_API_KEYS: 'a:key-aaaa-1111:read:team-a',
          GREENLAKE_PROFILES_FILE: file,
        }),
      );
      expect(config.credentials.profiles.map((p) => p.name)).toEqual(['default', 'team-a']);
      expect(config.credentials.profiles[1]).toMatchObject({
        authStyle: 'basic',
        regions: ['us-west', 'eu1'],
      });
    });

    it('rejects a region served by two profiles when some caller is unbound', () => {
      const file = tempFile(
        'profiles.yaml',
        `profiles:\n${[profile('a', ['us-west']), profile('b', ['us-west'])].map((p) => `  - ${JSON.stringify(p)}`).join('\n')}\n`,
      );
      const problems = problemsOf(
        loadGatewayConfig({
          GREENLAKE_REGIONS: 'us-west=https://us-west.api.greenlake.hpe.com',
          GREENLAKE_PROFILES_FILE: file,
          GATEWAY_API_KEYS: 'x:key-aaaa-1111:read',
        }),
      );
      expect(problems).toEqual([
        expect.stringMatching(
          /^GREENLAKE_PROFILES_FILE: region "us-west" is served by profiles a and b/,
        ),
      ]);
    });

    it('rejects a region no profile serves, an unknown region and a key bound to an unknown profile', () => {
      const file = tempFile(
        'profiles.yaml',
        `- ${JSON.stringify(profile('a', ['us-west', 'mars']))}\n`,
      );
      const problems = problemsOf(
        loadGatewayConfig({
          GREENLAKE_PROFILES_FILE: file,
          GATEWAY_API_KEYS: 'x:key-aaaa-1111:read:zzz',
        }),
      );
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/profile "a" names unknown region\(s\) mars/),
          expect.stringMatching(/caller "x" is bound to unknown profile "zzz"/),
        ]),
      );
    });
  });
});

describe('task polling (TASK_POLL_MIN_MS, TASK_POLL_MAX_MS, TASK_EVENTS_KEEPALIVE_MS)', () => {
  it('defaults to 1 s .. 30 s and a keep-alive every 15 s', () => {
    expect(configOf(loadGatewayConfig({})).tasks).toEqual({
      pollMinMs: 1_000,
      pollMaxMs: 30_000,
      eventsKeepAliveMs: 15_000,
      callbackHosts: [],
      callbackSecret: undefined,
    });
  });

  it('takes fast values for tests', () => {
    const config = configOf(
      loadGatewayConfig({
        TASK_POLL_MIN_MS: '50',
        TASK_POLL_MAX_MS: '200',
        TASK_EVENTS_KEEPALIVE_MS: '150',
      }),
    );
    expect(config.tasks).toMatchObject({ pollMinMs: 50, pollMaxMs: 200, eventsKeepAliveMs: 150 });
  });

  it('refuses a maximum below the minimum, and values out of range', () => {
    expect(
      problemsOf(loadGatewayConfig({ TASK_POLL_MIN_MS: '5000', TASK_POLL_MAX_MS: '1000' })),
    ).toEqual(['TASK_POLL_MAX_MS: must not be below TASK_POLL_MIN_MS (5000)']);
    expect(
      problemsOf(loadGatewayConfig({ TASK_POLL_MIN_MS: '0', TASK_EVENTS_KEEPALIVE_MS: 'often' })),
    ).toEqual([
      'TASK_POLL_MIN_MS: expected a whole number from 10 to 600000, got "0"',
      'TASK_EVENTS_KEEPALIVE_MS: expected a whole number from 100 to 600000, got "often"',
    ]);
  });
});

describe('task callbacks (GATEWAY_CALLBACK_HOSTS, GATEWAY_CALLBACK_SECRET)', () => {
  it('reads host:port entries, lowercased', () => {
    const config = configOf(
      loadGatewayConfig({
        GATEWAY_CALLBACK_HOSTS: 'Hooks.Example:443, 127.0.0.1:8080,[::1]:9000',
        GATEWAY_CALLBACK_SECRET: 'a-long-enough-secret',
      }),
    );
    expect(config.tasks.callbackHosts).toEqual([
      'hooks.example:443',
      '127.0.0.1:8080',
      '[::1]:9000',
    ]);
    expect(config.tasks.callbackSecret).toBe('a-long-enough-secret');
  });

  it('refuses entries without a port, a list without a secret, and a short secret', () => {
    expect(problemsOf(loadGatewayConfig({ GATEWAY_CALLBACK_HOSTS: 'hooks.example' }))).toEqual([
      'GATEWAY_CALLBACK_HOSTS: "hooks.example" is not host:port',
    ]);
    expect(problemsOf(loadGatewayConfig({ GATEWAY_CALLBACK_HOSTS: 'hooks.example:443' }))).toEqual([
      'GATEWAY_CALLBACK_SECRET: is needed to sign callbacks to GATEWAY_CALLBACK_HOSTS',
    ]);
    expect(problemsOf(loadGatewayConfig({ GATEWAY_CALLBACK_SECRET: 'short' }))).toEqual([
      'GATEWAY_CALLBACK_SECRET: must be at least 16 characters',
    ]);
  });
});

describe('GATEWAY_DEFAULTS_FILE', () => {
  it('is optional: no overrides without it', () => {
    expect(configOf(loadGatewayConfig({})).resourceDefaults).toEqual({});
  });

  it('reads the resources’ default overrides (YAML or JSON)', () => {
    const file = tempFile(
      'defaults.yaml',
      'resources:\n  tasks:\n    sort: updatedAt desc\n    select: [id, state]\n',
    );
    expect(configOf(loadGatewayConfig({ GATEWAY_DEFAULTS_FILE: file })).resourceDefaults).toEqual({
      tasks: { sort: 'updatedAt desc', select: ['id', 'state'] },
    });
  });

  it('stops the boot with one line per problem', () => {
    const file = tempFile(
      'defaults.json',
      '{"resources": {"tasks": {"sort": "color"}, "tags": {"cacheTtlSeconds": "long"}}}',
    );
    expect(problemsOf(loadGatewayConfig({ GATEWAY_DEFAULTS_FILE: file }))).toEqual([
      expect.stringMatching(/^GATEWAY_DEFAULTS_FILE: resources\.tasks: sort cannot use 'color'/),
      'GATEWAY_DEFAULTS_FILE: resources.tags: cacheTtlSeconds must be a whole number from 0 to 86400',
    ]);
    expect(problemsOf(loadGatewayConfig({ GATEWAY_DEFAULTS_FILE: '/nope.yaml' }))).toEqual([
      'GATEWAY_DEFAULTS_FILE: cannot read file /nope.yaml (ENOENT)',
    ]);
  });
});

describe('callers: JWT, rate limits and /metrics', () => {
  const JWT = {
    GATEWAY_JWT_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
    GATEWAY_JWT_ISSUER: 'https://idp.example/',
    GATEWAY_JWT_AUDIENCE: 'greenlake-gateway, gw-staging',
  };

  it('has no JWT, 1200 requests a minute per caller in 60 s windows and a public /metrics by default', () => {
    const config = configOf(loadGatewayConfig({}));
    expect(config.auth.jwt).toBeUndefined();
    expect(config.rateLimit).toEqual({ perMinute: 1200, windowSeconds: 60, perCaller: {} });
    expect(config.metrics).toEqual({ public: true });
  });

  it('reads the JWT settings with their defaults', () => {
    expect(configOf(loadGatewayConfig(JWT)).auth.jwt).toEqual({
      jwksUrl: JWT.GATEWAY_JWT_JWKS_URL,
      issuer: JWT.GATEWAY_JWT_ISSUER,
      audience: ['greenlake-gateway', 'gw-staging'],
      scopesClaim: 'scope',
      scopePrefix: '',
      nameClaim: 'sub',
      profileClaim: undefined,
      jwksTimeoutMs: 5000,
    });
  });

  it('lets real mode run on JWT alone, without API keys', () => {
    const config = configOf(loadGatewayConfig({ ...REAL, ...JWT }));
    expect(config.auth.apiKeys).toEqual([]);
    expect(config.auth.jwt?.issuer).toBe(JWT.GATEWAY_JWT_ISSUER);
  });

  it('reads per-caller limits, the window and the /metrics switch', () => {
    const config = configOf(
      loadGatewayConfig({
        GATEWAY_RATE_LIMIT_PER_MINUTE: '600',
        GATEWAY_RATE_LIMIT_WINDOW_SECONDS: '10',
        GATEWAY_RATE_LIMITS: 'team-a=60, batch=6000, ci@example.com=0',
        GATEWAY_METRICS_PUBLIC: 'false',
      }),
    );
    expect(config.rateLimit).toEqual({
      perMinute: 600,
      windowSeconds: 10,
      perCaller: { 'team-a': 60, batch: 6000, 'ci@example.com': 0 },
    });
    expect(config.metrics.public).toBe(false);
  });

  it.each([
    [
      { GATEWAY_JWT_JWKS_URL: JWT.GATEWAY_JWT_JWKS_URL, GATEWAY_JWT_AUDIENCE: 'gw' },
      /^GATEWAY_JWT_ISSUER: is required with GATEWAY_JWT_JWKS_URL/,
    ],
    [
      { GATEWAY_JWT_JWKS_URL: JWT.GATEWAY_JWT_JWKS_URL, GATEWAY_JWT_ISSUER: 'https://idp/' },
      /^GATEWAY_JWT_AUDIENCE: is required with GATEWAY_JWT_JWKS_URL/,
    ],
    [
      { ...JWT, GATEWAY_JWT_JWKS_URL: 'idp.example/jwks' },
      /^GATEWAY_JWT_JWKS_URL: expected an http\(s\) URL/,
    ],
    [
      { GATEWAY_JWT_ISSUER: 'https://idp/' },
      /^GATEWAY_JWT_ISSUER: .*set without GATEWAY_JWT_JWKS_URL/,
    ],
    [
      { ...JWT, GATEWAY_JWT_SCOPES_CLAIM: 'roles[0]' },
      /^GATEWAY_JWT_SCOPES_CLAIM: "roles\[0\]" is not a claim name/,
    ],
    [
      { ...JWT, GATEWAY_JWT_JWKS_TIMEOUT_MS: '10' },
      /^GATEWAY_JWT_JWKS_TIMEOUT_MS: expected a whole number from 100/,
    ],
    [
      { GATEWAY_RATE_LIMIT_PER_MINUTE: 'lots' },
      /^GATEWAY_RATE_LIMIT_PER_MINUTE: expected a whole number from 0/,
    ],
    [
      { GATEWAY_RATE_LIMIT_WINDOW_SECONDS: '0' },
      /^GATEWAY_RATE_LIMIT_WINDOW_SECONDS: expected a whole number from 1 to 3600/,
    ],
    [
      { GATEWAY_RATE_LIMITS: 'team-a:600' },
      /^GATEWAY_RATE_LIMITS: "team-a:600" is not name=requests-per-minute/,
    ],
    [
      { GATEWAY_RATE_LIMITS: 'team-a=fast' },
      /^GATEWAY_RATE_LIMITS: "team-a=fast": expected a whole number/,
    ],
    [{ GATEWAY_RATE_LIMITS: 'a=1,a=2' }, /^GATEWAY_RATE_LIMITS: caller "a" is given twice/],
    [{ GATEWAY_METRICS_PUBLIC: 'maybe' }, /^GATEWAY_METRICS_PUBLIC: expected one of true, false/],
  ])('reports %j as one line naming the variable', (env, expected) => {
    const problems = problemsOf(loadGatewayConfig(env));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});

describe('the shared GreenLake budget (UPSTREAM_BUDGET_*, GATEWAY_UPSTREAM_*, UPSTREAM_RETRY*, UPSTREAM_BREAKER_*)', () => {
  it('has the defaults of DESIGN.md', () => {
    expect(configOf(loadGatewayConfig({})).budget).toEqual({
      waitMs: 1000,
      fairShare: true,
      shares: {},
      retries: 2,
      retryMaxWaitMs: 5000,
      breakerFailures: 5,
      breakerOpenMs: 10000,
    });
  });

  it('reads every knob', () => {
    const config = configOf(
      loadGatewayConfig({
        UPSTREAM_BUDGET_WAIT_MS: '250',
        GATEWAY_UPSTREAM_FAIR_SHARE: 'off',
        GATEWAY_UPSTREAM_SHARES: 'ui=3, batch=0.5',
        UPSTREAM_RETRIES: '0',
        UPSTREAM_RETRY_MAX_WAIT_MS: '2000',
        UPSTREAM_BREAKER_FAILURES: '3',
        UPSTREAM_BREAKER_OPEN_MS: '1500',
      }),
    );
    expect(config.budget).toEqual({
      waitMs: 250,
      fairShare: false,
      shares: { ui: 3, batch: 0.5 },
      retries: 0,
      retryMaxWaitMs: 2000,
      breakerFailures: 3,
      breakerOpenMs: 1500,
    });
  });

  it.each([
    [{ UPSTREAM_BUDGET_WAIT_MS: '-1' }, /^UPSTREAM_BUDGET_WAIT_MS: expected a whole number/],
    [{ GATEWAY_UPSTREAM_SHARES: 'ui:3' }, /^GATEWAY_UPSTREAM_SHARES: "ui:3" is not name=weight/],
    [{ GATEWAY_UPSTREAM_SHARES: 'ui=0' }, /^GATEWAY_UPSTREAM_SHARES: "ui=0": the weight must be/],
    [{ GATEWAY_UPSTREAM_SHARES: 'a=1,a=2' }, /^GATEWAY_UPSTREAM_SHARES: caller "a" is given twice/],
    [
      { GATEWAY_UPSTREAM_FAIR_SHARE: 'maybe' },
      /^GATEWAY_UPSTREAM_FAIR_SHARE: expected one of on, off/,
    ],
    [{ UPSTREAM_RETRIES: '11' }, /^UPSTREAM_RETRIES: expected a whole number from 0 to 10/],
    [{ UPSTREAM_BREAKER_FAILURES: '0' }, /^UPSTREAM_BREAKER_FAILURES: expected a whole number/],
    [{ UPSTREAM_BREAKER_OPEN_MS: '10' }, /^UPSTREAM_BREAKER_OPEN_MS: expected a whole number/],
  ])('reports %j as one line naming the variable', (env, expected) => {
    const problems = problemsOf(loadGatewayConfig(env));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});

describe('operations (HOST, SHUTDOWN_GRACE_MS, OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('listens on loopback in simulator mode (its development key has every scope)', () => {
    const config = configOf(loadGatewayConfig({}));
    expect(config).toMatchObject({ host: '127.0.0.1', shutdownGraceMs: 10_000 });
    expect(config.otlpEndpoint).toBeUndefined();
  });

  it('listens on every interface in real mode, unless HOST says otherwise', () => {
    expect(configOf(loadGatewayConfig({ ...REAL, ...KEYS })).host).toBe('0.0.0.0');
    expect(configOf(loadGatewayConfig({ ...REAL, ...KEYS, HOST: '10.0.0.7' })).host).toBe(
      '10.0.0.7',
    );
    expect(configOf(loadGatewayConfig({ HOST: '0.0.0.0' })).host).toBe('0.0.0.0');
  });

  it('refuses a bad HOST, grace period or OTLP endpoint, one line each', () => {
    expect(
      problemsOf(
        loadGatewayConfig({
          HOST: 'a host',
          SHUTDOWN_GRACE_MS: 'soon',
          OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
        }),
      ),
    ).toEqual([
      'HOST: expected an IP address or a host name, got "a host"',
      'SHUTDOWN_GRACE_MS: expected a whole number from 0 to 600000, got "soon"',
      'OTEL_EXPORTER_OTLP_ENDPOINT: expected an http(s) URL, got "collector:4318"',
    ]);
  });
});
