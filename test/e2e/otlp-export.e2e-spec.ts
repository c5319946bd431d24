import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { type RunningSimulator, startSimulator } from 'src/simulator';
import { spawnGateway } from 'test/utils/spawned-gateway';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
}

/** A stand-in OpenTelemetry collector: keeps every span POSTed to /v1/traces (OTLP/JSON). */
async function startCollector(): Promise<{ server: Server; url: string; spans: OtlpSpan[] }> {
  const spans: OtlpSpan[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const parsed = JSON.parse(body) as {
          resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        for (const resource of parsed.resourceSpans) {
          for (const scope of resource.scopeSpans) {
            spans.push(...scope.spans);
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, spans };
}

// The real main.ts in a child process: the OTLP exporter loads node:http with a dynamic import,
// which Jest's module sandbox cannot run
describe('OTLP export (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({ quiet: true });
  });
  afterAll(() => simulator.stop());

  it("exports the request's span and its GreenLake call, in the caller's trace", async () => {
    const collector = await startCollector();
    const gw = await spawnGateway({
      GREENLAKE_CLIENT_ID: 'simulator-client',
      GREENLAKE_CLIENT_SECRET: 'simulator-secret',
      GREENLAKE_TOKEN_URL: simulator.tokenUrl,
      GREENLAKE_REGIONS: `us-west=${simulator.regionUrls['us-west']}`,
      GATEWAY_API_KEYS: 'ops:otlp-key-000001:read',
      HOST: '127.0.0.1',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    });
    try {
      const res = await fetch(`${gw.url}/v1/regions/us-west/tags`, {
        headers: {
          'X-API-Key': 'otlp-key-000001',
          traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01`,
        },
      });
      expect(res.status).toBe(200);
      // Shutdown flushes the batch
      gw.child.kill('SIGTERM');
      expect((await gw.exited).code).toBe(0);
    } finally {
      gw.child.kill('SIGKILL');
      collector.server.close();
    }
    const server = collector.spans.find(
      (span) => span.traceId === TRACE_ID && span.kind === 2 && span.name.includes('/tags'),
    );
    expect(server).toMatchObject({
      name: 'GET /v1/regions/:region/tags',
      parentSpanId: CALLER_SPAN,
    });
    const clients = collector.spans.filter(
      (span) =>
        span.traceId === TRACE_ID && span.kind === 3 && span.parentSpanId === server?.spanId,
    );
    expect(clients.length).toBeGreaterThanOrEqual(1);
    // The span GreenLake was told about is the exported one
    const seen = simulator.controls
      .requests({ target: 'data' })
      .map((call) => call.trace?.b3SpanId);
    expect(seen).toEqual(expect.arrayContaining(clients.map((span) => span.spanId)));
  }, 120_000);
});
