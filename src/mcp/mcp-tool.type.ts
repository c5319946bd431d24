import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { AuditEntry } from 'src/audit/audit-entry.type';
import type { Caller } from 'src/common/access/caller.type';
import type { UpstreamCall } from 'src/regions/upstream-call.type';

/** What a tool call runs with: who asks, and the edge's resolution of a region for that caller. */
export interface McpToolContext {
  caller: Caller;
  /** The id of the HTTP request that carried the call (the access log's and audit line's). */
  requestId: string;
  /** Aborted when the client cancels the call or goes away. */
  signal: AbortSignal;
  /** The call to GreenLake in this region (the default region when none is given), as the edge resolves it. */
  callFor(region?: string): UpstreamCall;
  /** What the tool adds to its audit line (the upstream status of a pass-through call). */
  audit: Partial<AuditEntry>;
}

/** A tool's JSON schema: always an object with named properties and nothing else. */
export type ToolInputSchema = Tool['inputSchema'];

/**
 * One MCP tool over the gateway's own services. Tools with `scope: 'write'` are listed and
 * callable only for callers with the `write` scope.
 */
export interface McpTool {
  name: string;
  /** The scope a caller needs to see the tool at all. */
  scope: 'read' | 'write';
  /** The method a call sends GreenLake, for the audit line; undefined for calls that only read. */
  writeMethod(args: Record<string, unknown>): string | undefined;
  /** The tool as `tools/list` shows it to a caller who may (or may not) write. */
  definition(canWrite: boolean): Tool;
  run(args: Record<string, unknown>, context: McpToolContext): Promise<CallToolResult>;
}
