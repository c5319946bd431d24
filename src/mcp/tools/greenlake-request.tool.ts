import { GatewayError } from 'src/common/errors/gateway-error';
import { acceptedTaskOf } from 'src/proxy/accepted-task.mapper';
import { passThroughTargetOf } from 'src/proxy/proxy-path.util';
import { invalidRequest } from 'src/resources/data-services/invalid-request.util';
import { MERGE_PATCH } from 'src/resources/data-services/data-services.client';
import type { UpstreamClient } from 'src/upstream/upstream.client';
import { ALL_METHODS, GreenLakeRequestDto, READ_METHODS } from 'src/mcp/dto/greenlake-request.dto';
import type { McpTool } from 'src/mcp/mcp-tool.type';
import { callOf, onlyKnown, pick, validated } from 'src/mcp/tool-input.util';
import { toolResult } from 'src/mcp/tool-result.mapper';
import { enumProperty, objectSchema, stringProperty } from 'src/mcp/tool-schema.util';
import { DESTRUCTIVE, READ_ONLY, ToolKit } from './tool-builders.util';

const NAME = 'greenlake_request';
const FIELDS = ['method', 'path', 'query', 'body'] as const;
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const WRITE_METHODS = new Set<unknown>(ALL_METHODS.filter((method) => method !== 'GET'));
const QUERY_VALUE = { type: ['string', 'number', 'boolean'] };

/**
 * The generic tool: any GreenLake path on the region's host through the pass-through's checks,
 * with the gateway's token. Callers without `write` see (and may use) GET only.
 */
export function greenLakeRequestTool(kit: ToolKit, upstream: UpstreamClient): McpTool {
  const schemaFor = (canWrite: boolean) =>
    objectSchema(
      {
        region: kit.region,
        method: enumProperty(canWrite ? ALL_METHODS : READ_METHODS),
        path: stringProperty(
          'GreenLake API path, e.g. /virtualization/v1beta1/virtual-machines (no query string)',
        ),
        query: {
          type: 'object',
          additionalProperties: { anyOf: [QUERY_VALUE, { type: 'array', items: QUERY_VALUE }] },
          description: 'Query parameters, e.g. {"limit": 10}',
        },
        ...(canWrite
          ? { body: { description: 'JSON body of POST, PUT or PATCH (PATCH: a merge patch)' } }
          : {}),
      },
      ['method', 'path'],
    );
  const readOnly = {
    name: NAME,
    description:
      'GET any other GreenLake API path (virtualization, backup-recovery, block-storage, ...).',
    inputSchema: schemaFor(false),
    annotations: READ_ONLY,
  };
  const readWrite = {
    name: NAME,
    description:
      'Call any other GreenLake API path; a 202 gives a taskId to follow with wait_for_task.',
    inputSchema: schemaFor(true),
    annotations: DESTRUCTIVE,
  };
  return {
    name: NAME,
    scope: 'read',
    // Only a real write method counts; anything else is refused by validation, unaudited
    writeMethod: (args) => (WRITE_METHODS.has(args.method) ? (args.method as string) : undefined),
    definition: (canWrite) => (canWrite ? readWrite : readOnly),
    run: async (args, context) => {
      onlyKnown(args, ['region', ...FIELDS]);
      const call = await callOf(args, context);
      const input = await validated(GreenLakeRequestDto, pick(args, FIELDS));
      if (input.path.includes('?')) {
        throw invalidRequest('path must not hold a query string: give the parameters in query');
      }
      if (input.body !== undefined && !WITH_BODY.has(input.method)) {
        throw invalidRequest(`body is only sent with POST, PUT or PATCH, not ${input.method}`);
      }
      const target = passThroughTargetOf(input.path.replace(/^\/+/, ''), rawQueryOf(input.query));
      const answer = await upstream
        .request<unknown>(call, {
          method: input.method,
          path: target.path,
          rawQuery: target.rawQuery,
          body: input.body,
          contentType: input.method === 'PATCH' ? MERGE_PATCH : 'application/json',
        })
        .catch((error: unknown) => {
          if (error instanceof GatewayError && error.upstream) {
            context.audit.upstreamStatus = error.upstream.status;
          }
          throw error;
        });
      context.audit.upstreamStatus = answer.status;
      const accepted = acceptedTaskOf(answer.status, answer.headers, call.region.name);
      if (accepted) {
        return toolResult({
          status: 202,
          taskId: accepted.taskId,
          upstreamLocation: accepted.upstreamLocation,
          note: `GreenLake accepted the work: follow it with wait_for_task {"region": "${call.region.name}", "taskId": "${accepted.taskId}"}.`,
        });
      }
      const location = answer.headers.location;
      return toolResult({
        status: answer.status,
        ...(typeof location === 'string' ? { location } : {}),
        body: answer.data === '' ? null : answer.data,
      });
    },
  };
}

/** `{limit: 10, select: ['id', 'name']}` → `limit=10&select=id&select=name`, every part encoded. */
function rawQueryOf(query: Record<string, unknown> | undefined): string | undefined {
  if (!query) {
    return undefined;
  }
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!['string', 'number', 'boolean'].includes(typeof item)) {
        throw invalidRequest(
          `query.${name} must be a string, number or boolean (or a list of them)`,
        );
      }
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`);
    }
  }
  return parts.length > 0 ? parts.join('&') : undefined;
}
