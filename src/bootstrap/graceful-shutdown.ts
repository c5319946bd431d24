import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';

// Past the grace period, this long for the hooks (Redis quit, agents) before the process just exits
const HOOKS_BACKSTOP_MS = 5_000;

/**
 * SIGTERM / SIGINT: stop accepting connections, let in-flight requests finish (at most
 * `graceMs`; then the remaining connections are cut), then Nest's shutdown: open /events streams
 * end with a final event and /wait answers at once (beforeApplicationShutdown), the server closes,
 * and only then the upstream agents and Redis (onApplicationShutdown). Exits 0 when all went well.
 */
export function installGracefulShutdown(app: NestFastifyApplication, graceMs: number): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      return;
    }
    closing = true;
    logger.log(
      `${signal}: no new connections; draining in-flight requests (at most ${graceMs} ms)`,
    );
    shutDown(app, graceMs, logger).then(
      () => {
        logger.log('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

async function shutDown(
  app: NestFastifyApplication,
  graceMs: number,
  logger: Logger,
): Promise<void> {
  const server: Server = app.getHttpServer();
  // Stop listening now; requests already on a connection are still served
  server.close();
  // A keep-alive connection whose request has finished is idle: close it rather than wait for the client
  const reaper = setInterval(() => server.closeIdleConnections(), 100);
  const cut = setTimeout(() => {
    logger.warn(`grace period of ${graceMs} ms is over: closing the remaining connections`);
    server.closeAllConnections();
  }, graceMs);
  const backstop = setTimeout(() => {
    logger.error('shutdown hooks did not finish in time; exiting');
    process.exit(1);
  }, graceMs + HOOKS_BACKSTOP_MS);
  backstop.unref();
  try {
    await app.close();
  } finally {
    clearInterval(reaper);
    clearTimeout(cut);
    clearTimeout(backstop);
  }
}
