import {
  FieldsQuery,
  FilterValueQuery,
  LimitQuery,
  RawFilterQuery,
  SortQuery,
} from 'src/resources/data-services/list-query.decorators';
import { PagedListQueryDto } from 'src/resources/data-services/paged-list-query.dto';

export class ListDualAuthOperationsQueryDto extends PagedListQueryDto {
  @LimitQuery('dual-auth-operations')
  limit?: number;

  @SortQuery('dual-auth-operations')
  sort?: string;

  @FieldsQuery('dual-auth-operations')
  fields?: string;

  @RawFilterQuery('dual-auth-operations', "resourceType eq 'ISSUE'")
  filter?: string;

  @FilterValueQuery(
    "Operations in this state: `state eq '<state>'` (PENDING, APPROVED, CANCELLED, ...)",
    'PENDING',
  )
  state?: string;

  @FilterValueQuery(
    "Operations requested by this person: `requestedByEmail eq '<email>'`",
    'ops@example.com',
  )
  requestedByEmail?: string;
}
