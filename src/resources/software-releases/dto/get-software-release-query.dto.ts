import { FieldsQuery } from 'src/resources/common/list-query.decorators';

export class GetSoftwareReleaseQueryDto {
  @FieldsQuery('software-releases')
  fields?: string;
}
