import { headerValue } from 'src/common/http/transport-error.util';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Why a 1xx-3xx answer read as JSON is not what a parsed route can use, or undefined when it is:
 * a body that is not JSON (an HTML page from a proxy in the way, broken JSON), a JSON value that is
 * not an object, or no body at all on a GET 200. Bodiless answers (204, 202, 303) pass.
 */
export function badParsedBody(
  method: string,
  status: number,
  headers: Record<string, unknown>,
  data: unknown,
): string | undefined {
  if (status >= 300) {
    return undefined;
  }
  if (data === '' || data === undefined) {
    return method.toUpperCase() === 'GET' && status === 200 ? 'an empty body' : undefined;
  }
  const contentType = headerValue(headers, 'content-type');
  if (contentType !== undefined && !JSON_MEDIA_TYPE.test(contentType)) {
    return `a ${contentType.split(';')[0].trim()} body where JSON was expected`;
  }
  if (typeof data === 'string') {
    return 'a body that is not valid JSON';
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return 'JSON that is not an object';
  }
  return undefined;
}
