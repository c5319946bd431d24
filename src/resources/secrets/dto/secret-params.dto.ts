import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RegionParamsDto } from 'src/common/dto/region-params.dto';

export class SecretParamsDto extends RegionParamsDto {
  @ApiProperty({ format: 'uuid', example: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427' })
  @IsUUID('all', { message: 'secretId must be a UUID' })
  secretId!: string;
}
