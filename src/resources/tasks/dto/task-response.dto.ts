import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TaskLogMessageDto {
  @ApiProperty({ example: 'Creating virtual machine' })
  message!: string;

  @ApiProperty({ format: 'date-time' })
  timestamp!: string;
}

/** A GreenLake async-operation, as GreenLake describes it (fields shown are the common ones). */
export class TaskResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'task' })
  type!: string;

  @ApiPropertyOptional({ example: 'Create virtual machine' })
  displayName?: string;

  @ApiPropertyOptional({
    example: 'RUNNING',
    description: 'INITIALIZED, RUNNING, SUCCEEDED, FAILED, TIMEDOUT, PAUSED, CANCELLED',
  })
  state?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, example: 40 })
  progressPercent?: number;

  @ApiPropertyOptional({ type: [String], example: ['backup-and-recovery'] })
  services?: string[];

  @ApiPropertyOptional({ type: [TaskLogMessageDto] })
  logMessages?: TaskLogMessageDto[];

  @ApiPropertyOptional({ example: 30 })
  suggestedPollingIntervalSeconds?: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({
    example: '/data-services/v1beta1/async-operations/8e594a77-3809-4620-be52-74270abdf60b',
  })
  resourceUri!: string;
}

export class TaskListResponseDto {
  @ApiProperty({ type: [TaskResponseDto] })
  items!: TaskResponseDto[];

  @ApiProperty({ example: 100 })
  count!: number;

  @ApiProperty({ example: 0 })
  offset!: number;

  @ApiPropertyOptional({ example: 250 })
  total?: number;
}
