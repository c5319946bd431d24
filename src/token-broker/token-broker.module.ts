import { Module } from '@nestjs/common';
import { CredentialsModule } from 'src/credentials/credentials.module';
import { RegionsModule } from 'src/regions/regions.module';
import { TokenAdminController } from './token-admin.controller';
import { TokenBrokerController } from './token-broker.controller';
import { TokenBrokerService } from './token-broker.service';

@Module({
  imports: [CredentialsModule, RegionsModule],
  controllers: [TokenBrokerController, TokenAdminController],
  providers: [TokenBrokerService],
})
export class TokenBrokerModule {}
