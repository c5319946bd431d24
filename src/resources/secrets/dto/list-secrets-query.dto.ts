import {
  FilterEnumQuery,
  FilterValueQuery,
  LimitQuery,
  RawFilterQuery,
  SortQuery,
} from 'src/resources/data-services/list-query.decorators';
import { PagedListQueryDto } from 'src/resources/data-services/paged-list-query.dto';
import { SECRET_SUBCLASSIFIERS } from 'src/resources/secrets/secret-kinds';

/** GreenLake has no `select` for secrets, hence no `fields`. */
export class ListSecretsQueryDto extends PagedListQueryDto {
  @LimitQuery('secrets')
  limit?: number;

  @SortQuery('secrets')
  sort?: string;

  @RawFilterQuery('secrets', "contains(name,'backup')")
  filter?: string;

  @FilterValueQuery(
    "The secret with this name: `name eq '<name>'` (case-sensitive)",
    'array-backup-credentials',
  )
  name?: string;

  @FilterValueQuery("Secrets of this service: `service eq '<service>'`", 'backup-and-recovery')
  service?: string;

  @FilterValueQuery("Secrets of this classifier: `classifier eq '<classifier>'`", 'SECRET')
  classifier?: string;

  @FilterEnumQuery(
    "Secrets of this kind: `subclassifier eq '<subclassifier>'`",
    SECRET_SUBCLASSIFIERS,
    'BASIC_AUTH',
  )
  subclassifier?: string;
}
