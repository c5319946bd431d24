import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditInterceptor } from './audit.interceptor';
import { AuditService } from './audit.service';

/**
 * The audit trail. Import it to call `AuditService.record()`; handlers usually only enrich their
 * request's line through `request.auditContext` (see audit-entry.type.ts).
 */
@Module({
  providers: [
    AuditService,
    AuditInterceptor,
    { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor },
  ],
  exports: [AuditService],
})
export class AuditModule {}
