import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

export interface ToolOutcome {
  isError: boolean;
  /** The tool's text content, parsed as JSON. */
  json: Record<string, unknown>;
}

/** An MCP client of the SDK itself, over Streamable HTTP to `<url>/mcp` with an API key. */
export async function connectMcp(url: string, apiKey: string, fetch?: FetchLike): Promise<Client> {
  const client = new Client({ name: 'gateway-e2e', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
    requestInit: { headers: { 'X-API-Key': apiKey } },
    fetch,
  });
  await client.connect(transport);
  return client;
}

/** Calls a tool and reads its one text content as JSON. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<ToolOutcome> {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as { type: string; text: string }[];
  return {
    isError: result.isError === true,
    json: JSON.parse(content[0].text) as Record<string, unknown>,
  };
}
