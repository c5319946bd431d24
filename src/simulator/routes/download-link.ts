import { createHmac, timingSafeEqual } from 'node:crypto';

export const DOWNLOADS_PREFIX = '/downloads/software-releases';

/** An absolute, signed link to a release file on the global listener (like a pre-signed object-store URL). */
export function downloadUrl(
  globalUrl: string,
  key: Buffer,
  releaseId: string,
  filename: string,
): string {
  const signature = sign(key, releaseId, filename);
  return `${globalUrl}${DOWNLOADS_PREFIX}/${releaseId}/${encodeURIComponent(filename)}?signature=${signature}`;
}

export function isValidDownload(
  key: Buffer,
  releaseId: string,
  filename: string,
  signature: string,
): boolean {
  const expected = Buffer.from(sign(key, releaseId, filename));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function sign(key: Buffer, releaseId: string, filename: string): string {
  return createHmac('sha256', key).update(`${releaseId}/${filename}`).digest('hex');
}
