import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RegionParamsDto } from 'src/common/dto/region-params.dto';

export class SettingParamsDto extends RegionParamsDto {
  @ApiProperty({ format: 'uuid', example: '2c5ea4c0-4067-4b2e-9a5c-7d1f0e3b6a48' })
  @IsUUID('all', { message: 'settingId must be a UUID' })
  settingId!: string;
}
