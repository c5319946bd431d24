import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Caller } from 'src/common/access/caller.type';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { CurrentCaller } from 'src/common/access/current-caller.decorator';
import { RequestId } from 'src/common/decorators/request-id.decorator';
import { RegionParamsDto } from 'src/common/dto/region-params.dto';
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
    @Param() params: RegionParamsDto,
    @Query() query: ListTagsQueryDto,
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string,
  ): Promise<TagListResponseDto> {
    return this.tags.listTags({ caller, region: params.region, requestId }, query);
  }
}
