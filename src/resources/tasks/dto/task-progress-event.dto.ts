import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TaskLogMessageDto } from './task-response.dto';

/** The `data:` of an `event: progress` message of `/events`. */
export class TaskProgressEventDto {
  @ApiPropertyOptional({ example: 'RUNNING' })
  state?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, example: 40 })
  progressPercent?: number;

  @ApiProperty({
    type: [TaskLogMessageDto],
    description: 'Only the log messages not sent in an earlier event',
  })
  logMessages!: TaskLogMessageDto[];
}
