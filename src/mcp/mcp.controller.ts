import { Controller, Delete, Get, Post, Req, Res, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiBody,
  ApiExcludeEndpoint,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditedPerCall } from 'src/common/access/audited-per-call.decorator';
import type { Caller } from 'src/common/access/caller.type';
import { CurrentCaller } from 'src/common/access/current-caller.decorator';
import { RequireScope } from 'src/common/access/require-scope.decorator';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { McpService } from './mcp.service';

const DESCRIPTION = `The Model Context Protocol over Streamable HTTP (stateless, JSON answers), for AI agents:
point an MCP client at this URL with your API key (X-API-Key) or JWT. Tools cover tasks (list, get,
wait), issues (list, get, snooze), secrets (list, get, create, update, delete; never values),
software releases, storage locations, tags, settings, dual-auth operations (list, approve, cancel),
regions, and \`greenlake_request\` for any other GreenLake path. Tools that write are listed and
callable only with the \`write\` scope; each write is one audit line (\`channel: mcp\`, \`tool\`).
A tool's failure is a tool result with \`isError: true\` whose text is the gateway's error body.`;

// Stateless: there is no session stream to open (GET) or session to end (DELETE)
const noSessions = (): GatewayError =>
  new GatewayError(
    GatewayErrorCode.METHOD_NOT_ALLOWED,
    'This MCP endpoint is stateless: send JSON-RPC messages with POST',
    { headers: { allow: 'POST' } },
  );

@ApiTags('MCP')
@ApiSecurity('api-key')
// Tool errors travel inside the JSON-RPC answer; HTTP errors are the guards' and a malformed body
@ApiGatewayErrors(400)
@RequireScope('read')
@AuditedPerCall()
@Controller({ path: 'mcp', version: VERSION_NEUTRAL })
export class McpController {
  constructor(private readonly mcp: McpService) {}

  @Post()
  @ApiOperation({
    summary: 'MCP endpoint for AI agents (JSON-RPC over Streamable HTTP)',
    description: DESCRIPTION,
  })
  @ApiBody({
    description: 'A JSON-RPC message of the MCP protocol',
    schema: { type: 'object', example: { jsonrpc: '2.0', id: 1, method: 'tools/list' } },
  })
  @ApiOkResponse({ description: 'The JSON-RPC answer' })
  async postMcpMessage(
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.mcp.handle(caller, request, reply);
  }

  @Get()
  @ApiExcludeEndpoint()
  openMcpStream(): never {
    throw noSessions();
  }

  @Delete()
  @ApiExcludeEndpoint()
  endMcpSession(): never {
    throw noSessions();
  }
}
