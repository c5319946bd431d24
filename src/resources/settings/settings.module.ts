import { Module } from '@nestjs/common';
import { DataServicesModule } from 'src/resources/data-services/data-services.module';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';

@Module({
  imports: [DataServicesModule],
  controllers: [SettingsController],
  providers: [SettingsService],
  exports: [SettingsService],
})
export class SettingsModule {}
