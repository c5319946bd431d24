import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import {
  BodyTooLargeError,
  HttpTransport,
  queryStringOf,
  TransportRequest,
} from './http-transport';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

describe('HttpTransport, against a loopback server', () => {
  let server: Server;
  let handler: Handler;
  let baseUrl: string;
  const transport = new HttpTransport();

  beforeAll(async () => {
    server = createServer((request, response) => handler(request, response));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await transport.close();
    await new Promise((closed) => server.close(closed));
  });

  const get = (overrides: Partial<TransportRequest> = {}) =>
    transport.exchange<unknown>({
      baseUrl,
      method: 'GET',
      path: '/data-services/v1beta1/tags',
      headers: { accept: 'application/json' },
      signal: new AbortController().signal,
      timeoutMs: 2_000,
      read: 'json',
      maxBodyBytes: 1_000,
      ...overrides,
    });

  it('keeps a base URL path prefix, sends lists as repeated parameters and parses JSON', async () => {
    let seen = '';
    handler = (request, response) => {
      seen = request.url ?? '';
      response.setHeader('content-type', 'application/json');
      response.end('{"items":[]}');
    };
    const answer = await get({
      baseUrl: `${baseUrl}/prefix/`,
      query: { filter: "name eq 'a b'", select: ['id', 'name'], skip: undefined },
    });
    expect(seen).toBe(
      '/prefix/data-services/v1beta1/tags?filter=name+eq+%27a+b%27&select=id&select=name',
    );
    expect(answer).toMatchObject({ status: 200, data: { items: [] } });
    expect(answer.headers['content-type']).toBe('application/json');
  });

  it('decompresses a gzip body it asked for, and hands back text that is not JSON as text', async () => {
    handler = (_request, response) => {
      response.setHeader('content-encoding', 'gzip');
      response.end(gzipSync('{"ok":true}'));
    };
    expect((await get()).data).toEqual({ ok: true });
    handler = (_request, response) => response.end('<html>proxy error</html>');
    expect((await get()).data).toBe('<html>proxy error</html>');
    handler = (_request, response) => response.writeHead(204).end();
    expect((await get()).data).toBe('');
  });

  it('refuses a body over maxBodyBytes, declared, streamed or once decompressed', async () => {
    handler = (_request, response) => response.end('x'.repeat(1_001));
    await expect(get()).rejects.toBeInstanceOf(BodyTooLargeError);
    handler = (_request, response) => {
      response.write('x'.repeat(600));
      response.end('x'.repeat(600));
    };
    await expect(get()).rejects.toEqual(new BodyTooLargeError(1_000));
    handler = (_request, response) => {
      response.setHeader('content-encoding', 'gzip');
      response.end(gzipSync('x'.repeat(5_000)));
    };
    await expect(get()).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('hands a stream over unread, and an abort ends the exchange', async () => {
    handler = (_request, response) => response.end('streamed');
    const answer = await get({ read: 'stream', maxBodyBytes: 1 });
    const chunks: Buffer[] = [];
    for await (const chunk of answer.data as AsyncIterable<Buffer>) {
      chunks.push(chunk);
    }
    expect(Buffer.concat(chunks).toString()).toBe('streamed');
    handler = () => undefined; // never answers
    const aborted = new AbortController();
    setTimeout(() => aborted.abort(), 50);
    await expect(get({ signal: aborted.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe(queryStringOf.name, () => {
  it('leaves out undefined values and keeps the order given', () => {
    expect(queryStringOf({ b: 2, a: undefined, c: [true, 'x'] })).toBe('b=2&c=true&c=x');
    expect(queryStringOf(undefined)).toBe('');
  });
});
