import http from 'node:http';

export interface SseMessage {
  event: string;
  data: string;
}

/**
 * A Server-Sent Events reader over real HTTP (no library): collects messages and comments as they
 * arrive, and lets a test wait for one without sleeping.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  status = 0;
  headers: http.IncomingHttpHeaders = {};
  /** Set when the server ended the stream. */
  ended = false;
  private readonly request: http.ClientRequest;
  private readonly waiters: Array<() => void> = [];
  private buffer = '';
  private current: { event?: string; data: string[] } = { data: [] };
  private readonly responded: Promise<void>;

  constructor(baseUrl: string, path: string, headers: Record<string, string>) {
    const { hostname, port } = new URL(baseUrl);
    let opened!: () => void;
    let failed!: (error: Error) => void;
    this.responded = new Promise<void>((resolve, reject) => {
      opened = resolve;
      failed = reject;
    });
    // A stream that fails before it opens is reported by opened(), if anyone asks
    this.responded.catch(() => undefined);
    this.request = http.get(
      {
        host: hostname,
        port,
        path,
        headers: { accept: 'text/event-stream', ...headers },
        agent: false,
      },
      (response) => {
        this.status = response.statusCode ?? 0;
        this.headers = response.headers;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => this.feed(chunk));
        response.on('end', () => {
          this.ended = true;
          this.notify();
        });
        response.on('error', () => undefined);
        opened();
      },
    );
    this.request.on('error', (error) => {
      this.ended = true;
      this.notify();
      failed(error);
    });
  }

  /** Resolves once the status and headers arrived. */
  opened(): Promise<void> {
    return this.responded;
  }

  /** Waits until `check` holds (re-checked on every message, comment and end), or times out. */
  async until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.messages)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Messages of one event type, with their data parsed as JSON. */
  events<T = unknown>(event: string): T[] {
    return this.messages
      .filter((message) => message.event === event)
      .map((message) => JSON.parse(message.data) as T);
  }

  /** Hangs up, as a client that goes away. */
  close(): void {
    this.request.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf('\n');
    while (newline !== -1) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      this.line(line);
      newline = this.buffer.indexOf('\n');
    }
    this.notify();
  }

  private line(line: string): void {
    if (line === '') {
      if (this.current.data.length > 0 || this.current.event) {
        this.messages.push({
          event: this.current.event ?? 'message',
          data: this.current.data.join('\n'),
        });
      }
      this.current = { data: [] };
    } else if (line.startsWith(':')) {
      this.comments.push(line.slice(1).trim());
    } else {
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') {
        this.current.event = value;
      } else if (field === 'data') {
        this.current.data.push(value);
      }
    }
  }

  private notify(): void {
    this.waiters.splice(0).forEach((wake) => wake());
  }
}
