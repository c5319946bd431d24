import pino, { DestinationStream, Level, Logger } from 'pino';
import { GatewayConfig, GatewayLogLevel } from 'src/config/gateway-config.type';
import { REDACTION_CENSOR, redactionPaths } from './log-redaction';

/** LOG_LEVEL as pino names it (Nest's `log` is pino's `info`, `verbose` is `trace`). */
export const PINO_LEVEL_BY_LOG_LEVEL = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
} as const satisfies Record<GatewayLogLevel, Level>;

/**
 * The gateway's root pino logger. JSON lines (`level` named, ISO `time`) with LOG_FORMAT=json, when
 * a destination is given (tests) or when stdout is not a terminal and pino-pretty is absent;
 * pino-pretty for LOG_FORMAT=text, coloured only when stdout is a terminal.
 */
export function createRootLogger(
  config: Pick<GatewayConfig, 'logLevel' | 'logFormat'>,
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: PINO_LEVEL_BY_LOG_LEVEL[config.logLevel],
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactionPaths(), censor: REDACTION_CENSOR },
  };
  if (destination) {
    return pino(options, destination);
  }
  const pretty = config.logFormat === 'text' ? prettyStream() : undefined;
  return pino(options, pretty ?? pino.destination({ dest: 1, sync: true }));
}

// pino-pretty is a development dependency: a production install without it logs JSON
function prettyStream(): DestinationStream | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as typeof import('pino-pretty');
    return pretty({
      colorize: process.stdout.isTTY === true,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'context,requestId,traceId',
      messageFormat: '{if context}[{context}] {end}{if requestId}({requestId}) {end}{msg}',
      singleLine: true,
    });
  } catch {
    return undefined;
  }
}
