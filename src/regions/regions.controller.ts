import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { RegionRegistry } from 'src/regions/region-registry.service';
import { RegionListResponseDto } from './dto/region-response.dto';

@ApiTags('Regions')
@ApiSecurity('api-key')
// No input to validate, so no 400
@ApiGatewayErrors(404, 502, 503, 504)
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionRegistry) {}

  @Get()
  @ApiOperation({ summary: 'List the configured GreenLake regions, their base URLs and aliases' })
  listRegions(): RegionListResponseDto {
    const defaultRegion = this.regions.defaultRegion.name;
    const items = this.regions.all.map((region) => ({
      ...region,
      aliases: [...region.aliases],
      default: region.name === defaultRegion,
    }));
    return { items, count: items.length, defaultRegion };
  }
}
