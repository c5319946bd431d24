import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { jsonShapeProblem, JsonShapeLimits } from 'src/common/http/json-shape.util';

// GreenLake's request bodies nest a few levels and list at most a few hundred entries
export const JSON_BODY_LIMITS: JsonShapeLimits = { maxDepth: 32, maxWidth: 10_000 };

type Done = (error: Error | null, body?: unknown) => void;

/**
 * The gateway's JSON parsers (application/json and GreenLake's merge patches, RFC 7396): refuse a body
 * nested too deep or too wide with a 400 that says so, before a recursive parser or validator sees
 * it. Pass-through bodies never reach them (see pass-through-body.util). Call after app.init(),
 * which registers Nest's own JSON parser.
 */
export function registerJsonBodyParsers(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  // As before: Nest's JSON parser refused __proto__ and constructor keys, the merge-patch one __proto__
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    guard(fastify.getDefaultJsonParser('error', 'error')),
  );
  fastify.addContentTypeParser(
    'application/merge-patch+json',
    { parseAs: 'string' },
    guard(fastify.getDefaultJsonParser('error', 'ignore')),
  );
}

type Parser = ReturnType<FastifyInstance['getDefaultJsonParser']>;

function guard(parse: Parser) {
  return (request: FastifyRequest, body: string | Buffer, done: Done): void => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const problem = jsonShapeProblem(text, JSON_BODY_LIMITS);
    if (problem) {
      done(
        new GatewayError(GatewayErrorCode.VALIDATION_FAILED, `Invalid request body: ${problem}`, {
          details: { errors: [problem] },
        }),
      );
      return;
    }
    void parse(request, text, done);
  };
}
