import type { Readable } from 'node:stream';

/**
 * Reads at most `maxBytes` of a stream (an upstream error body), then stops reading it. Error
 * bodies are only parsed for their errorCode, debugId and message, never passed on.
 */
export async function readBounded(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      chunks.push(buffer);
      size += buffer.length;
      if (size >= maxBytes) {
        break;
      }
    }
  } catch {
    // A body cut short still tells the status; what was read is enough
  } finally {
    releaseBody(stream);
  }
  return Buffer.concat(chunks).subarray(0, maxBytes);
}

/** JSON when it parses, else the text, `''` for no body (the error mapper copes with all). */
export function parseBody(buffer: Buffer): unknown {
  const text = buffer.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Lets go of a body nobody will read. An undici body destroyed without a listener would emit its
 * abort as an unhandled 'error'; dump() reads a little and frees the connection for reuse.
 */
export function releaseBody(body: {
  destroy(): unknown;
  on(event: 'error', listener: () => void): unknown;
}): void {
  body.on('error', () => undefined);
  const dump = (body as { dump?: (options?: { limit: number }) => Promise<unknown> }).dump;
  if (typeof dump === 'function') {
    void dump.call(body, { limit: 64 * 1024 }).catch(() => undefined);
  } else {
    body.destroy();
  }
}
