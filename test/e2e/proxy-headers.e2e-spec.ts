import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { startSimulator } from 'src/simulator';
import type { RunningSimulator } from 'src/simulator';
import { rawRequest } from 'test/utils/raw-http';
import { DEV_KEY, startTestGateway, TestGateway } from 'test/utils/test-gateway';

interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface SpyAnswer {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

/** A stand-in GreenLake region that records exactly what it receives and answers what it is told. */
class SpyRegion {
  readonly seen: SeenRequest[] = [];
  answer: SpyAnswer = { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      this.seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.writeHead(this.answer.status, this.answer.headers);
      res.end(this.answer.body);
    });
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const PROXY = '/v1/regions/eu-west/proxy';
const TASK_ID = '8e594a77-3809-4620-be52-74270abdf60b';

describe('Pass-through: what GreenLake receives and what the caller gets back', () => {
  let simulator: RunningSimulator;
  let spy: SpyRegion;
  let gw: TestGateway;

  beforeAll(async () => {
    simulator = await startSimulator({ quiet: true });
    spy = new SpyRegion();
    await spy.start();
    // Tokens from the simulator; region eu-west is the spy
    gw = await startTestGateway({
      sharedSimulator: {
        ...simulator,
        regionUrls: { ...simulator.regionUrls, 'eu-west': spy.url },
      },
    });
  });
  afterAll(async () => {
    await gw.close();
    await spy.stop();
    await simulator.stop();
  });
  beforeEach(() => {
    spy.seen.length = 0;
    spy.answer = { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
  });

  const lastSeen = (): SeenRequest => {
    const seen = spy.seen[spy.seen.length - 1];
    if (!seen) {
      throw new Error('the spy region saw no request');
    }
    return seen;
  };

  describe('request headers', () => {
    it("sends the gateway's bearer token, never the caller's key, Authorization or cookies", async () => {
      await request(gw.url)
        .get(`${PROXY}/virtualization/v1beta1/hypervisors?limit=5`)
        .set(DEV_KEY)
        .set('Cookie', 'session=caller-cookie')
        .set('X-Forwarded-For', '203.0.113.9')
        .expect(200);
      const viaKey = lastSeen();
      await request(gw.url)
        .get(`${PROXY}/virtualization/v1beta1/hypervisors`)
        .set('Authorization', 'Bearer simulator')
        .expect(200);
      const viaBearer = lastSeen();
      for (const seen of [viaKey, viaBearer]) {
        expect(seen.headers.authorization).toMatch(/^Bearer \S{20,}$/);
        expect(seen.headers.authorization).not.toContain('simulator');
        expect(seen.headers).not.toHaveProperty('x-api-key');
        expect(seen.headers).not.toHaveProperty('cookie');
        expect(seen.headers).not.toHaveProperty('x-forwarded-for');
      }
      expect(viaKey.headers.authorization).toBe(viaBearer.headers.authorization);
      expect(viaKey.url).toBe('/virtualization/v1beta1/hypervisors?limit=5');
      // The token never reaches a log line
      const token = (viaKey.headers.authorization ?? '').slice('Bearer '.length);
      expect(gw.logs.text()).not.toContain(token);
    });

    it('forwards x-request-id, names the gateway in User-Agent, asks for JSON by default', async () => {
      const res = await rawRequest(gw.url, 'GET', `${PROXY}/virtualization/v1beta1/hypervisors`, {
        ...DEV_KEY,
        'x-request-id': 'trace-abc.123',
      });
      expect(res.headers['x-request-id']).toBe('trace-abc.123');
      const seen = lastSeen();
      expect(seen.headers['x-request-id']).toBe('trace-abc.123');
      expect(seen.headers['user-agent']).toMatch(/^greenlake-gateway\/\d+\.\d+\.\d+/);
      expect(seen.headers.accept).toBe('application/json');
    });

    it("forwards the gateway's own request id when the caller's is not acceptable", async () => {
      const res = await rawRequest(gw.url, 'GET', `${PROXY}/virtualization/v1beta1/hypervisors`, {
        ...DEV_KEY,
        'x-request-id': 'not ok; has spaces',
      });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(lastSeen().headers['x-request-id']).toBe(res.headers['x-request-id']);
    });

    it("passes the caller's Accept and conditional headers on", async () => {
      await request(gw.url)
        .get(`${PROXY}/block-storage/v1alpha1/volumes/v1`)
        .set(DEV_KEY)
        .set('Accept', 'application/hal+json')
        .set('If-None-Match', '"v7"')
        .expect(200);
      expect(lastSeen().headers).toMatchObject({
        accept: 'application/hal+json',
        'if-none-match': '"v7"',
      });
    });

    it('sends the body byte for byte, with its content type and parameters', async () => {
      const body = '{ "name" : "vm-1",  "big": 12345678901234567890123 }';
      await rawRequest(
        gw.url,
        'POST',
        `${PROXY}/virtualization/v1beta1/virtual-machines?tag=a&tag=b`,
        { ...DEV_KEY, 'content-type': 'application/json; charset=utf-8' },
        body,
      );
      const seen = lastSeen();
      expect(seen.method).toBe('POST');
      expect(seen.url).toBe('/virtualization/v1beta1/virtual-machines?tag=a&tag=b');
      expect(seen.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(seen.body.toString('utf8')).toBe(body);
    });

    it('sends binary bodies unchanged', async () => {
      const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
      await rawRequest(
        gw.url,
        'PUT',
        `${PROXY}/backup-recovery/v1beta1/blobs/b1`,
        { ...DEV_KEY, 'content-type': 'application/octet-stream' },
        bytes,
      );
      expect(lastSeen().body.equals(bytes)).toBe(true);
    });
  });

  describe('response headers and bodies', () => {
    it('keeps only the safe headers and streams the body as it is', async () => {
      const body = JSON.stringify({ items: [{ id: 'a' }], count: 1 });
      spy.answer = {
        status: 200,
        headers: {
          'content-type': 'application/vnd.hpe+json; charset=utf-8',
          'content-length': String(Buffer.byteLength(body)),
          etag: '"abc"',
          'last-modified': 'Wed, 01 May 2024 10:00:00 GMT',
          'cache-control': 'private, max-age=5',
          'ratelimit-limit': '100',
          'ratelimit-remaining': '42',
          'ratelimit-reset': '48',
          deprecation: 'true',
          sunset: 'Wed, 01 Jan 2027 00:00:00 GMT',
          link: '</virtualization/v2/hypervisors>; rel="successor-version"',
          'set-cookie': 'greenlake-session=secret; HttpOnly',
          server: 'envoy',
          'x-powered-by': 'upstream',
          via: '1.1 greenlake-edge',
          'x-envoy-upstream-service-time': '12',
          'x-internal-debug': 'do-not-leak',
        },
        body,
      };
      const res = await rawRequest(
        gw.url,
        'GET',
        `${PROXY}/virtualization/v1beta1/hypervisors`,
        DEV_KEY,
      );
      expect(res.status).toBe(200);
      expect(res.text).toBe(body);
      expect(res.headers).toMatchObject({
        'content-type': 'application/vnd.hpe+json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        etag: '"abc"',
        'last-modified': 'Wed, 01 May 2024 10:00:00 GMT',
        'cache-control': 'private, max-age=5',
        'x-greenlake-ratelimit-limit': '100',
        'x-greenlake-ratelimit-remaining': '42',
        'x-greenlake-ratelimit-reset': '48',
        deprecation: 'true',
        sunset: 'Wed, 01 Jan 2027 00:00:00 GMT',
        link: '</virtualization/v2/hypervisors>; rel="successor-version"',
      });
      // the caller's own budget at the gateway is not overwritten by GreenLake's
      expect(res.headers['ratelimit-limit']).toBe('1200');
      for (const dropped of [
        'set-cookie',
        'server',
        'x-powered-by',
        'via',
        'x-envoy-upstream-service-time',
        'x-internal-debug',
      ]) {
        expect(res.headers).not.toHaveProperty(dropped);
      }
    });

    it('streams a large body through whole', async () => {
      const big = Buffer.alloc(3 * 1024 * 1024, 'x');
      spy.answer = {
        status: 200,
        headers: { 'content-type': 'application/octet-stream' },
        body: big,
      };
      const res = await rawRequest(
        gw.url,
        'GET',
        `${PROXY}/block-storage/v1alpha1/exports/e1`,
        DEV_KEY,
      );
      expect(res.status).toBe(200);
      expect(res.text.length).toBe(big.length);
    });

    it('answers 204 with no body', async () => {
      spy.answer = { status: 204, headers: { etag: '"v2"' } };
      const res = await rawRequest(
        gw.url,
        'DELETE',
        `${PROXY}/virtualization/v1beta1/tags/t1`,
        DEV_KEY,
      );
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect(res.headers.etag).toBe('"v2"');
    });

    it('passes 304 Not Modified on', async () => {
      spy.answer = { status: 304, headers: { etag: '"v7"' } };
      const res = await rawRequest(gw.url, 'GET', `${PROXY}/block-storage/v1alpha1/volumes/v1`, {
        ...DEV_KEY,
        'if-none-match': '"v7"',
      });
      expect(res.status).toBe(304);
      expect(res.headers.etag).toBe('"v7"');
    });

    it('never passes an upstream error body on: an HTML 500 becomes 502 UPSTREAM_ERROR', async () => {
      spy.answer = {
        status: 500,
        headers: { 'content-type': 'text/html', 'set-cookie': 'x=y' },
        body: '<html><body>Internal stack trace at greenlake.internal:8443</body></html>',
      };
      const res = await rawRequest(
        gw.url,
        'GET',
        `${PROXY}/virtualization/v1beta1/hypervisors`,
        DEV_KEY,
      );
      expect(res.status).toBe(502);
      expect(res.json).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { status: 500 } });
      expect(res.text).not.toContain('greenlake.internal');
      expect(res.headers).not.toHaveProperty('set-cookie');
    });
  });

  describe('Location', () => {
    it.each([
      [
        'relative, on GreenLake',
        '/virtualization/v1beta1/virtual-machines/vm-1',
        `${PROXY}/virtualization/v1beta1/virtual-machines/vm-1`,
      ],
      [
        'absolute, on the same host',
        'SPY/virtualization/v1beta1/virtual-machines/vm-1?x=1',
        `${PROXY}/virtualization/v1beta1/virtual-machines/vm-1?x=1`,
      ],
      [
        'on another host (a download link)',
        'https://downloads.example.com/file.iso?sig=abc',
        'https://downloads.example.com/file.iso?sig=abc',
      ],
    ])(
      'of a 201, %s, points through the gateway when it can',
      async (_name, location, expected) => {
        spy.answer = {
          status: 201,
          headers: {
            location: location.replace('SPY', spy.url),
            'content-type': 'application/json',
          },
          body: '{"id":"vm-1"}',
        };
        const res = await rawRequest(
          gw.url,
          'POST',
          `${PROXY}/virtualization/v1beta1/virtual-machines`,
          {
            ...DEV_KEY,
            'content-type': 'application/json',
          },
          '{}',
        );
        expect(res.status).toBe(201);
        expect(res.headers.location).toBe(expected);
        expect(res.json).toEqual({ id: 'vm-1' });
      },
    );

    it('of a 202 naming a task (absolute URL) becomes the task links', async () => {
      const upstreamLocation = `${spy.url}/data-services/v1beta1/async-operations/${TASK_ID.toUpperCase()}`;
      spy.answer = {
        status: 202,
        headers: {
          location: upstreamLocation,
          'content-type': 'application/json',
          'ratelimit-remaining': '7',
        },
        body: '{}',
      };
      const res = await request(gw.url)
        .delete(`${PROXY}/virtualization/v1beta1/virtual-machines/vm-1`)
        .set(DEV_KEY)
        .expect(202);
      expect(res.body).toEqual({
        taskId: TASK_ID,
        taskUrl: `/v1/regions/eu-west/tasks/${TASK_ID}`,
        callbacksUrl: `/v1/regions/eu-west/tasks/${TASK_ID}/callbacks`,
        upstreamLocation,
      });
      expect(res.headers.location).toBe(`/v1/regions/eu-west/tasks/${TASK_ID}`);
      expect(res.headers['x-greenlake-ratelimit-remaining']).toBe('7');
    });

    it('of a 202 that names no task is passed on (through the gateway) with its body', async () => {
      spy.answer = {
        status: 202,
        headers: {
          location: '/backup-recovery/v1beta1/jobs/queued',
          'content-type': 'application/json',
        },
        body: '{"status":"QUEUED"}',
      };
      const res = await request(gw.url)
        .post(`${PROXY}/backup-recovery/v1beta1/protection-jobs/j1/run`)
        .set(DEV_KEY)
        .expect(202);
      expect(res.body).toEqual({ status: 'QUEUED' });
      expect(res.headers.location).toBe(`${PROXY}/backup-recovery/v1beta1/jobs/queued`);
    });
  });
});
