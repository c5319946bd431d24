import { rawRequest } from 'test/utils/raw-http';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/us-west';
const JSON_TYPE = { 'content-type': 'application/json', ...DEV_KEY };
const MERGE_PATCH = { 'content-type': 'application/merge-patch+json', ...DEV_KEY };
const SETTING = '00000000-0000-4000-8000-000000000000';

const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('JSON request bodies: depth and width are refused at parse time', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  const routes: [string, string, Record<string, string>][] = [
    ['POST', `${REGION}/secrets`, JSON_TYPE],
    ['PATCH', `${REGION}/secrets/s-1`, MERGE_PATCH],
    ['PATCH', `${REGION}/issues/i-1`, MERGE_PATCH],
    ['PATCH', `${REGION}/settings/${SETTING}`, JSON_TYPE],
    ['PATCH', `${REGION}/dual-auth-operations/d-1`, MERGE_PATCH],
    ['POST', `${REGION}/software-releases/r-1/download`, JSON_TYPE],
  ];

  it.each(routes)(
    '%s %s: [ × 5000 → 400 VALIDATION_FAILED saying why',
    async (method, path, headers) => {
      const res = await rawRequest(gw.url, method, path, headers, nestedArrays(5000));
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/nested deeper than 32 levels/),
      });
    },
  );

  it.each([2000, 100_000])('a deep object (%i levels) → 400, not 500', async (depth) => {
    const res = await rawRequest(
      gw.url,
      'POST',
      `${REGION}/secrets`,
      JSON_TYPE,
      nestedObjects(depth),
    );
    expect(res.status).toBe(400);
    expect((res.json as { message: string }).message).toMatch(/nested deeper than 32 levels/);
  });

  it('an array wider than 10000 elements → 400 saying why', async () => {
    const body = JSON.stringify({ name: 'w', groups: Array.from({ length: 20_000 }, () => 0) });
    const res = await rawRequest(gw.url, 'POST', `${REGION}/secrets`, JSON_TYPE, body);
    expect(res.status).toBe(400);
    expect((res.json as { message: string }).message).toMatch(/more than 10000 entries/);
  });

  it('brackets inside strings do not count', async () => {
    const body = JSON.stringify({ description: '['.repeat(5000) });
    const res = await rawRequest(gw.url, 'PATCH', `${REGION}/secrets/s-1`, MERGE_PATCH, body);
    expect(res.status).not.toBe(500);
    expect((res.json as { message?: string }).message ?? '').not.toMatch(/nested deeper/);
  });

  it('malformed JSON is still a 400 in the one shape', async () => {
    const res = await rawRequest(gw.url, 'POST', `${REGION}/secrets`, JSON_TYPE, '{"name":');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('pass-through bodies stay byte for byte, however deep: GreenLake judges them', async () => {
    gw.simulator.controls.clearRequests();
    // 1000 levels: far past the gateway's limit, and still within what JSON.stringify can compare
    const body = nestedArrays(1000);
    const res = await rawRequest(
      gw.url,
      'POST',
      `${REGION}/proxy/virtualization/v1beta1/virtual-machines`,
      JSON_TYPE,
      body,
    );
    expect(res.status).not.toBe(500);
    const seen = gw.simulator.controls.requests({ target: 'data', method: 'POST' });
    expect(seen).toHaveLength(1);
    expect(typeof seen[0].body === 'string' ? seen[0].body : JSON.stringify(seen[0].body)).toBe(
      body,
    );
  });
});

describe('A request line the HTTP parser cannot read', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  it('a raw non-ASCII byte in the path → 400 in the one error shape (found by the fuzz suite)', async () => {
    const res = await rawRequest(gw.url, 'GET', `${REGION}/proxy/ü%2fv1beta1`, DEV_KEY);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      requestId: expect.any(String),
    });
    expect(res.headers['x-request-id']).toBe((res.json as { requestId: string }).requestId);
  });
});
