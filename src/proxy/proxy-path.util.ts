import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { PROXY_PREFIX } from './proxy-route';

export interface ProxyTarget {
  /** Decoded, validated path on the regional host, e.g. `/virtualization/v1beta1/virtual-machines`. */
  path: string;
  /** The caller's query string as sent (validated), without `?`; undefined when there is none. */
  rawQuery?: string;
}

/**
 * Swagger UI's field for the GreenLake query string: hyphenated, so that it can never be one of
 * GreenLake's own query parameters (camelCase identifiers: filter, sort, select, limit, ...).
 */
export const SWAGGER_QUERY_PARAM = 'gw-query';

const MAX_PATH_LENGTH = 2048;
const ENCODED_SLASH = /%2f/gi;
// What a typed query string may hold unencoded; anything else is %-encoded once (spaces, quotes...)
const QUERY_CHAR_TO_ENCODE = /[^A-Za-z0-9\-._~!$&'()*+,;=:@%/?]/gu;
const MAX_QUERY_LENGTH = 8192;
// RFC 3986 pchar and "/" (percent-encodings are checked separately): no backslash, space, quote...
const RAW_PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/;
const RAW_QUERY_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;
const PERCENT_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
// What a decoded segment may hold: unreserved and sub-delims, ":" and "@" (GreenLake ids such as
// `aws:us-east-1`). Not "/", "\", "%", "?", "#", controls, spaces or non-ASCII look-alikes.
const SEGMENT_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]+$/;
// API families: `virtualization`, `backup-recovery`, `data-services`, ...; never `http:` or a host
const FIRST_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The GreenLake path and query of a pass-through request, read from the raw request target so that
 * encodings are seen before anything decodes them. Anything that could leave the region's host or
 * be read differently by another decoder is refused with 400: dot segments (also encoded, double
 * encoded or overlong), encoded slashes and backslashes, empty segments (`//host`), absolute URLs,
 * control and non-ASCII characters.
 */
export function proxyTargetOf(rawUrl: string): ProxyTarget {
  const queryAt = rawUrl.indexOf('?');
  const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? undefined : rawUrl.slice(queryAt + 1);
  const prefix = PROXY_PREFIX.exec(rawPath);
  if (!prefix) {
    throw refused(
      'the request target must be a path of the form /v1/regions/{region}/proxy/{path}',
    );
  }
  return passThroughTargetOf(swaggerPath(rawPath.slice(prefix[0].length)), rawQuery);
}

/**
 * The same checks for a GreenLake path given without the gateway's prefix (e.g.
 * `virtualization/v1beta1/virtual-machines`, no leading slash) and a raw query string without `?`:
 * for callers that reach the pass-through other than by URL (the MCP `greenlake_request` tool).
 */
export function passThroughTargetOf(upstream: string, rawQuery?: string): ProxyTarget {
  if (upstream === '') {
    throw refused('a GreenLake path is required after /proxy/');
  }
  if (upstream.length > MAX_PATH_LENGTH) {
    throw refused(`the GreenLake path is longer than ${MAX_PATH_LENGTH} characters`);
  }
  if (!RAW_PATH_CHARS.test(upstream) || PERCENT_ESCAPE.test(upstream)) {
    throw refused(
      'the path holds characters that are not allowed (backslash, space, controls, non-ASCII, a bad %-escape)',
    );
  }
  const segments = upstream.split('/');
  // One trailing slash is kept; any other empty segment ("//") is not
  const trailingSlash = segments.length > 1 && segments[segments.length - 1] === '';
  const named = trailingSlash ? segments.slice(0, -1) : segments;
  const decoded = named.map(decodeSegment);
  if (!FIRST_SEGMENT.test(decoded[0])) {
    throw refused(
      'the path must start with a GreenLake API family, e.g. virtualization/v1beta1/...',
    );
  }
  const path = `/${decoded.join('/')}${trailingSlash ? '/' : ''}`;
  return {
    path,
    rawQuery: rawQuery === undefined ? undefined : checkQuery(swaggerQuery(rawQuery)),
  };
}

/**
 * Swagger UI sends the `path` parameter as one segment with its "/" encoded
 * (`data-services%2Fv1beta1%2Ftags`): that form, and only that one (no literal "/" at all), has its
 * %2F decoded exactly once; the result then meets every check a path typed with "/" meets.
 */
function swaggerPath(upstream: string): string {
  return upstream.includes('/') ? upstream : upstream.replace(ENCODED_SLASH, '/');
}

/**
 * `gw-query=<the GreenLake query string, encoded>` (Swagger UI's field) becomes that query string.
 * It must come alone: mixed with other parameters, which ones GreenLake gets would be a guess.
 */
function swaggerQuery(rawQuery: string): string {
  const parts = rawQuery.split('&');
  const isField = (part: string) => part.split('=')[0] === SWAGGER_QUERY_PARAM;
  if (!parts.some(isField)) {
    return rawQuery;
  }
  if (parts.length !== 1) {
    throw refused(
      `${SWAGGER_QUERY_PARAM} carries the whole GreenLake query string: send it alone, or the parameters themselves`,
    );
  }
  let typed: string;
  try {
    typed = decodeURIComponent(parts[0].slice(SWAGGER_QUERY_PARAM.length + 1).replace(/\+/g, ' '));
  } catch {
    throw refused(`${SWAGGER_QUERY_PARAM} holds an invalid %-escape`);
  }
  return typed.replace(/^\?/, '').replace(QUERY_CHAR_TO_ENCODE, (char) => encodeURIComponent(char));
}

function decodeSegment(segment: string): string {
  if (segment === '') {
    throw refused('empty path segments ("//") are not allowed');
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    throw refused('the path holds an invalid %-escape');
  }
  if (!SEGMENT_CHARS.test(decoded)) {
    throw refused(
      'a path segment holds an encoded "/", "\\", "%", "?", "#", control or non-ASCII character',
    );
  }
  if (/^\.+$/.test(decoded)) {
    throw refused('dot segments ("." and "..") are not allowed');
  }
  return decoded;
}

function checkQuery(rawQuery: string): string | undefined {
  if (rawQuery === '') {
    return undefined;
  }
  if (rawQuery.length > MAX_QUERY_LENGTH) {
    throw refused(`the query string is longer than ${MAX_QUERY_LENGTH} characters`);
  }
  if (!RAW_QUERY_CHARS.test(rawQuery) || PERCENT_ESCAPE.test(rawQuery)) {
    throw refused('the query string holds characters that are not allowed');
  }
  return rawQuery;
}

const refused = (reason: string): GatewayError =>
  new GatewayError(GatewayErrorCode.VALIDATION_FAILED, `Pass-through path refused: ${reason}`, {
    details: { reason },
  });
