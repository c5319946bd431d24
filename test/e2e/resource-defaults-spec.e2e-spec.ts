import request from 'supertest';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import { loadSpec, OpenApiDocument } from 'test/utils/specs';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

type Schema = { enum?: unknown[]; pattern?: string; type?: string; items?: Schema };
type Parameter = { name?: string; in?: string; schema?: Schema; $ref?: string };

/** The schema of one query parameter of GET `path` in the spec, resolving $ref. */
function querySchema(spec: OpenApiDocument, path: string, name: string): Schema | undefined {
  const get = spec.paths[path]?.get as { parameters?: Parameter[] } | undefined;
  const parameters = (get?.parameters ?? []).map((parameter) => {
    if (!parameter.$ref) {
      return parameter;
    }
    const ref = parameter.$ref.split('/').pop() ?? '';
    const shared = (spec.components as { parameters?: Record<string, Parameter> }).parameters;
    return shared?.[ref] ?? parameter;
  });
  return parameters.find((parameter) => parameter.name === name && parameter.in === 'query')
    ?.schema;
}

/** Why `value` is outside `schema` (enum or pattern), or undefined. */
function outside(schema: Schema | undefined, value: string): string | undefined {
  if (schema?.enum && !schema.enum.includes(value)) {
    return `${value} is not one of ${JSON.stringify(schema.enum)}`;
  }
  if (schema?.pattern && !new RegExp(schema.pattern).test(value)) {
    return `${value} does not match ${schema.pattern}`;
  }
  return undefined;
}

type ObjectSchema = {
  $ref?: string;
  allOf?: ObjectSchema[];
  properties?: Record<string, ObjectSchema>;
  items?: ObjectSchema;
  content?: Record<string, { schema?: ObjectSchema }>;
};

/** Follows a local `$ref` (#/components/...) until a schema without one. */
function resolved(spec: OpenApiDocument, schema: ObjectSchema): ObjectSchema {
  let current = schema;
  while (current.$ref) {
    const path = current.$ref.replace(/^#\//, '').split('/');
    current = path.reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key],
      spec,
    ) as ObjectSchema;
  }
  return current;
}

/** The properties of an object schema, with those of its allOf parts (CommonResourceProperties). */
function propertiesOf(spec: OpenApiDocument, schema: ObjectSchema): Record<string, ObjectSchema> {
  const object = resolved(spec, schema);
  return Object.assign(
    {},
    ...(object.allOf ?? []).map((part) => propertiesOf(spec, part)),
    object.properties ?? {},
  ) as Record<string, ObjectSchema>;
}

/** The top-level property names of the items of GET `path`'s 200 list, as the spec declares them. */
function itemProperties(spec: OpenApiDocument, path: string): string[] {
  const get = spec.paths[path]?.get as { responses?: Record<string, ObjectSchema> } | undefined;
  const response = resolved(spec, get?.responses?.['200'] ?? {});
  const list = response.content?.['application/json']?.schema;
  const items = list ? propertiesOf(spec, list).items?.items : undefined;
  return items ? Object.keys(propertiesOf(spec, items)) : [];
}

// Read once for both suites (its absence is printed once)
const spec = loadSpec('data-services.json');

describe('Selectable properties conform to HPE data-services.json', () => {
  const selecting = Object.values(RESOURCE_CATALOG).filter((resource) => resource.select);

  (spec ? it : it.skip).each(selecting.map((resource) => [resource.name, resource]))(
    '%s: every selectable property is a top-level property of the spec’s item, and none is missing',
    (_name, resource) => {
      const inSpec = itemProperties(spec as OpenApiDocument, resource.upstreamPath);
      expect(inSpec.length).toBeGreaterThan(5);
      const selectable = resource.select?.properties ?? [];
      expect(selectable.filter((property) => !inSpec.includes(property))).toEqual([]);
      expect(inSpec.filter((property) => !selectable.includes(property))).toEqual([]);
    },
  );
});

describe('Server-side defaults conform to HPE data-services.json', () => {
  const resources = Object.values(RESOURCE_CATALOG);

  (spec ? it : it.skip).each(resources.map((resource) => [resource.name, resource]))(
    '%s: the default sort and select are inside the spec’s schema',
    (_name, resource) => {
      const document = spec as OpenApiDocument;
      expect(document.paths[resource.upstreamPath]).toBeDefined();
      const { sort, select } = resource.defaults;
      const problems: string[] = [];
      if (sort) {
        const schema = querySchema(document, resource.upstreamPath, 'sort');
        if (!schema) {
          problems.push(`the spec has no sort parameter, the default is ${sort}`);
        }
        const why = outside(schema, sort);
        if (why) {
          problems.push(`sort: ${why}`);
        }
      }
      if (select && select.length > 0) {
        const schema = querySchema(document, resource.upstreamPath, 'select');
        if (!schema) {
          problems.push(`the spec has no select parameter, the default is ${select.join(',')}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  describe('over HTTP', () => {
    let gw: TestGateway;

    beforeAll(async () => {
      gw = await startTestGateway();
    });
    afterAll(() => gw.close());

    it('GET /tags sends no sort of its own (GreenLake adds key asc itself)', async () => {
      gw.simulator.controls.clearRequests();
      await request(gw.url).get('/v1/regions/us-west/tags').set(DEV_KEY).expect(200);
      const [sent] = gw.simulator.controls.requests({ target: 'data' });
      expect(sent.query.sort).toBeUndefined();
    });
  });
});
