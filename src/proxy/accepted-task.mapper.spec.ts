import { acceptedTaskOf, taskIdOfLocation, taskUrlFor } from './accepted-task.mapper';

const ID = '8e594a77-3809-4620-be52-74270abdf60b';
const LOCATION = `/data-services/v1beta1/async-operations/${ID}`;

describe(acceptedTaskOf.name, () => {
  it("maps a 202 + task Location to the gateway's task links", () => {
    expect(acceptedTaskOf(202, { location: LOCATION }, 'eu-central')).toEqual({
      taskId: ID,
      taskUrl: `/v1/regions/eu-central/tasks/${ID}`,
      callbacksUrl: `/v1/regions/eu-central/tasks/${ID}/callbacks`,
      upstreamLocation: LOCATION,
    });
  });

  it('reads Location in every form (array, absolute URL, trailing slash, query)', () => {
    expect(acceptedTaskOf(202, { location: [`${LOCATION}/`] }, 'us-west')?.taskId).toBe(ID);
    expect(
      acceptedTaskOf(
        202,
        { location: `https://us-west.api.greenlake.hpe.com${LOCATION}?x=1` },
        'us-west',
      ),
    ).toMatchObject({
      taskId: ID,
      upstreamLocation: `https://us-west.api.greenlake.hpe.com${LOCATION}?x=1`,
    });
  });

  it.each([
    ['a 200', 200, { location: LOCATION }],
    ['a 201', 201, { location: LOCATION }],
    ['a 202 without Location', 202, {}],
    [
      'a 202 whose Location names no UUID',
      202,
      { location: '/backup-recovery/v1beta1/jobs/queued' },
    ],
    [
      'a 202 with a UUID-like but invalid id',
      202,
      { location: '/x/8e594a77-3809-4620-be52-74270abdf60' },
    ],
  ])('ignores %s', (_name, status, headers) => {
    expect(acceptedTaskOf(status, headers, 'us-west')).toBeUndefined();
  });
});

describe(taskIdOfLocation.name, () => {
  it('lower-cases the id', () => {
    expect(taskIdOfLocation(`/x/${ID.toUpperCase()}`)).toBe(ID);
  });
});

describe(taskUrlFor.name, () => {
  it('encodes the parts it is given', () => {
    expect(taskUrlFor('us west', ID)).toBe(`/v1/regions/us%20west/tasks/${ID}`);
  });
});
