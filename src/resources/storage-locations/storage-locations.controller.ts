import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Caller } from 'src/common/access/caller.type';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { CurrentCaller } from 'src/common/access/current-caller.decorator';
import { RequestId } from 'src/common/decorators/request-id.decorator';
import { RegionParamsDto } from 'src/common/dto/region-params.dto';
import { ApiResourceOperation } from 'src/resources/data-services/api-resource-operation.decorator';
import { ListStorageLocationsQueryDto } from './dto/list-storage-locations-query.dto';
import { StorageLocationListResponseDto } from './dto/storage-location-list-response.dto';
import { StorageLocationsService } from './storage-locations.service';

@ApiTags('Storage locations')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@Controller('regions/:region/storage-locations')
export class StorageLocationsController {
  constructor(private readonly locations: StorageLocationsService) {}

  @Get()
  @ApiResourceOperation({
    resource: 'storage-locations',
    list: true,
    summary: 'List the storage locations (cloud regions) for backups',
    description:
      "`capability` becomes `'<capability>' in capabilities`, AND-ed with `filter`. GreenLake " +
      'knows no other condition here, and no parentheses.',
  })
  @ApiOkResponse({ type: StorageLocationListResponseDto })
  listStorageLocations(
    @Param() params: RegionParamsDto,
    @Query() query: ListStorageLocationsQueryDto,
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string,
  ): Promise<StorageLocationListResponseDto> {
    return this.locations.listStorageLocations({ caller, region: params.region, requestId }, query);
  }
}
