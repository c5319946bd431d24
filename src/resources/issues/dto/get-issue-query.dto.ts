import { FieldsQuery } from 'src/resources/data-services/list-query.decorators';

export class GetIssueQueryDto {
  @FieldsQuery('issues')
  fields?: string;
}
