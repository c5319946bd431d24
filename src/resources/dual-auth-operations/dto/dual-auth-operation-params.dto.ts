import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RegionParamsDto } from 'src/common/dto/region-params.dto';

export class DualAuthOperationParamsDto extends RegionParamsDto {
  @ApiProperty({ format: 'uuid', example: '0d9f8e7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f' })
  @IsUUID('all', { message: 'operationId must be a UUID' })
  operationId!: string;
}
