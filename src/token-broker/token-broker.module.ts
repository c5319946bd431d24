import { Module } from '@nestjs/common';
import { CredentialsModule } from 'src/credentials/credentials.module';
import { UpstreamModule } from 'src/upstream/upstream.module';
import { TokenAdminController } from './token-admin.controller';
import { TokenBrokerController } from './token-broker.controller';
import { TokenBrokerService } from './token-broker.service';

@Module({
  imports: [CredentialsModule, UpstreamModule],
  controllers: [TokenBrokerController, TokenAdminController],
  providers: [TokenBrokerService],
})
export class TokenBrokerModule {}
