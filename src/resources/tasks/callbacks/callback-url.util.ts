import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';

const MAX_URL_LENGTH = 2048;
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** `host:port` of a URL as GATEWAY_CALLBACK_HOSTS lists it (the default port written out). */
export function hostPortOf(url: URL): string {
  return `${url.hostname.toLowerCase()}:${url.port || DEFAULT_PORTS[url.protocol]}`;
}

function refuse(message: string, details?: Record<string, unknown>): never {
  throw new GatewayError(GatewayErrorCode.VALIDATION_FAILED, message, { details });
}

/**
 * The callback URL, checked strictly: http or https, no credentials, and a host:port listed in
 * GATEWAY_CALLBACK_HOSTS. Nothing is resolved here: the sender contacts exactly this host:port.
 */
export function checkCallbackUrl(raw: string, allowedHosts: readonly string[]): URL {
  if (allowedHosts.length === 0) {
    refuse(
      'Task callbacks are off: set GATEWAY_CALLBACK_HOSTS (host:port,...) to allow receivers',
      {
        variable: 'GATEWAY_CALLBACK_HOSTS',
      },
    );
  }
  if (raw.length > MAX_URL_LENGTH) {
    refuse(`url must be at most ${MAX_URL_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    refuse('url must be an absolute http or https URL');
  }
  if (!(url.protocol in DEFAULT_PORTS)) {
    refuse('url must be an absolute http or https URL');
  }
  if (url.username !== '' || url.password !== '') {
    refuse('url must not carry credentials (user:password@)');
  }
  const hostPort = hostPortOf(url);
  if (!allowedHosts.includes(hostPort)) {
    refuse(`${hostPort} is not in GATEWAY_CALLBACK_HOSTS`, { variable: 'GATEWAY_CALLBACK_HOSTS' });
  }
  return url;
}
