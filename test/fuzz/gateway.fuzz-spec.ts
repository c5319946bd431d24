import fc from 'fast-check';
import { rawRequest, RawResponse } from 'test/utils/raw-http';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

// Seeded, so that CI runs the same cases; FUZZ_SEED=<n> replays (or explores) another run
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
// Each property stops after this long (whatever numRuns says), so the suite stays under a minute
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 9_000);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const REGION = '/v1/regions/us-west';
const PROXY = `${REGION}/proxy`;
const INJECTED = 'x-fuzz-injected';

async function check<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  run: (value: T) => Promise<void>,
) {
  try {
    await fc.assert(fc.asyncProperty(arbitrary, run), {
      seed: SEED,
      numRuns: RUNS,
      interruptAfterTimeLimit: TIME_LIMIT_MS,
      endOnFailure: true,
    });
  } catch (error) {
    console.error(`fuzz "${name}" failed; replay with FUZZ_SEED=${SEED}\n${String(error)}`);
    throw error;
  }
}

/** Node refuses some targets client-side (raw CR/LF, spaces): those never reach the gateway. */
async function send(
  gw: TestGateway,
  method: string,
  path: string,
  headers: Record<string, string> = DEV_KEY,
  body?: string,
): Promise<RawResponse | undefined> {
  try {
    return await rawRequest(gw.url, method, path, headers, body);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_UNESCAPED_CHARACTERS') {
      return undefined;
    }
    throw error;
  }
}

/** The answer is in the contract: anything but a 5xx other than 502/503/504, nothing injected. */
function expectContained(res: RawResponse | undefined): void {
  if (!res) {
    return;
  }
  if (res.status >= 500 && ![502, 503, 504].includes(res.status)) {
    throw new Error(`answered ${res.status}: ${res.text.slice(0, 300)}`);
  }
  expect(res.headers[INJECTED]).toBeUndefined();
  if (res.status >= 400) {
    expect(res.json).toMatchObject({ statusCode: res.status, code: expect.any(String) });
  }
}

const PATH_PIECES = [
  '..',
  '.',
  '%2e%2e',
  '%2E.',
  '%252e%252e',
  '%2f',
  '%2F',
  '%252f',
  '%5c',
  '\\',
  '',
  'http:',
  'https:%2f%2fevil.example',
  'evil.example',
  '%c0%ae',
  '%00',
  '%0d%0aX-Fuzz-Injected:%201',
  '%ef%bc%8f',
  'ü',
  '%C3%BC',
  '~',
  'data-services',
  'v1beta1',
  'tags',
  'virtualization',
  'as',
  'token.oauth2',
];

const pathSegment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PATH_PIECES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const proxyPath = fc
  .tuple(fc.array(pathSegment, { minLength: 1, maxLength: 6 }), fc.constantFrom('/', '%2F', '%2f'))
  .map(([segments, separator]) => segments.join(separator));

const FILTER_PIECES = [
  "'",
  "''",
  ' eq ',
  ' or ',
  ' and ',
  ')',
  '(',
  'not ',
  '\\',
  '%',
  '"',
  'ü',
  '🙂',
];
const filterValue = fc
  .array(fc.oneof(fc.constantFrom(...FILTER_PIECES), fc.string({ maxLength: 6 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

const QUERY_KEYS = ['limit', 'offset', 'sort', 'fields', 'all', 'filter', 'state', 'maxItems'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const queryValue = fc.oneof(
  fc.constantFrom('1e309', '99999999999999999999999', '-0', 'NaN', '-1', '0x10', '', 'true', '[]'),
  fc.integer().map(String),
  fc.string({ maxLength: 10 }),
);
const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...QUERY_KEYS, ...PROTOTYPE_KEYS, '__proto__[x]', 'a[b]'),
        fc.string({ maxLength: 6 }),
      ),
      queryValue,
    ),
    { maxLength: 6 },
  )
  .map((pairs) =>
    pairs
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&'),
  );

const deepText = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => open.repeat(depth) + (open === '[' ? ']' : '1}').repeat(depth));
const wideText = fc
  .integer({ min: 1, max: 30_000 })
  .map(
    (width) => `{"name":"w","groups":[${Array.from({ length: width }, () => '"g"').join(',')}]}`,
  );
