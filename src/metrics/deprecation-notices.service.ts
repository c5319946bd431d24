import { Injectable, Logger } from '@nestjs/common';
import { currentRequestContext } from 'src/common/request-context/request-context';
import { GatewayMetrics, UNMATCHED_ROUTE } from './gateway-metrics.service';

/**
 * GreenLake announces retirements with `Deprecation` and `Sunset` headers (RFC 9745, RFC 8594):
 * every such answer is counted by gateway route, and logged once per route and header value.
 */
@Injectable()
export class DeprecationNotices {
  private readonly logger = new Logger('Deprecation');
  private readonly logged = new Set<string>();

  constructor(private readonly metrics: GatewayMetrics) {}

  observe(headers: Record<string, unknown>, method: string, upstreamPath: string): void {
    const deprecation = headerValue(headers, 'deprecation');
    const sunset = headerValue(headers, 'sunset');
    if (deprecation === undefined && sunset === undefined) {
      return;
    }
    const route = currentRequestContext()?.route ?? UNMATCHED_ROUTE;
    if (deprecation !== undefined) {
      this.metrics.deprecatedResponse(route, 'deprecation');
    }
    if (sunset !== undefined) {
      this.metrics.deprecatedResponse(route, 'sunset');
    }
    const key = `${route} ${deprecation ?? ''} ${sunset ?? ''}`;
    // Bounded by routes times header values GreenLake sends: a handful
    if (!this.logged.has(key) && this.logged.size < 1_000) {
      this.logged.add(key);
      this.logger.warn({
        msg: `GreenLake marks ${method} ${upstreamPath} as deprecated (gateway route ${route})`,
        route,
        upstreamPath,
        ...(deprecation === undefined ? {} : { deprecation }),
        ...(sunset === undefined ? {} : { sunset }),
        link: headerValue(headers, 'link'),
      });
    }
  }
}

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name];
  const text = Array.isArray(value) ? value.join(', ') : value;
  // Header values are short; anything longer is cut so a log line stays a line
  return typeof text === 'string' && text !== '' ? text.slice(0, 200) : undefined;
}
