import { FieldsQuery } from 'src/resources/common/list-query.decorators';

export class GetTaskQueryDto {
  @FieldsQuery('tasks')
  fields?: string;
}
