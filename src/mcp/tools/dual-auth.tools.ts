import type { DualAuthOperationsService } from 'src/resources/dual-auth-operations/dual-auth-operations.service';
import { DualAuthOperationParamsDto } from 'src/resources/dual-auth-operations/dto/dual-auth-operation-params.dto';
import { ListDualAuthOperationsQueryDto } from 'src/resources/dual-auth-operations/dto/list-dual-auth-operations-query.dto';
import type { DualAuthDecision } from 'src/resources/dual-auth-operations/dto/update-dual-auth-operation.dto';
import type { McpTool } from 'src/mcp/mcp-tool.type';
import { pick, validated } from 'src/mcp/tool-input.util';
import { stringProperty, uuidProperty } from 'src/mcp/tool-schema.util';
import { DESTRUCTIVE, listTool, simpleTool, ToolKit } from './tool-builders.util';

const operationId = uuidProperty('Operation id (from list_dual_auth_operations)');

/** list_dual_auth_operations, approve_dual_auth_operation and cancel_dual_auth_operation. */
export function dualAuthTools(kit: ToolKit, operations: DualAuthOperationsService): McpTool[] {
  const decide = (name: string, state: DualAuthDecision, description: string): McpTool =>
    simpleTool(kit, {
      name,
      description,
      properties: { operationId },
      required: ['operationId'],
      // Approving lets a guarded (often destructive) operation run; cancelling throws it away
      annotations: DESTRUCTIVE,
      writeMethod: 'PATCH',
      run: async (args, call) => {
        const params = await validated(DualAuthOperationParamsDto, {
          region: call.region.name,
          ...pick(args, ['operationId']),
        });
        return operations.updateDualAuthOperation(call, params.operationId, { state });
      },
    });
  return [
    listTool(kit, {
      name: 'list_dual_auth_operations',
      description: "List operations awaiting (or past) a second person's approval.",
      resource: 'dual-auth-operations',
      dto: ListDualAuthOperationsQueryDto,
      fields: true,
      filters: {
        state: stringProperty('e.g. PENDING, APPROVED, CANCELLED'),
        requestedByEmail: stringProperty('Who asked for it'),
      },
      list: (call, query) => operations.listDualAuthOperations(call, query),
    }),
    decide(
      'approve_dual_auth_operation',
      'APPROVED',
      'Approve a PENDING dual-auth operation so that it runs.',
    ),
    decide(
      'cancel_dual_auth_operation',
      'CANCELLED',
      'Cancel (refuse) a PENDING dual-auth operation.',
    ),
  ];
}
