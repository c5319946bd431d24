import { GatewayError, UpstreamErrorInfo } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';

/** A poll's failure in a form that crosses replicas (JSON) and becomes a GatewayError again. */
export interface SharedTaskError {
  code: GatewayErrorCode;
  message: string;
  details?: Record<string, unknown>;
  upstream?: UpstreamErrorInfo;
  headers?: Record<string, string>;
}

/** What one poll of a task found: the task or the error, when, and when the next poll is due. */
export interface TaskSnapshot {
  task?: AsyncOperationWire;
  error?: SharedTaskError;
  /** Epoch ms of the poll. */
  polledAt: number;
  /** The schedule's wait after this poll (also the Retry-After hint of a 202 from /wait). */
  nextDelayMs: number;
}

export function shareError(error: unknown): SharedTaskError {
  if (error instanceof GatewayError) {
    return {
      code: error.code,
      message: error.message,
      details: error.details,
      upstream: error.upstream,
      headers: error.headers,
    };
  }
  return {
    code: GatewayErrorCode.UPSTREAM_ERROR,
    message: 'The task could not be read from GreenLake',
  };
}

export function errorOf(shared: SharedTaskError): GatewayError {
  return new GatewayError(shared.code, shared.message, {
    details: shared.details,
    upstream: shared.upstream,
    headers: shared.headers,
  });
}

/** Parses a snapshot from Redis; undefined for anything that is not one. */
export function parseSnapshot(text: string | null | undefined): TaskSnapshot | undefined {
  if (!text) {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<TaskSnapshot>;
    if (typeof value.polledAt === 'number' && typeof value.nextDelayMs === 'number') {
      return value as TaskSnapshot;
    }
  } catch {
    // Not ours: ignored
  }
  return undefined;
}
