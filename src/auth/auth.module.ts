import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyService } from './api-key.service';
import { CallerAuthGuard } from './caller-auth.guard';

@Module({
  providers: [ApiKeyService, CallerAuthGuard, { provide: APP_GUARD, useExisting: CallerAuthGuard }],
  exports: [ApiKeyService],
})
export class AuthModule {}
