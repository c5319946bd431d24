import { Injectable, Logger } from '@nestjs/common';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_VERSION } from 'src/common/app-version';
import type { Caller } from 'src/common/access/caller.type';
import { toErrorReply } from 'src/common/errors/error-response.mapper';
import { McpToolCatalog } from './mcp-tool-catalog.service';
import { loadMcpSdk, McpSdk } from './mcp-sdk.loader';
import { McpToolRunner } from './mcp-tool-runner.service';

const INSTRUCTIONS = `HPE GreenLake through the company's gateway: it holds the credentials, shares the API budget and audits every write.
Every tool but list_regions takes an optional region. Lists come a page at a time (limit, offset) with friendly filters; a note says how to get more.
Work GreenLake runs asynchronously answers with a taskId: follow it with wait_for_task. Errors carry the gateway's code and message.`;

/**
 * The MCP endpoint, stateless as the SDK recommends for servers behind a load balancer: every
 * HTTP request gets its own server and transport, bound to the caller the global guard
 * authenticated, so that any replica can answer any request and nothing is kept between them.
 */
@Injectable()
export class McpService {
  private readonly logger = new Logger(McpService.name);

  constructor(
    private readonly catalog: McpToolCatalog,
    private readonly runner: McpToolRunner,
  ) {}

  async handle(caller: Caller, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const sdk = await loadMcpSdk();
    const server = this.serverFor(sdk, caller, request.id);
    const transport = new sdk.StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      // One JSON answer per POST rather than an SSE stream: simpler for proxies, same for clients
      enableJsonResponse: true,
    });
    // The SDK writes the answer on the raw response; keep what the hooks and guards set on it
    reply.hijack();
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) {
        reply.raw.setHeader(name, value);
      }
    }
    // In JSON mode the transport never settles a request whose client went away: stop waiting then
    const closed = new Promise<void>((resolve) =>
      reply.raw.once('close', () => {
        void transport.close();
        void server.close();
        resolve();
      }),
    );
    try {
      await server.connect(transport);
      await Promise.race([transport.handleRequest(request.raw, reply.raw, request.body), closed]);
    } catch (error) {
      this.logger.error(
        `MCP request failed (request ${request.id})`,
        error instanceof Error ? error.stack : String(error),
      );
      if (!reply.raw.headersSent) {
        const { status, body } = toErrorReply(error, request.id);
        reply.raw.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        reply.raw.end(JSON.stringify(body));
      } else {
        reply.raw.destroy();
      }
    }
  }

  private serverFor(sdk: McpSdk, caller: Caller, requestId: string): Server {
    const { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } = sdk.types;
    const server = new sdk.Server(
      { name: 'greenlake-gateway', version: APP_VERSION },
      { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
    );
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: this.catalog.visibleTo(caller),
    }));
    server.setRequestHandler(CallToolRequestSchema, (call, extra) => {
      const tool = this.catalog.find(call.params.name);
      if (!tool) {
        // What the SDK's own McpServer answers for a name it does not know
        throw new McpError(ErrorCode.InvalidParams, `Tool ${call.params.name} not found`);
      }
      return this.runner.call({
        caller,
        requestId,
        tool,
        args: call.params.arguments ?? {},
        signal: extra.signal,
      });
    });
    return server;
  }
}
