import {
  FieldsQuery,
  FilterEnumQuery,
  FilterValueQuery,
  LimitQuery,
  RawFilterQuery,
  SortQuery,
} from 'src/resources/data-services/list-query.decorators';
import { PagedListQueryDto } from 'src/resources/data-services/paged-list-query.dto';

/** CRITICAL, WARNING, INFO for issues; HIGH, MEDIUM, LOW for recommendations. */
export const ISSUE_SEVERITIES = ['CRITICAL', 'WARNING', 'INFO', 'HIGH', 'MEDIUM', 'LOW'] as const;

export class ListIssuesQueryDto extends PagedListQueryDto {
  @LimitQuery('issues')
  limit?: number;

  @SortQuery('issues')
  sort?: string;

  @FieldsQuery('issues')
  fields?: string;

  @RawFilterQuery('issues', "sourceResourceType eq 'volume'")
  filter?: string;

  @FilterEnumQuery(
    "Issues of this severity: `severity eq '<severity>'`",
    ISSUE_SEVERITIES,
    'CRITICAL',
  )
  severity?: string;

  @FilterValueQuery("Issues of this category: `category eq '<category>'`", 'PERFORMANCE')
  category?: string;

  @FilterValueQuery(
    "Issues in this state: `state eq '<state>'` (GreenLake returns only active, CREATED, issues)",
    'CREATED',
  )
  state?: string;

  @FilterValueQuery("Issues of this service: `'<service>' in services`", 'data-ops-manager')
  service?: string;
}
