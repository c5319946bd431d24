import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger';
import request from 'supertest';
import { diffOpenApi, isEmptyDiff } from 'scripts/openapi-diff.util';
import { generateOpenApiDocument } from 'scripts/openapi-document';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface Operation {
  label: string;
  path: string;
  operation: OperationObject & { 'x-required-scope'?: string };
}

function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      label: `${method.toUpperCase()} ${path}`,
      path,
      operation: item[method] as Operation['operation'],
    })),
  );
}

const isPublic = ({ operation }: Operation): boolean =>
  Array.isArray(operation.security) && operation.security.length === 0;

interface ErrorContent {
  schema?: { $ref?: string };
  examples?: Record<string, { value: { message: string } }>;
}

/** The messages of an operation's documented 400 examples. */
function badRequestMessages(operation: OperationObject): string[] {
  const response = operation.responses['400'] as
    { content?: Record<string, ErrorContent> } | undefined;
  const examples = response?.content?.['application/json']?.examples ?? {};
  return Object.values(examples).map((example) => example.value.message);
}

describe('The OpenAPI document', () => {
  let document: OpenAPIObject;
  let operations: Operation[];

  beforeAll(async () => {
    document = await generateOpenApiDocument();
    operations = operationsOf(document);
  });

  it('has operations, each with a summary', () => {
    expect(operations.length).toBeGreaterThan(5);
    const withoutSummary = operations.filter(({ operation }) => !operation.summary?.trim());
    expect(withoutSummary.map((op) => op.label)).toEqual([]);
  });

  it('names every operation with a unique, readable operationId (the controller method)', () => {
    const ids = operations.map(({ operation }) => operation.operationId ?? '');
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z0-9]{2,60}$/.test(id))).toEqual([]);
  });

  it('declares every path parameter, with an example', () => {
    const problems = operations.flatMap(({ label, path, operation }) => {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? []) as ParameterObject[];
      return names
        .map((name) => declared.find((param) => param.in === 'path' && param.name === name))
        .map((param, index) =>
          !param
            ? `${label}: {${names[index]}} undeclared`
            : param.example === undefined &&
                (param.schema as { example?: unknown } | undefined)?.example === undefined
              ? `${label}: {${names[index]}} has no example`
              : undefined,
        )
        .filter((problem): problem is string => problem !== undefined);
    });
    expect(problems).toEqual([]);
  });

  it('gives every authenticated operation the API-key scheme, its scope and the caller errors (401, 403, 429) with examples', () => {
    const guarded = operations.filter((op) => !isPublic(op));
    expect(guarded.length).toBeGreaterThan(0);
    const problems = guarded.flatMap(({ label, operation }) => {
      const found: string[] = [];
      if (!operation.security?.some((requirement) => 'api-key' in requirement)) {
        found.push(`${label}: no api-key security`);
      }
      if (!['read', 'write', 'token', 'admin'].includes(operation['x-required-scope'] ?? '')) {
        found.push(`${label}: no x-required-scope`);
      }
      for (const status of ['401', '403', '429']) {
        const response = operation.responses[status] as
          | { content?: Record<string, { schema?: { $ref?: string }; examples?: object }> }
          | undefined;
        const json = response?.content?.['application/json'];
        if (json?.schema?.$ref !== '#/components/schemas/ErrorResponseDto' || !json.examples) {
          found.push(`${label}: ${status} missing or without the error shape and examples`);
        }
      }
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('documents the upstream errors (404, 502, 503, 504) on every regional route', () => {
    const problems = operations
      .filter(({ path }) => path.startsWith('/v1/regions/{region}'))
      .flatMap(({ label, operation }) =>
        ['404', '502', '503', '504']
          .filter((status) => !operation.responses[status])
          .map((status) => `${label}: no ${status}`),
      );
    expect(problems).toEqual([]);
  });

  it('documents a success answer for every operation', () => {
    const problems = operations
      .filter(
        ({ operation }) => !Object.keys(operation.responses).some((s) => /^[23]\d\d$/.test(s)),
      )
      .map(({ label }) => label);
    expect(problems).toEqual([]);
  });

  it('documents every error of an authenticated operation in the error shape, as JSON only', () => {
    const problems = operations
      .filter((op) => !isPublic(op))
      .flatMap(({ label, operation }) =>
        Object.entries(operation.responses)
          .filter(([status]) => Number(status) >= 400)
          .filter(([, response]) => {
            const content = (response as { content?: Record<string, ErrorContent> }).content ?? {};
            return (
              Object.keys(content).join() !== 'application/json' ||
              content['application/json'].schema?.$ref !== '#/components/schemas/ErrorResponseDto'
            );
          })
          .map(([status]) => `${label}: ${status}`),
      );
    expect(problems).toEqual([]);
  });

  it("gives each operation 400 examples of its own: a list's about its limit, none about a limit it lacks", () => {
    const problems = operations.flatMap(({ label, operation }) => {
      const limit = ((operation.parameters ?? []) as ParameterObject[]).find(
        (param) => param.in === 'query' && param.name === 'limit',
      );
      const messages = badRequestMessages(operation);
      const maximum = (limit?.schema as { maximum?: number } | undefined)?.maximum;
      if (limit) {
        const expected = `limit must not be greater than ${maximum}`;
        return messages.some((message) => message.includes(expected))
          ? []
          : [`${label}: no 400 example "${expected}"`];
      }
      return messages.filter((message) => /\blimit\b/.test(message)).map((m) => `${label}: ${m}`);
    });
    expect(problems).toEqual([]);
    const token = operations.find(({ label }) => label === 'GET /v1/token');
    expect(badRequestMessages(token!.operation).join('\n')).toContain('minTtlSeconds');
  });

  it('writes descriptions whose asterisks are code or bold, never stray italics (ratelimit-*)', () => {
    const stray = operations.filter(({ operation }) =>
      (operation.description ?? '')
        .replace(/`[^`]*`/g, '')
        .replace(/\*\*/g, '')
        .includes('*'),
    );
    expect(stray.map(({ label }) => label)).toEqual([]);
    const proxy = operations.find(({ path }) => path.includes('/proxy/'));
    expect(proxy?.operation.description).toContain('`ratelimit-*` as `x-greenlake-ratelimit-*`');
  });

  it('promises no cache TTL on list routes (nothing applies it yet)', () => {
    const lists = operations.filter(({ operation }) =>
      operation.description?.includes('**Server-side defaults**'),
    );
    expect(lists.length).toBe(8);
    expect(lists.filter(({ operation }) => /cache ttl/i.test(operation.description ?? ''))).toEqual(
      [],
    );
  });

  it('keeps health public (no security) and needs no key for it', () => {
    const health = operations.filter(({ path }) => path.startsWith('/health/'));
    expect(health.length).toBeGreaterThanOrEqual(2);
    expect(health.every(isPublic)).toBe(true);
  });

  describe('as served by a running gateway', () => {
    let gw: TestGateway;

    beforeAll(async () => {
      gw = await startTestGateway();
    });
    afterAll(() => gw.close());

    it('has the same operations as the generated one (openapi.json is what /docs-json serves)', async () => {
      const served = (await request(gw.url).get('/docs-json').expect(200)).body as OpenAPIObject;
      expect(diffOpenApi(document, served)).toEqual({
        added: [],
        removed: [],
        // Simulator mode mentions the development key in the description
        changed: ['info'],
      });
    });

    it('answers the 400 its examples show: over a list limit, over minTtlSeconds, a bad id', async () => {
      const calls = operations.flatMap(({ label, path, operation }) => {
        const limit = ((operation.parameters ?? []) as ParameterObject[]).find(
          (param) => param.in === 'query' && param.name === 'limit',
        );
        const maximum = (limit?.schema as { maximum?: number } | undefined)?.maximum;
        return maximum === undefined
          ? []
          : [{ label, url: `${path.replace('{region}', 'us-west')}?limit=${maximum + 1}` }];
      });
      expect(calls.length).toBe(7);
      calls.push(
        { label: 'GET /v1/token', url: '/v1/token?minTtlSeconds=86401' },
        { label: 'GET /v1/regions/{region}/tasks/{taskId}', url: '/v1/regions/us-west/tasks/x' },
      );
      const problems: string[] = [];
      for (const { label, url } of calls) {
        const answer = await request(gw.url).get(url).set('X-API-Key', 'simulator');
        const documented = badRequestMessages(
          operations.find((op) => op.label === label)!.operation,
        );
        if (answer.status !== 400 || !documented.includes(answer.body.message)) {
          problems.push(`${label}: answered ${answer.status} ${answer.body.message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
});

describe(diffOpenApi.name, () => {
  const base = {
    openapi: '3.0.0',
    info: { title: 'x', version: '1' },
    paths: { '/a': { get: { operationId: 'getA', responses: {} } } },
    components: { schemas: { A: { type: 'object' } } },
  } as unknown as OpenAPIObject;

  it('finds nothing between equal documents', () => {
    expect(isEmptyDiff(diffOpenApi(base, structuredClone(base)))).toBe(true);
  });

  it('names added, removed and changed operations, schemas and other parts', () => {
    const after = structuredClone(base) as unknown as {
      info: { version: string };
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    after.info.version = '2';
    after.paths['/a'].get = { operationId: 'getA', summary: 'now documented', responses: {} };
    after.paths['/b'] = { post: { operationId: 'postB', responses: {} } };
    delete after.components.schemas.A;
    after.components.schemas.B = { type: 'string' };
    expect(diffOpenApi(base, after as unknown as OpenAPIObject)).toEqual({
      added: ['POST /b', 'schema B'],
      removed: ['schema A'],
      changed: ['GET /a', 'info'],
    });
  });
});
