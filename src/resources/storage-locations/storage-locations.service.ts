import { Injectable } from '@nestjs/common';
import { DataServicesClient } from 'src/resources/data-services/data-services.client';
import { friendlyFilters, FriendlyFilterTable, memberOf } from 'src/catalog/odata-filter.util';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type { ListWire } from 'src/upstream/wire/list.wire';
import type { StorageLocationWire } from 'src/upstream/wire/storage-location.wire';
import { ListStorageLocationsQueryDto } from './dto/list-storage-locations-query.dto';

const LOCATION_FILTERS: FriendlyFilterTable<ListStorageLocationsQueryDto> = {
  capability: (value) => memberOf(value, 'capabilities'),
};

@Injectable()
export class StorageLocationsService {
  constructor(private readonly dataServices: DataServicesClient) {}

  listStorageLocations(
    call: UpstreamCall,
    query: ListStorageLocationsQueryDto,
  ): Promise<ListWire<StorageLocationWire>> {
    return this.dataServices.list<StorageLocationWire>(
      'storage-locations',
      call,
      { filter: query.filter },
      friendlyFilters(query, LOCATION_FILTERS),
    );
  }
}
