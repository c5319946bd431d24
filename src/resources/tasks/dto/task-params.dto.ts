import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RegionParamsDto } from 'src/common/dto/region-params.dto';

export class TaskParamsDto extends RegionParamsDto {
  @ApiProperty({ format: 'uuid', example: '8e594a77-3809-4620-be52-74270abdf60b' })
  @IsUUID('all', { message: 'taskId must be a UUID' })
  taskId!: string;
}
