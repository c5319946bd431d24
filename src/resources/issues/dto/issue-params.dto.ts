import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RegionParamsDto } from 'src/common/dto/region-params.dto';

export class IssueParamsDto extends RegionParamsDto {
  @ApiProperty({ format: 'uuid', example: '3f2c1a9e-8b7d-4e6f-9a01-2b3c4d5e6f70' })
  @IsUUID('all', { message: 'issueId must be a UUID' })
  issueId!: string;
}
