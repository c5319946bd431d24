import { Controller, Delete, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { RESOURCE_NAMES } from 'src/catalog/resource-spec.type';
import { RequireScope } from 'src/common/access/require-scope.decorator';
import { ApiGatewayErrors } from 'src/common/decorators/api-gateway-errors.decorator';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { RegionRegistry } from 'src/regions/region-registry.service';
import type { CacheScope } from './cache-key.util';
import { PurgeCacheQueryDto } from './dto/purge-cache-query.dto';
import { PurgeCacheResponseDto } from './dto/purge-cache-response.dto';
import { ResponseCacheService } from './response-cache.service';

@ApiTags('Operators')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@RequireScope('admin')
@Controller('admin/cache')
export class CacheAdminController {
  constructor(
    private readonly cache: ResponseCacheService,
    private readonly regions: RegionRegistry,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Delete()
  @ApiOperation({
    summary: 'Purge cached answers (scope admin)',
    description:
      'Drops the cached GreenLake answers of every credential profile, on every replica (Redis), ' +
      'optionally only those of one region and/or one resource. The next read goes to GreenLake.',
  })
  @ApiOkResponse({ type: PurgeCacheResponseDto })
  async purgeCache(@Query() query: PurgeCacheQueryDto): Promise<PurgeCacheResponseDto> {
    const region = query.region === undefined ? undefined : this.regions.resolve(query.region).name;
    const regions = region ? [region] : this.regions.all.map((known) => known.name);
    const resources = query.resource ? [query.resource] : [...RESOURCE_NAMES];
    // The catalog's scopes are voided even where nothing is stored yet, so that an answer in
    // flight during the purge is not stored under the old generation
    const known: CacheScope[] = this.config.credentials.profiles.flatMap((profile) =>
      regions.flatMap((name) =>
        resources.map((resource) => ({ profile: profile.name, region: name, resource })),
      ),
    );
    const purged = await this.cache.purge({ region, resource: query.resource }, known);
    return { purged };
  }
}
