import { FieldsQuery } from 'src/resources/data-services/list-query.decorators';

export class GetTaskQueryDto {
  @FieldsQuery('tasks')
  fields?: string;
}
