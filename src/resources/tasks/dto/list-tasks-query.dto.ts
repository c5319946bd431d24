import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListTasksQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 1000,
    default: 100,
    description: 'Page size (GreenLake maximum 1000)',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000, { message: 'limit must not be greater than 1000 (the GreenLake maximum for tasks)' })
  @IsOptional()
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @IsOptional()
  offset?: number;
}
