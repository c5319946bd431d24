import { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { currentRequestContext } from 'src/common/request-context/request-context';

type NestLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

const PINO_LEVEL: Record<NestLevel, Level> = {
  log: 'info',
  error: 'error',
  warn: 'warn',
  debug: 'debug',
  verbose: 'trace',
  fatal: 'fatal',
};

/**
 * Nest's LoggerService on pino: every `new Logger(Context)` line becomes a pino line with
 * `context`, and, inside a request, that request's `requestId` and `traceId` (its child logger).
 * An object message becomes fields of the line (the audit trail), never a JSON string.
 */
export class GatewayLogger implements LoggerService {
  constructor(readonly root: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: NestLevel, message: unknown, params: unknown[]): void {
    const context = currentRequestContext();
    // An entry that names its own request (the audit trail) must not get the ids twice
    const ownIds = message !== null && typeof message === 'object' && 'requestId' in message;
    const logger = (!ownIds && context?.logger) || this.root;
    const pinoLevel = PINO_LEVEL[level];
    if (!logger.isLevelEnabled(pinoLevel)) {
      return;
    }
    const rest = [...params];
    const fields: Record<string, unknown> = {};
    // Nest appends the logger's context last; Logger.error(message, stack) puts the stack first
    const last = rest.at(-1);
    if (typeof last === 'string' && !last.includes('\n')) {
      fields.context = last;
      rest.pop();
    }
    if (level === 'error' && typeof rest[0] === 'string') {
      fields.stack = rest.shift();
    }
    if (message instanceof Error) {
      logger[pinoLevel]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      const { msg, ...entry } = message as Record<string, unknown>;
      const trace = ownIds && context ? { traceId: context.trace.traceId } : {};
      logger[pinoLevel]({ ...fields, ...entry, ...trace }, typeof msg === 'string' ? msg : '');
    } else {
      logger[pinoLevel](fields, String(message));
    }
  }
}
