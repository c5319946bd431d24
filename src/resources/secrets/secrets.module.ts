import { Module } from '@nestjs/common';
import { ResourcesCommonModule } from 'src/resources/common/resources-common.module';
import { SecretsController } from './secrets.controller';
import { SecretsService } from './secrets.service';

@Module({
  imports: [ResourcesCommonModule],
  controllers: [SecretsController],
  providers: [SecretsService],
})
export class SecretsModule {}
