import { Injectable } from '@nestjs/common';
import { DataServicesClient } from 'src/resources/data-services/data-services.client';
import { eq, FriendlyFilterTable } from 'src/catalog/odata-filter.util';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type { ListWire } from 'src/upstream/wire/list.wire';
import type { TagWire } from 'src/upstream/wire/tag.wire';
import { ListTagsQueryDto } from './dto/list-tags-query.dto';

const TAG_FILTERS: FriendlyFilterTable<ListTagsQueryDto> = {
  key: (value) => eq('key', value),
  value: (value) => eq('value', value),
};

@Injectable()
export class TagsService {
  constructor(private readonly dataServices: DataServicesClient) {}

  listTags(call: UpstreamCall, query: ListTagsQueryDto): Promise<ListWire<TagWire>> {
    return this.dataServices.list<TagWire>('tags', call, query, TAG_FILTERS);
  }
}
