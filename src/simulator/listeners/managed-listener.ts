import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * One HTTP listener that can stop and listen again on the same port: a Fastify instance cannot
 * listen twice, so every start builds a fresh one over the shared state.
 */
export class ManagedListener {
  private app: FastifyInstance | undefined;

  constructor(
    readonly name: string,
    private readonly build: () => FastifyInstance,
    private readonly host: string,
    private port: number,
  ) {}

  get running(): boolean {
    return this.app !== undefined;
  }

  /** `http://host:port`, no trailing slash; a wildcard host is shown as loopback. */
  get url(): string {
    return `http://${urlHost(this.host)}:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.app) {
      return;
    }
    const app = this.build();
    try {
      await app.listen({ host: this.host, port: this.port });
    } catch (error) {
      await app.close();
      throw error;
    }
    this.port = (app.server.address() as AddressInfo).port;
    this.app = app;
  }

  /** Stops accepting and destroys open sockets, keep-alive ones included. */
  async stop(): Promise<void> {
    const app = this.app;
    this.app = undefined;
    if (app) {
      await app.close();
    }
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') {
    return '127.0.0.1';
  }
  if (host === '::') {
    return '[::1]';
  }
  return host.includes(':') ? `[${host}]` : host;
}
