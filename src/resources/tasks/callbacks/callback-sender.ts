import { request } from 'undici';
import { callbackSignature } from './callback-signature.util';

// A receiver that neither answers nor fails within this counts as a failed attempt
const ATTEMPT_TIMEOUT_MS = 5_000;

export interface CallbackAttempt {
  ok: boolean;
  /** The receiver's status, or 0 when it could not be reached. */
  status: number;
}

/**
 * Sends one callback. Not through UpstreamClient: a callback goes to the caller's own receiver,
 * not to GreenLake (no token, no region, no GreenLake budget). undici's request() follows no
 * redirects, so a 3xx is a failed attempt and no host other than the checked one is ever contacted.
 */
export class CallbackSender {
  constructor(private readonly secret: string) {}

  async send(
    url: string,
    callbackId: string,
    body: string,
    signal: AbortSignal,
  ): Promise<CallbackAttempt> {
    try {
      const response = await request(url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'greenlake-gateway-callbacks',
          'x-gateway-signature': callbackSignature(this.secret, body),
          'x-gateway-callback-id': callbackId,
        },
        headersTimeout: ATTEMPT_TIMEOUT_MS,
        bodyTimeout: ATTEMPT_TIMEOUT_MS,
        signal: AbortSignal.any([signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      // Drain (bounded by bodyTimeout) so the connection can be reused; the content is not read
      await response.body.dump();
      return {
        ok: response.statusCode >= 200 && response.statusCode < 300,
        status: response.statusCode,
      };
    } catch {
      return { ok: false, status: 0 };
    }
  }
}