const duplicateKeys = fc
  .array(fc.constantFrom('name', 'service', '__proto__', 'constructor', 'secret'), {
    minLength: 2,
    maxLength: 6,
  })
  .map((keys) => `{${keys.map((key, index) => `"${key}":${index % 2 ? '"x"' : '{}'}`).join(',')}}`);
const jsonBody = fc.oneof(fc.json({ maxDepth: 6 }), deepText, wideText, duplicateKeys, fc.string());

describe('Fuzzing the gateway in front of the simulator (fast-check)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ env: { UPSTREAM_TIMEOUT_MS: '5000' } });
    console.log(
      `fuzz seed ${SEED} (FUZZ_SEED to replay), ${RUNS} runs or ${TIME_LIMIT_MS} ms per property`,
    );
  });
  afterAll(async () => {
    await gw.close();
  });
  afterEach(async () => {
    // The process stays up whatever came before
    const live = await rawRequest(gw.url, 'GET', '/health/live');
    expect(live.status).toBe(200);
  });

  it('proxy paths: contained, and GreenLake never sees a path that leaves the route’s family', async () => {
    await check('proxy paths', proxyPath, async (path) => {
      gw.simulator.controls.clearRequests();
      const res = await send(gw, 'GET', `${PROXY}/${path}`);
      expectContained(res);
      for (const seen of gw.simulator.controls.requests({ target: 'data' })) {
        const segments = seen.path.split('/').slice(1);
        expect(seen.path).toMatch(/^\/[A-Za-z0-9][A-Za-z0-9._-]*(\/|$)/);
        expect(segments.filter((segment) => segment === '' || /^\.+$/.test(segment))).toEqual(
          segments.at(-1) === '' ? [''] : [],
        );
        expect(seen.path).not.toMatch(/\\|%2f|%5c|[\r\n]/i);
      }
      // Only the gateway's own token fetches reach the token listener
      for (const seen of gw.simulator.controls.requests({ target: 'token' })) {
        expect(seen.method).toBe('POST');
      }
    });
  });

  it('filter values: GreenLake gets exactly key eq <the value, quoted>', async () => {
    await check('filter values', filterValue, async (value) => {
      gw.simulator.controls.clearRequests();
      const res = await send(gw, 'GET', `${REGION}/tags?key=${encodeURIComponent(value)}`);
      expectContained(res);
      for (const seen of gw.simulator.controls.requests({ target: 'data' })) {
        expect(seen.query.filter).toBe(`key eq '${value.replace(/'/g, "''")}'`);
      }
    });
  });

  it('query strings (repeats, huge numbers, prototype keys): a 2xx or a 4xx, never a 500', async () => {
    await check('query strings', queryString, async (query) => {
      expectContained(await send(gw, 'GET', `${REGION}/tasks?${query}`));
      expectContained(await send(gw, 'GET', `${PROXY}/data-services/v1beta1/tags?${query}`));
    });
  });

  it('JSON bodies (depth, width, size, duplicate keys): a 2xx or a 4xx, never a 500', async () => {
    const target = fc.constantFrom(
      ['POST', `${REGION}/secrets`, 'application/json'],
      ['PATCH', `${REGION}/secrets/s-1`, 'application/merge-patch+json'],
      ['PATCH', `${REGION}/issues/i-1`, 'application/merge-patch+json'],
      ['POST', `${REGION}/software-releases/r-1/download`, 'application/json'],
      ['POST', `${PROXY}/virtualization/v1beta1/virtual-machines`, 'application/json'],
    );
    await check('JSON bodies', fc.tuple(target, jsonBody), async ([[method, path, type], body]) => {
      expectContained(await send(gw, method, path, { ...DEV_KEY, 'content-type': type }, body));
    });
  });

  it('header injection through every input: nothing reaches the answer’s headers', async () => {
    const crlf = fc.constantFrom('%0d%0aX-Fuzz-Injected:%201', '%0AX-Fuzz-Injected:1', '\u2028x');
    await check('header injection', crlf, async (payload) => {
      expectContained(await send(gw, 'GET', `${REGION}/tags?key=${payload}`));
      expectContained(
        await send(gw, 'GET', `${PROXY}/data-services/v1beta1/tags?filter=${payload}`),
      );
      expectContained(await send(gw, 'GET', `${REGION}/tasks/${payload}`));
    });
  });
});
