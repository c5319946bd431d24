import {
  FieldsQuery,
  FilterValueQuery,
  LimitQuery,
  RawFilterQuery,
  SortQuery,
} from 'src/resources/data-services/list-query.decorators';
import { PagedListQueryDto } from 'src/resources/data-services/paged-list-query.dto';

export class ListSettingsQueryDto extends PagedListQueryDto {
  @LimitQuery('settings')
  limit?: number;

  @SortQuery('settings')
  sort?: string;

  @FieldsQuery('settings')
  fields?: string;

  @RawFilterQuery('settings', "externalApplicationName eq 'Backup and Recovery'")
  filter?: string;

  @FilterValueQuery("The setting with this name: `name eq '<name>'`", 'AUDIT_LOG_RETENTION_DAYS')
  name?: string;
}
