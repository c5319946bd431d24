import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// `docker compose config` and kubectl are not available here: parse the files and check what can be
const ROOT = resolve(__dirname, '../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

type Service = {
  ports?: string[];
  environment?: Record<string, string>;
  env_file?: unknown;
  secrets?: string[];
  healthcheck?: { test: string[] };
  volumes?: string[];
  command?: string[];
};
type Compose = {
  services: Record<string, Service>;
  secrets: Record<string, { file?: string }>;
  volumes?: Record<string, unknown>;
};

// A variable that holds a secret value itself (a *_FILE names a file, a *_URL is not a secret)
const PLAIN_SECRET = /(SECRET|PASSWORD|API_KEYS|ENCRYPTION_KEY)(?!.*_(FILE|PATH|URL)$)/;

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as Compose;
  const gateway = compose.services.gateway;

  it('hands the gateway its secrets as mounted files, never as variables', () => {
    expect(gateway.secrets).toEqual(['greenlake_client_secret', 'gateway_api_keys']);
    expect(gateway.environment).toMatchObject({
      GREENLAKE_CLIENT_SECRET_FILE: '/run/secrets/greenlake_client_secret',
      GATEWAY_API_KEYS_FILE: '/run/secrets/gateway_api_keys',
    });
    for (const name of gateway.secrets ?? []) {
      expect(compose.secrets[name]?.file).toEqual(expect.any(String));
    }
    for (const [service, definition] of Object.entries(compose.services)) {
      const plain = Object.keys(definition.environment ?? {}).filter((name) =>
        PLAIN_SECRET.test(name),
      );
      expect({ service, plain }).toEqual({ service, plain: [] });
      // An env_file would hand the container every variable of .env, secrets included
      expect({ service, envFile: definition.env_file }).toEqual({ service, envFile: undefined });
    }
  });

  it("publishes only the gateway, on the host's loopback by default", () => {
    expect(gateway.ports).toEqual(['${GATEWAY_PUBLISH_ADDRESS:-127.0.0.1}:${PORT:-3000}:3000']);
    expect(gateway.environment?.HOST).toBe('0.0.0.0');
    // The simulator's fault controls and Redis stay off the host
    expect(compose.services.simulator.ports).toBeUndefined();
    expect(compose.services.redis.ports).toBeUndefined();
  });

  it('checks the gateway with its liveness route and keeps Redis on a persistent volume', () => {
    expect(gateway.healthcheck?.test.join(' ')).toContain('/health/live');
    expect(compose.services.redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(compose.services.redis.volumes).toEqual(['redis-data:/data']);
    expect(compose.volumes).toHaveProperty('redis-data');
  });

  it('runs the simulator profile with fake secret files that exist, and no plain secret', () => {
    const env = Object.fromEntries(
      read('docker/simulator.env')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(env).filter((name) => PLAIN_SECRET.test(name))).toEqual([]);
    expect(existsSync(join(ROOT, env.GREENLAKE_CLIENT_SECRET_PATH))).toBe(true);
    expect(existsSync(join(ROOT, env.GATEWAY_API_KEYS_PATH))).toBe(true);
  });
});

describe('Dockerfile and .nvmrc', () => {
  it('run Node 24 LTS', () => {
    const bases = read('Dockerfile').match(/^FROM \S+/gm);
    expect(bases).toEqual(['FROM node:24-bookworm-slim', 'FROM node:24-bookworm-slim']);
    expect(read('.nvmrc').trim()).toBe('24');
  });
});

describe('kubernetes/gateway.yaml', () => {
  type Manifest = { kind: string } & Record<string, unknown>;
  const manifests = parseAllDocuments(read('kubernetes/gateway.yaml')).map(
    (document) => document.toJS() as Manifest,
  );
  const byKind = (kind: string): Manifest => {
    const found = manifests.find((manifest) => manifest.kind === kind);
    expect(found).toBeDefined();
    return found as Manifest;
  };

  it('holds a Secret, a Deployment, a Service and an HPA on CPU', () => {
    expect(manifests.map((manifest) => manifest.kind)).toEqual([
      'Secret',
      'Deployment',
      'Service',
      'HorizontalPodAutoscaler',
    ]);
    const hpa = byKind('HorizontalPodAutoscaler') as unknown as { spec: { metrics: unknown[] } };
    expect(hpa.spec.metrics).toEqual([
      expect.objectContaining({ resource: expect.objectContaining({ name: 'cpu' }) }),
    ]);
  });

  it('probes liveness and readiness, mounts the Secret as files, and sets no secret variable', () => {
    const deployment = byKind('Deployment') as unknown as {
      spec: {
        template: {
          spec: {
            containers: {
              env: { name: string; value: string }[];
              livenessProbe: { httpGet: { path: string } };
              readinessProbe: { httpGet: { path: string } };
              volumeMounts: { name: string; mountPath: string }[];
            }[];
            volumes: { name: string; secret?: { secretName: string } }[];
          };
        };
      };
    };
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(pod.volumes).toEqual([{ name: 'secrets', secret: { secretName: 'greenlake-gateway' } }]);
    const mount = container.volumeMounts.find((volume) => volume.name === 'secrets');
    const env = Object.fromEntries(container.env.map(({ name, value }) => [name, value]));
    expect(env.GREENLAKE_CLIENT_SECRET_FILE).toBe(`${mount?.mountPath}/greenlake_client_secret`);
    expect(env.GATEWAY_API_KEYS_FILE).toBe(`${mount?.mountPath}/gateway_api_keys`);
    expect(Object.keys(env).filter((name) => PLAIN_SECRET.test(name))).toEqual([]);
  });
});
