import { Injectable, Logger } from '@nestjs/common';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { performance } from 'node:perf_hooks';
import type { AuditEntry } from 'src/audit/audit-entry.type';
import { AuditService } from 'src/audit/audit.service';
import type { Caller } from 'src/common/access/caller.type';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { RegionRegistry } from 'src/regions/region-registry.service';
import { UpstreamCallResolver } from 'src/regions/upstream-call.resolver';
import type { McpTool, McpToolContext } from './mcp-tool.type';
import { errorBodyOf, toolErrorResult } from './tool-result.mapper';

/** The route template written in the audit lines of tool calls. */
export const MCP_ROUTE = '/mcp';

export interface ToolCall {
  caller: Caller;
  requestId: string;
  tool: McpTool;
  args: Record<string, unknown>;
  signal: AbortSignal;
}

/**
 * Runs one tool call: the scope check (a write needs `write`, whatever the tool), the edge's
 * resolution of region and profile, the tool itself, its errors as MCP tool errors with the
 * gateway's error body, and one audit line per write (refusals included).
 */
@Injectable()
export class McpToolRunner {
  private readonly logger = new Logger(McpToolRunner.name);

  constructor(
    private readonly calls: UpstreamCallResolver,
    private readonly regions: RegionRegistry,
    private readonly audit: AuditService,
  ) {}

  async call({ caller, requestId, tool, args, signal }: ToolCall): Promise<CallToolResult> {
    const { name } = tool;
    const started = performance.now();
    const writeMethod = tool.writeMethod(args);
    const audit: Partial<AuditEntry> = {};
    const context: McpToolContext = {
      caller,
      requestId,
      signal,
      audit,
      callFor: (region) => {
        const call = this.calls.resolve(
          caller,
          region ?? this.regions.defaultRegion.name,
          requestId,
        );
        audit.region = call.region.name;
        audit.profile = call.profile.name;
        return call;
      },
    };
    let status = 200;
    try {
      if (writeMethod && !caller.scopes.includes('write')) {
        throw new GatewayError(
          GatewayErrorCode.FORBIDDEN,
          `Caller "${caller.name}" lacks the "write" scope that ${name} with ${writeMethod} needs`,
          { details: { requiredScope: 'write' } },
        );
      }
      return await tool.run(args, context);
    } catch (error) {
      const { body, unexpected } = errorBodyOf(error, requestId);
      status = body.statusCode;
      if (error instanceof GatewayError && error.upstream) {
        audit.upstreamStatus ??= error.upstream.status;
      }
      if (unexpected) {
        this.logger.error(
          `MCP tool ${name} failed (request ${requestId})`,
          error instanceof Error ? error.stack : String(error),
        );
      }
      return toolErrorResult(body);
    } finally {
      this.logger.debug(`MCP ${name} by ${caller.name} -> ${status} (request ${requestId})`);
      if (writeMethod) {
        this.audit.record({
          action: 'write',
          caller: caller.name,
          via: caller.via,
          channel: 'mcp',
          tool: name,
          scope: 'write',
          method: writeMethod,
          route: MCP_ROUTE,
          region:
            audit.region ??
            (typeof args.region === 'string' ? args.region.slice(0, 64) : undefined),
          profile: audit.profile ?? caller.profile,
          upstreamStatus: audit.upstreamStatus,
          status,
          durationMs: Math.round(performance.now() - started),
          requestId,
        });
      }
    }
  }
}
