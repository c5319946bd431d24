import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
import { documentEffectiveDefaults } from './api-resource-operation.decorator';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import { effectiveDefaults } from 'src/catalog/resource-defaults.util';
import {
  RESOURCE_NAMES,
  type ResourceDefaults,
  type ResourceName,
} from 'src/catalog/resource-spec.type';

/** The server-side defaults in force: the built-in table with GATEWAY_DEFAULTS_FILE on top. */
@Injectable()
export class ResourceDefaultsService {
  private readonly defaults: Readonly<Record<ResourceName, ResourceDefaults>>;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    const overrides = config.resourceDefaults ?? {};
    this.defaults = Object.fromEntries(
      RESOURCE_NAMES.map((name) => [
        name,
        effectiveDefaults(RESOURCE_CATALOG[name], overrides[name]),
      ]),
    ) as Record<ResourceName, ResourceDefaults>;
    documentEffectiveDefaults((name) => this.defaults[name]);
  }

  for(resource: ResourceName): ResourceDefaults {
    return this.defaults[resource];
  }
}
