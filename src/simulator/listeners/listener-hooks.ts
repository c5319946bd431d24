import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bodyForLog } from 'src/simulator/http/request-body.util';
import { contextOf, createContext } from 'src/simulator/http/request-context';
import type { RequestFacts } from 'src/simulator/http/request-match.util';
import type { SimulatedRequest, SimulatedTraceHeaders } from 'src/simulator/simulator-api.type';
import type { SimulatorState } from 'src/simulator/simulator-state';
import {
  type ErrorKind,
  SimulatedError,
  kindForStatus,
} from 'src/simulator/faults/simulated-error';

/** How a listener answers an error: GreenLake's envelope on data paths, OAuth errors on token paths. */
export type ErrorResponder = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
  kind?: ErrorKind,
) => FastifyReply;

/** Context, latency and the request log, common to the token and region listeners. */
export function installRequestHooks(
  app: FastifyInstance,
  state: SimulatorState,
  classify: (request: FastifyRequest) => RequestFacts,
): void {
  app.addHook('onRequest', async (request) => {
    const facts = classify(request);
    createContext(request, facts);
    const latencyMs = state.rules.latencyFor(facts);
    if (latencyMs > 0) {
      await delay(latencyMs);
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(state.rules.headersFor(contextOf(request).facts))) {
      void reply.header(name, value);
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    logRequest(state, request, reply.statusCode);
  });
}

/**
 * Applies resetNext, failNext and answerBadlyNext to this request. Returns true when the request was answered (or its
 * socket destroyed) and the handler must not run.
 */
export function applyFaults(
  state: SimulatorState,
  request: FastifyRequest,
  reply: FastifyReply,
  respond: ErrorResponder,
): boolean {
  const { facts } = contextOf(request);
  if (state.rules.takeReset(facts)) {
    reply.hijack();
    request.raw.socket.destroy();
    logRequest(state, request, 0);
    return true;
  }
  const failure = state.rules.takeFailure(facts);
  if (failure) {
    if (failure.retryAfterSeconds !== undefined) {
      void reply.header('retry-after', String(failure.retryAfterSeconds));
    }
    respond(
      request,
      reply,
      failure.status,
      `Simulated failure (HTTP ${failure.status})`,
      kindForStatus(failure.status),
    );
    return true;
  }
  const bad = state.badAnswers.take(facts);
  if (bad) {
    state.badAnswers.send(reply, bad, () => logRequest(state, request, 200));
    return true;
  }
  return false;
}

/** Turns thrown errors (ours and Fastify's, e.g. 413 or 415) into the listener's error body; never a crash. */
export function installErrorHandler(app: FastifyInstance, respond: ErrorResponder): void {
  app.setErrorHandler((error: FastifyError | SimulatedError, request, reply) => {
    if (error instanceof SimulatedError) {
      return respond(request, reply, error.status, error.message, error.kind);
    }
    const status =
      typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    const message = status === 500 ? 'An internal error occurred.' : error.message;
    return respond(request, reply, status, message, kindForStatus(status));
  });
}

function logRequest(state: SimulatorState, request: FastifyRequest, status: number): void {
  const context = contextOf(request);
  if (context.logged) {
    return;
  }
  context.logged = true;
  const { facts } = context;
  const contentType = request.headers['content-type'];
  const body = facts.target === 'data' ? bodyForLog(request) : undefined;
  const clientId = context.clientId ?? context.token?.clientId;
  const trace = traceHeadersOf(request);
  const entry: SimulatedRequest = {
    at: context.at,
    target: facts.target,
    ...(facts.region === undefined ? {} : { region: facts.region }),
    method: facts.method,
    path: facts.path,
    query: redactSecrets(context.query),
    ...(contentType ? { contentType } : {}),
    ...(body === undefined ? {} : { body }),
    ...(clientId === undefined ? {} : { clientId }),
    ...(context.authStyle ? { authStyle: context.authStyle } : {}),
    ...(context.tokenFingerprint === undefined
      ? {}
      : { tokenFingerprint: context.tokenFingerprint }),
    status,
    ...(trace ? { trace } : {}),
  };
  state.log.add(entry);
  if (!state.options.quiet) {
    const where = facts.region ? `[${facts.region}]` : '[global]';
    console.log(
      `${entry.at} ${where} ${facts.method} ${request.url} -> ${status === 0 ? 'reset' : status}`,
    );
  }
}

function traceHeadersOf(request: FastifyRequest): SimulatedTraceHeaders | undefined {
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const trace: SimulatedTraceHeaders = {
    traceparent: header('traceparent'),
    b3TraceId: header('x-b3-traceid'),
    b3SpanId: header('x-b3-spanid'),
    b3Sampled: header('x-b3-sampled'),
  };
  return Object.values(trace).some((value) => value !== undefined) ? trace : undefined;
}

/** A client secret never reaches the log, even when a caller misplaces it in the query string. */
function redactSecrets(
  query: Readonly<Record<string, string | string[]>>,
): Record<string, string | string[]> {
  const copy = { ...query };
  if (copy.client_secret !== undefined) {
    copy.client_secret = '[redacted]';
  }
  return copy;
}

function delay(ms: number): Promise<void> {
  // unref: a pending delay never keeps a stopped simulator's process alive
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
