import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_WAIT_SECONDS = 300;

export class WaitForTaskQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_WAIT_SECONDS,
    default: 30,
    example: 60,
    description:
      'How long to wait for the task to settle before answering 202 with it as it stands',
  })
  @Type(() => Number)
  @IsInt({ message: 'timeoutSeconds must be a whole number of seconds' })
  @Min(0)
  @Max(MAX_WAIT_SECONDS, {
    message: `timeoutSeconds must not be greater than ${MAX_WAIT_SECONDS}`,
  })
  @IsOptional()
  timeoutSeconds?: number;
}
