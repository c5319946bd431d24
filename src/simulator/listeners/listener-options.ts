import type { FastifyServerOptions } from 'fastify';

export const LISTENER_OPTIONS: FastifyServerOptions = {
  logger: false,
  // stop() and goDown() must drop keep-alive sockets too, or clients would keep talking to a dead listener
  forceCloseConnections: true,
  return503OnClosing: false,
  // Load tests run ~1,000 concurrent requests over keep-alive
  keepAliveTimeout: 65_000,
};
