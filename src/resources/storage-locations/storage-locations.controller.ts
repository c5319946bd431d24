import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { ResolvedCall } from 'src/regions/resolved-call.decorator';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
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
    @Query() query: ListStorageLocationsQueryDto,
    @ResolvedCall() call: UpstreamCall,
  ): Promise<StorageLocationListResponseDto> {
    return this.locations.listStorageLocations(call, query);
  }
}
