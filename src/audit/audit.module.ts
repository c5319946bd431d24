import { Module } from '@nestjs/common';
import { AuditHook } from './audit.hook';
import { AuditService } from './audit.service';

/**
 * The audit trail: bootstrap registers `AuditHook` on the HTTP server. Handlers only enrich their
 * request's line through `request.auditContext` (see audit-entry.type.ts).
 */
@Module({
  providers: [AuditService, AuditHook],
  exports: [AuditService, AuditHook],
})
export class AuditModule {}
