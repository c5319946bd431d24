import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { BudgetModule } from 'src/budget/budget.module';
import { CredentialsModule } from 'src/credentials/credentials.module';
import { UpstreamClient } from './upstream.client';

@Module({
  imports: [HttpModule, CredentialsModule, BudgetModule],
  providers: [UpstreamClient],
  exports: [UpstreamClient],
})
export class UpstreamModule {}
