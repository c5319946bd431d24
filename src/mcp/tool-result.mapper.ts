import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toErrorReply } from 'src/common/errors/error-response.mapper';
import type { ErrorResponseDto } from 'src/common/errors/error-response.dto';
import { MCP_MAX_RESULT_CHARS } from './mcp-limits';

/** A page of a list, as the list tools hand it back. */
export interface ListPage {
  items: unknown[];
  count?: number;
  offset?: number;
  total?: number;
}

const textResult = (value: unknown, isError = false): CallToolResult => ({
  content: [{ type: 'text', text: JSON.stringify(value) }],
  ...(isError ? { isError: true } : {}),
});

/**
 * A page of a list for an agent: GreenLake's envelope, with a `note` saying how to get more when
 * there is more, and trimmed to the items that fit in the result budget.
 */
export function listToolResult(page: ListPage, maxChars = MCP_MAX_RESULT_CHARS): CallToolResult {
  const offset = page.offset ?? 0;
  const { items, trimmed } = fitItems(page.items, maxChars);
  const shown: Record<string, unknown> = {
    items,
    count: items.length,
    offset,
    ...(page.total !== undefined ? { total: page.total } : {}),
  };
  const next = offset + items.length;
  if (trimmed) {
    shown.note = `Trimmed to ${items.length} of the ${page.items.length} items fetched, to stay readable: ask for fewer fields (fields) or a smaller limit, or continue with offset=${next}.`;
  } else if (page.total !== undefined && next < page.total) {
    shown.note = `${page.total - next} more: call again with offset=${next}.`;
  }
  return textResult(shown);
}

/** Any other result: as JSON, or, past the budget, the start of it with a note saying so. */
export function toolResult(value: unknown, maxChars = MCP_MAX_RESULT_CHARS): CallToolResult {
  const text = JSON.stringify(value ?? null);
  if (text.length <= maxChars) {
    return { content: [{ type: 'text', text }] };
  }
  return textResult({
    truncated: true,
    note: `The result is ${text.length} characters; only the first ${maxChars} are shown. Narrow the request (fields, a filter, a smaller limit).`,
    preview: text.slice(0, maxChars),
  });
}

/** A tool error carrying the gateway's error body (code, message, details, upstream, requestId). */
export function toolErrorResult(body: ErrorResponseDto): CallToolResult {
  return textResult(body, true);
}

/** The gateway's error body for anything a tool threw; `unexpected` ones deserve a log line with the stack. */
export function errorBodyOf(
  error: unknown,
  requestId: string,
): { body: ErrorResponseDto; unexpected: boolean } {
  const reply = toErrorReply(error, requestId);
  return { body: reply.body, unexpected: reply.unexpected };
}

/** The leading items whose JSON fits in the budget (at least one is never promised). */
function fitItems(items: unknown[], maxChars: number): { items: unknown[]; trimmed: boolean } {
  // Room for the envelope and the note
  let room = maxChars - 400;
  const kept: unknown[] = [];
  for (const item of items) {
    room -= JSON.stringify(item ?? null).length + 1;
    if (room < 0) {
      return { items: kept, trimmed: true };
    }
    kept.push(item);
  }
  return { items: kept, trimmed: false };
}
