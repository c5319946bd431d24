import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import {
  FieldsQuery,
  FilterEnumQuery,
  FilterValueQuery,
  LimitQuery,
  RawFilterQuery,
  SortQuery,
  TimestampQuery,
} from 'src/resources/data-services/list-query.decorators';
import { PagedListQueryDto } from 'src/resources/data-services/paged-list-query.dto';

export const TASK_STATES = [
  'INITIALIZED',
  'RUNNING',
  'FAILED',
  'SUCCEEDED',
  'TIMEDOUT',
  'PAUSED',
  'CANCELLED',
  'UNSPECIFIED',
] as const;

export class ListTasksQueryDto extends PagedListQueryDto {
  @LimitQuery('tasks')
  limit?: number;

  @SortQuery('tasks')
  sort?: string;

  @FieldsQuery('tasks')
  fields?: string;

  @RawFilterQuery('tasks', "displayName eq 'Create datastore'")
  filter?: string;

  @FilterValueQuery("Tasks of this service: `'<service>' in services`", 'backup-and-recovery')
  service?: string;

  @FilterEnumQuery("Tasks in this state: `state eq '<state>'`", TASK_STATES, 'RUNNING')
  state?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '8e594a77-3809-4620-be52-74270abdf60b',
    description: "Children of this task: `parent/id eq '<id>'`",
  })
  @IsUUID('all', { message: 'parentId must be a UUID' })
  @IsOptional()
  parentId?: string;

  @TimestampQuery("Created after this time: `createdAt gt '<time>'`", '2024-05-01T00:00:00Z')
  createdAfter?: string;

  @TimestampQuery("Created before this time: `createdAt lt '<time>'`", '2024-06-01')
  createdBefore?: string;
}
