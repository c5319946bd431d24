import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { ApiKeyService } from './api-key.service';
import { CallerAuthGuard } from './caller-auth.guard';
import { passportProvider } from './passport.provider';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { JwtStrategy } from './strategies/jwt.strategy';

/**
 * Who is calling: the passport strategies (API key, JWT) and the guard that runs them. The guard
 * is registered globally in AppModule, before the rate limiter, which needs the caller.
 */
@Module({
  imports: [AuditModule],
  providers: [ApiKeyService, ApiKeyStrategy, JwtStrategy, passportProvider, CallerAuthGuard],
  exports: [ApiKeyService, CallerAuthGuard],
})
export class AuthModule {}
