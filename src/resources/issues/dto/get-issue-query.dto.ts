import { FieldsQuery } from 'src/resources/common/list-query.decorators';

export class GetIssueQueryDto {
  @FieldsQuery('issues')
  fields?: string;
}
