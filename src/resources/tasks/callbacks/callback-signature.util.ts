import { createHmac } from 'node:crypto';

/** `X-Gateway-Signature`: `sha256=` + the lowercase hex HMAC-SHA256 of the exact body bytes. */
export function callbackSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
