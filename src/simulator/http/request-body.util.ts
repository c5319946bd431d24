import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SimulatedError } from 'src/simulator/faults/simulated-error';
import { contextOf } from './request-context';

export const JSON_TYPE = 'application/json';
export const MERGE_PATCH_TYPE = 'application/merge-patch+json';
export const FORM_TYPE = 'application/x-www-form-urlencoded';

const BODY_LIMIT_BYTES = 1_048_576;

/** Every body arrives as text and is parsed by the handler, so that a bad body gets GreenLake's envelope. */
export function acceptRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );
}

/** The media type without parameters, lower-cased. */
export function mediaTypeOf(request: FastifyRequest): string | undefined {
  const header = request.headers['content-type'];
  if (!header) {
    return undefined;
  }
  return header.split(';')[0].trim().toLowerCase();
}

export function rawBodyOf(request: FastifyRequest): string {
  return typeof request.body === 'string' ? request.body : '';
}

/** The JSON object of a request whose content type must be one of `accepted` (else 415). */
export function readJsonObject(
  request: FastifyRequest,
  accepted: readonly string[],
): Record<string, unknown> {
  const mediaType = mediaTypeOf(request);
  if (!mediaType || !accepted.includes(mediaType)) {
    throw new SimulatedError(
      'unsupportedMediaType',
      `Content-Type ${mediaType ?? '(none)'} is not supported here; use ${accepted.join(' or ')}`,
    );
  }
  const raw = rawBodyOf(request);
  if (raw.trim() === '') {
    throw new SimulatedError('badRequest', 'The request body is required');
  }
  const value = parseJson(request, raw);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SimulatedError('badRequest', 'The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** An optional JSON body (pass-through calls): undefined when empty; 415 when not JSON. */
export function readOptionalJson(request: FastifyRequest): unknown {
  const raw = rawBodyOf(request);
  if (raw.trim() === '') {
    return undefined;
  }
  const mediaType = mediaTypeOf(request);
  if (!mediaType || !/^application\/([\w.-]+\+)?json$/.test(mediaType)) {
    throw new SimulatedError(
      'unsupportedMediaType',
      `Content-Type ${mediaType ?? '(none)'} is not supported; send JSON`,
    );
  }
  return parseJson(request, raw);
}

function parseJson(request: FastifyRequest, raw: string): unknown {
  try {
    const value: unknown = JSON.parse(raw);
    contextOf(request).parsedBody = { value };
    return value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SimulatedError('badRequest', `The request body is not valid JSON: ${reason}`);
  }
}

/** The body as the request log shows it: parsed JSON when it is JSON, else the text. */
export function bodyForLog(request: FastifyRequest): unknown {
  const context = contextOf(request);
  if (context.parsedBody) {
    return context.parsedBody.value;
  }
  const raw = rawBodyOf(request);
  if (raw === '') {
    return undefined;
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
