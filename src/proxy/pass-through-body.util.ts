import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorCodes } from 'fastify';
import { Readable } from 'node:stream';

/** Route config flag (`@RouteConfig({ [PASS_THROUGH_BODY]: true })`): keep the exact request bytes. */
export const PASS_THROUGH_BODY = 'gatewayPassThroughBody';

export interface PassThroughBody {
  bytes: Buffer;
  /** The caller's Content-Type, as sent; undefined when it sent none. */
  contentType?: string;
}

// Never sent by anyone: it only steers pass-through bodies to the parser that leaves them alone
const PASS_THROUGH_MEDIA_TYPE = 'application/x-gateway-pass-through';
const BODYLESS_METHODS = new Set(['GET', 'HEAD']);

// Keyed by the raw request, so that no Fastify type is augmented for one route's needs
const bodies = new WeakMap<object, PassThroughBody>();

/** The request body exactly as the caller sent it, on pass-through routes; undefined without one. */
export function passThroughBodyOf(request: FastifyRequest): PassThroughBody | undefined {
  return bodies.get(request.raw);
}

/**
 * Lets pass-through routes take any body (JSON, merge-patch, text, binary, even malformed JSON:
 * GreenLake judges it) byte for byte, without changing how any other route parses: the bytes are
 * kept before parsing, and the request is then steered to a parser that does nothing.
 */
export function registerPassThroughBodies(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    // GET and HEAD bodies mean nothing to GreenLake, so they are never forwarded
    if (!isPassThrough(request) || BODYLESS_METHODS.has(request.method)) {
      return payload;
    }
    const contentType = request.headers['content-type'];
    let parsed = payload;
    if (hasBody(request)) {
      const bytes = await readAll(payload, request.routeOptions.bodyLimit);
      bodies.set(request.raw, { bytes, contentType });
      parsed = Readable.from([bytes]);
    }
    if (contentType !== undefined || hasBody(request)) {
      // Even an empty `application/json` body (POST .../power-off) is GreenLake's to judge
      request.raw.headers['content-type'] = PASS_THROUGH_MEDIA_TYPE;
    }
    return parsed;
  });
  fastify.addContentTypeParser(PASS_THROUGH_MEDIA_TYPE, (_request, _payload, done) => {
    done(null, undefined);
  });
}

function isPassThrough(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
  return config?.[PASS_THROUGH_BODY] === true;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

async function readAll(payload: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > limit) {
      throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
