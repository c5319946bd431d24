import type { Type } from '@nestjs/common';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import type { ResourceName } from 'src/catalog/resource-spec.type';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { invalidRequest } from 'src/resources/data-services/invalid-request.util';
import { MCP_DEFAULT_LIMIT, MCP_MAX_LIMIT } from 'src/mcp/mcp-limits';
import type { McpTool, McpToolContext } from 'src/mcp/mcp-tool.type';
import { callOf, onlyKnown, pick, validated } from 'src/mcp/tool-input.util';
import { listToolResult, ListPage, toolResult } from 'src/mcp/tool-result.mapper';
import {
  integerProperty,
  objectSchema,
  PropertySchema,
  stringProperty,
} from 'src/mcp/tool-schema.util';

export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, openWorldHint: true };
export const WRITES: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  openWorldHint: true,
};
export const DESTRUCTIVE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: true,
  openWorldHint: true,
};

/** What every tool factory shares: the `region` property, which names the configured regions. */
export interface ToolKit {
  region: PropertySchema;
}

interface SimpleToolSpec {
  name: string;
  description: string;
  properties: Record<string, PropertySchema>;
  required?: string[];
  annotations: ToolAnnotations;
  /** The GreenLake method of a write tool (for the audit line); none for a read tool. */
  writeMethod?: string;
  run(args: Record<string, unknown>, call: UpstreamCall, context: McpToolContext): Promise<unknown>;
}

/** A `fields` argument that names what the resource can select (others are refused as on REST). */
export function fieldsProperty(resource: ResourceName): PropertySchema {
  const selectable = RESOURCE_CATALOG[resource].select?.properties ?? [];
  return stringProperty(
    `Comma-separated top-level properties to return, e.g. id,name; selectable: ${selectable.join(', ')}`,
  );
}

/** A tool with one fixed schema, taking a region, whose JSON result is trimmed to the budget. */
export function simpleTool(kit: ToolKit, spec: SimpleToolSpec): McpTool {
  const properties = { region: kit.region, ...spec.properties };
  const inputSchema = objectSchema(properties, spec.required);
  return {
    name: spec.name,
    scope: spec.writeMethod ? 'write' : 'read',
    writeMethod: () => spec.writeMethod,
    definition: () => ({
      name: spec.name,
      description: spec.description,
      inputSchema,
      annotations: spec.annotations,
    }),
    run: async (args, context) => {
      onlyKnown(args, Object.keys(properties));
      const call = await callOf(args, context);
      return toolResult(await spec.run(args, call, context));
    },
  };
}

interface ListToolSpec<Q extends object> {
  name: string;
  description: string;
  resource: ResourceName;
  dto: Type<Q>;
  /** The friendly filters, named as the REST route's query parameters. */
  filters: Record<string, PropertySchema>;
  /** Whether the resource takes `fields` (GreenLake's select). */
  fields?: boolean;
  list(call: UpstreamCall, query: Q): Promise<ListPage>;
}

/**
 * A list tool over a resource service: the route's friendly filters, paging, sort and fields
 * (never a raw OData filter), checked by the route's own DTO, and a page that fits the budget.
 */
export function listTool<Q extends object>(kit: ToolKit, spec: ListToolSpec<Q>): McpTool {
  const { paging, sort, label } = RESOURCE_CATALOG[spec.resource];
  const paged: Record<string, PropertySchema> = paging
    ? {
        limit: integerProperty(
          paging.minLimit,
          Math.min(paging.maxLimit, MCP_MAX_LIMIT),
          'Page size',
          { default: Math.min(paging.defaultLimit, MCP_DEFAULT_LIMIT) },
        ),
        offset: { type: 'integer', minimum: 0, default: 0, description: 'Items to skip' },
      }
    : {};
  const sorting: Record<string, PropertySchema> = sort
    ? { sort: stringProperty(`"property asc|desc"; sortable: ${sort.fields.join(', ')}`) }
    : {};
  const selecting: Record<string, PropertySchema> = spec.fields
    ? { fields: fieldsProperty(spec.resource) }
    : {};
  const query = { ...spec.filters, ...paged, ...sorting, ...selecting };
  const properties = { region: kit.region, ...query };
  const inputSchema = objectSchema(properties);
  return {
    name: spec.name,
    scope: 'read',
    writeMethod: () => undefined,
    definition: () => ({
      name: spec.name,
      description: spec.description,
      inputSchema,
      annotations: READ_ONLY,
    }),
    run: async (args, context) => {
      onlyKnown(args, Object.keys(properties));
      const call = await callOf(args, context);
      const given = pick(args, Object.keys(query));
      if (paging && given.limit === undefined) {
        given.limit = Math.min(paging.defaultLimit, MCP_DEFAULT_LIMIT);
      }
      const validQuery = await validated(spec.dto, given);
      const limit = (validQuery as { limit?: number }).limit;
      if (limit !== undefined && limit > MCP_MAX_LIMIT) {
        throw invalidRequest(
          `limit must not be greater than ${MCP_MAX_LIMIT} for an MCP tool; page through ${label} with offset`,
        );
      }
      return listToolResult(await spec.list(call, validQuery));
    },
  };
}
