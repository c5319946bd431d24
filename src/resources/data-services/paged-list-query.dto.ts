import { BooleanQuery, MaxItemsQuery, OffsetQuery } from './list-query.decorators';
import { MAX_ITEMS_LIMIT } from 'src/catalog/resource-defaults.util';

/** offset, all and maxItems: the paging parameters every paged list shares. */
export class PagedListQueryDto {
  @OffsetQuery()
  offset?: number;

  @BooleanQuery(
    'Read every page (at the maximum page size) and return them as one list in the same envelope',
  )
  all?: boolean;

  @MaxItemsQuery(MAX_ITEMS_LIMIT)
  maxItems?: number;
}
