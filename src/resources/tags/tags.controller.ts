import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { ResolvedCall } from 'src/regions/resolved-call.decorator';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { ApiResourceOperation } from 'src/resources/data-services/api-resource-operation.decorator';
import { ListTagsQueryDto } from './dto/list-tags-query.dto';
import { TagListResponseDto } from './dto/tag-list-response.dto';
import { TagsService } from './tags.service';

@ApiTags('Tags')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@Controller('regions/:region/tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @ApiResourceOperation({
    resource: 'tags',
    list: true,
    summary: 'List tags (key/value pairs)',
    description:
      '`key` and `value` become GreenLake filter conditions, AND-ed with each other and with ' +
      "`filter` (which also knows `ne`, `contains` and `startswith(key,'x')`). Sort on one property; " +
      'GreenLake then adds `key asc`.',
  })
  @ApiOkResponse({ type: TagListResponseDto })
  listTags(
    @Query() query: ListTagsQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<TagListResponseDto> {
    return this.tags.listTags(call, query);
  }
}
