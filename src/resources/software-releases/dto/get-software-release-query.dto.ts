import { FieldsQuery } from 'src/resources/data-services/list-query.decorators';

export class GetSoftwareReleaseQueryDto {
  @FieldsQuery('software-releases')
  fields?: string;
}
