import Fastify, { type FastifyInstance } from 'fastify';
import type {
  BadAnswer,
  OperationScript,
  RequestMatch,
  SimulatedBudget,
  SimulatorControls,
} from 'src/simulator/simulator-api.type';
import { LISTENER_OPTIONS } from './listener-options';

export interface SimulatorUrls {
  tokenUrl: string;
  adminUrl: string;
  regionUrls: Readonly<Record<string, string>>;
}

type Fields = Record<string, unknown>;

/** Class of bad admin input: answered 400 with the reason. */
class AdminInputError extends Error {}

/**
 * The HTTP mirror of SimulatorControls, on its own listener: never one of the region URLs, so a
 * gateway pass-through can never reach it. It stays up while the other listeners are down.
 */
export function buildAdminListener(
  controls: SimulatorControls,
  urls: () => SimulatorUrls,
): FastifyInstance {
  const app = Fastify(LISTENER_OPTIONS);
  // An empty JSON body is fine here (POST /tokens/revoke needs none); malformed JSON is a 400
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    try {
      done(null, text.trim() === '' ? undefined : (JSON.parse(text) as unknown));
    } catch {
      done(new AdminInputError('The body is not valid JSON'), undefined);
    }
  });
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status =
      error instanceof AdminInputError || error instanceof RangeError
        ? 400
        : (error.statusCode ?? 500);
    return reply.code(status).send({ error: error.message });
  });

  app.get('/', () => urls());
  app.get('/requests', (request) => controls.requests(matchOf(request.query as Fields)));
  app.delete('/requests', async (_request, reply) => {
    controls.clearRequests();
    return reply.code(204).send();
  });
  app.post('/latency', async (request, reply) => {
    const body = fieldsOf(request.body);
    controls.addLatency(numberField(body, 'ms', true) ?? 0, matchOf(body));
    return reply.code(204).send();
  });
  app.post('/fail', async (request, reply) => {
    const body = fieldsOf(request.body);
    const count = numberField(body, 'count', true) ?? 0;
    const status = numberField(body, 'status', true) ?? 0;
    const retryAfterSeconds = numberField(body, 'retryAfterSeconds', false);
    controls.failNext(count, status, {
      ...matchOf(body),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
    return reply.code(204).send();
  });
  app.post('/bad-answer', async (request, reply) => {
    const body = fieldsOf(request.body);
    controls.answerBadlyNext(
      numberField(body, 'count', true) ?? 0,
      badAnswerOf(body),
      matchOf(body),
    );
    return reply.code(204).send();
  });
  app.get('/drips', () => ({ open: controls.openDrips() }));
  app.post('/reset-connections', async (request, reply) => {
    const body = fieldsOf(request.body);
    controls.resetNext(numberField(body, 'count', true) ?? 0, matchOf(body));
    return reply.code(204).send();
  });
  app.post('/tokens/revoke', async (_request, reply) => {
    controls.revokeAllTokens();
    return reply.code(204).send();
  });
  app.post('/tokens/expire', async (_request, reply) => {
    controls.expireAllTokens();
    return reply.code(204).send();
  });
  app.put('/settings', async (request, reply) => {
    const body = fieldsOf(request.body);
    const tokenLifetimeSeconds = numberField(body, 'tokenLifetimeSeconds', false);
    const operationStepMs = numberField(body, 'operationStepMs', false);
    if (tokenLifetimeSeconds !== undefined) {
      controls.setTokenLifetime(tokenLifetimeSeconds);
    }
    if (operationStepMs !== undefined) {
      controls.setOperationStepMs(operationStepMs);
    }
    return reply.code(204).send();
  });
  app.put('/budget', async (request, reply) => {
    const body = fieldsOf(request.body);
    const headers = body.headers;
    if (headers !== undefined && typeof headers !== 'string') {
      throw new AdminInputError('headers must be ratelimit, x-ratelimit or standard');
    }
    controls.setBudget({
      limit: numberField(body, 'limit', true) ?? 0,
      windowMs: numberField(body, 'windowMs', false),
      headers: headers as SimulatedBudget['headers'],
      retryAfter: body.retryAfter === true,
    });
    return reply.code(204).send();
  });
  app.post('/fail/clear', async (_request, reply) => {
    controls.clearFailures();
    return reply.code(204).send();
  });
  app.post('/operations/script', async (request, reply) => {
    const body = fieldsOf(request.body);
    const count = numberField(body, 'count', false);
    controls.scriptNextOperations(body as unknown as OperationScript, count);
    return reply.code(204).send();
  });
  app.post('/down', async (_request, reply) => {
    await controls.goDown();
    return reply.code(204).send();
  });
  app.post('/up', async (_request, reply) => {
    await controls.comeUp();
    return reply.code(204).send();
  });
  app.post('/reset', async (_request, reply) => {
    controls.reset();
    return reply.code(204).send();
  });
  return app;
}

function fieldsOf(body: unknown): Fields {
  if (body === undefined || body === null || body === '') {
    return {};
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new AdminInputError('The body must be a JSON object');
  }
  return body as Fields;
}

function numberField(body: Fields, name: string, required: boolean): number | undefined {
  const value = body[name];
  if (value === undefined) {
    if (required) {
      throw new AdminInputError(`${name} is required`);
    }
    return undefined;
  }
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw new AdminInputError(`${name} must be a number`);
  }
  return number;
}

/** `{kind, body?, bytes?, intervalMs?}` of POST /bad-answer. */
function badAnswerOf(body: Fields): BadAnswer {
  switch (body.kind) {
    case 'html':
    case 'broken-json':
      return { kind: body.kind };
    case 'json':
      return { kind: 'json', body: body.body };
    case 'huge':
      return { kind: 'huge', bytes: numberField(body, 'bytes', true) ?? 0 };
    case 'slow-drip':
      return { kind: 'slow-drip', intervalMs: numberField(body, 'intervalMs', true) ?? 0 };
    default:
      throw new AdminInputError(
        "kind must be 'html', 'broken-json', 'json', 'huge' or 'slow-drip'",
      );
  }
}

/** target, region, method and pathPrefix from a query or a body. */
function matchOf(fields: Fields): RequestMatch {
  const match: RequestMatch = {};
  const { target, region, method, pathPrefix } = fields;
  if (target !== undefined) {
    if (target !== 'token' && target !== 'data') {
      throw new AdminInputError("target must be 'token' or 'data'");
    }
    match.target = target;
  }
  for (const [name, value] of [
    ['region', region],
    ['method', method],
    ['pathPrefix', pathPrefix],
  ] as const) {
    if (value !== undefined) {
      if (typeof value !== 'string') {
        throw new AdminInputError(`${name} must be a string`);
      }
      match[name] = value;
    }
  }
  return match;
}
