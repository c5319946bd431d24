// Only origin-relative paths with no dot segment, backslash or encoded dot/slash/backslash/percent
const DOT_SEGMENT = /^(?:\.|%2e)+$/i;
const ENCODED_SEPARATOR = /%(?:2f|5c|25|2e)/i;

/**
 * Whether a path built by the gateway stays on the regional host it is sent to. A last line of
 * defence: routes validate their own input before, and the proxy checks the caller's path in full.
 */
export function isConfinedPath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || /[\\?#\s]/.test(path)) {
    return false;
  }
  if (ENCODED_SEPARATOR.test(path)) {
    return false;
  }
  return path
    .slice(1)
    .split('/')
    .every((segment) => !DOT_SEGMENT.test(segment));
}
