import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

export interface ReceivedCallback {
  headers: http.IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/**
 * A local HTTP receiver of task callbacks: records every request and answers from a script of
 * statuses (then 204), so a test can make it fail, redirect or succeed.
 */
export class CallbackReceiver {
  readonly received: ReceivedCallback[] = [];
  /** Answered in order to the next requests; each `{status, location?}`. */
  readonly script: Array<{ status: number; location?: string }> = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const next = this.script.shift() ?? { status: 204 };
      this.received.push({
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status: next.status,
      });
      res.writeHead(next.status, next.location ? { location: next.location } : {});
      res.end();
    });
  });
  port = 0;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this;
  }

  get hostPort(): string {
    return `127.0.0.1:${this.port}`;
  }

  url(path = '/hook'): string {
    return `http://${this.hostPort}${path}`;
  }

  async until(count: number, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}: ${this.received.length} received`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The check a receiver makes: HMAC-SHA256 of the raw body, compared in constant time. */
export function hasValidSignature(callback: ReceivedCallback, secret: string): boolean {
  const expected = `sha256=${createHmac('sha256', secret).update(callback.body).digest('hex')}`;
  const got = String(callback.headers['x-gateway-signature'] ?? '');
  return got.length === expected.length && timingSafeEqual(Buffer.from(got), Buffer.from(expected));
}
