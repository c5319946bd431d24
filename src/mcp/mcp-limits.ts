/** Most items a list tool fetches in one call: enough to act on, small enough to read. */
export const MCP_MAX_LIMIT = 50;
/** Items a list tool fetches when the agent names no limit. */
export const MCP_DEFAULT_LIMIT = 10;
/** Longest tool result text (about 6,000 tokens); longer lists are trimmed, other results cut. */
export const MCP_MAX_RESULT_CHARS = 24_000;
/** Longest wait_for_task, under the 60 s request timeout of common MCP clients. */
export const MCP_MAX_WAIT_SECONDS = 50;
