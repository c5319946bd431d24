import {
  FilterValueQuery,
  RawFilterQuery,
} from 'src/resources/data-services/list-query.decorators';

/** GreenLake neither pages, sorts nor selects storage locations: only filters them. */
export class ListStorageLocationsQueryDto {
  @RawFilterQuery('storage-locations', "'backup-and-recovery' in capabilities")
  filter?: string;

  @FilterValueQuery(
    "Locations with this capability: `'<capability>' in capabilities`",
    'backup-and-recovery',
  )
  capability?: string;
}
