import {
  FilterValueQuery,
  LimitQuery,
  RawFilterQuery,
  SortQuery,
} from 'src/resources/data-services/list-query.decorators';
import { PagedListQueryDto } from 'src/resources/data-services/paged-list-query.dto';

/** GreenLake's tags `select` only accepts "all fields", hence no `fields`. */
export class ListTagsQueryDto extends PagedListQueryDto {
  @LimitQuery('tags')
  limit?: number;

  @SortQuery('tags')
  sort?: string;

  @RawFilterQuery('tags', "startswith(key,'env')")
  filter?: string;

  @FilterValueQuery("Tags with this key: `key eq '<key>'`", 'environment')
  key?: string;

  @FilterValueQuery("Tags with this value: `value eq '<value>'`", 'production')
  value?: string;
}
