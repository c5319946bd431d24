import request from 'supertest';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

const REGION = '/v1/regions/us-west';

describe('Validation messages say what to do, one per problem', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  const errorsOf = (res: request.Response): string[] => {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    return res.body.details.errors as string[];
  };

  it('POST /secrets without service → "service is required", nothing else about it', async () => {
    const res = await request(gw.url)
      .post(`${REGION}/secrets`)
      .set(DEV_KEY)
      .send({ name: 'n', secret: { generic: { secret: 's' } } });
    expect(errorsOf(res)).toEqual(['service is required']);
  });

  it('limit=abc → one message', async () => {
    const res = await request(gw.url).get(`${REGION}/tasks?limit=abc`).set(DEV_KEY);
    expect(errorsOf(res)).toHaveLength(1);
  });

  it('an unknown query parameter names the closest known one (stat → state)', async () => {
    const res = await request(gw.url).get(`${REGION}/tasks?stat=RUNNING`).set(DEV_KEY);
    expect(errorsOf(res)).toEqual(['property stat should not exist (did you mean state?)']);
  });

  it('an unknown parameter far from every known one gets no guess', async () => {
    const res = await request(gw.url).get(`${REGION}/tasks?zzzzzzzz=1`).set(DEV_KEY);
    expect(errorsOf(res)).toEqual(['property zzzzzzzz should not exist']);
  });
});
