import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RegionParamsDto } from 'src/common/dto/region-params.dto';

export class SoftwareReleaseParamsDto extends RegionParamsDto {
  @ApiProperty({ format: 'uuid', example: '9d5ed678-fe57-4cca-b2a5-3c1b2a3f4e5d' })
  @IsUUID('all', { message: 'releaseId must be a UUID' })
  releaseId!: string;
}
