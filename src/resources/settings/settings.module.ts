import { Module } from '@nestjs/common';
import { ResourcesCommonModule } from 'src/resources/common/resources-common.module';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';

@Module({
  imports: [ResourcesCommonModule],
  controllers: [SettingsController],
  providers: [SettingsService],
})
export class SettingsModule {}
