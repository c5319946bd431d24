import { SetMetadata } from '@nestjs/common';

export const AUDITED_PER_CALL = 'gateway:auditedPerCall';

/**
 * The route writes its own audit lines, one per operation it carries (the MCP endpoint: one per
 * tool call), so the audit hook does not add one per HTTP request.
 */
export const AuditedPerCall = (): MethodDecorator & ClassDecorator =>
  SetMetadata(AUDITED_PER_CALL, true);
