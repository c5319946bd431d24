import type { SettingsService } from 'src/resources/settings/settings.service';
import type { SoftwareReleasesService } from 'src/resources/software-releases/software-releases.service';
import type { StorageLocationsService } from 'src/resources/storage-locations/storage-locations.service';
import type { TagsService } from 'src/resources/tags/tags.service';
import { ListSettingsQueryDto } from 'src/resources/settings/dto/list-settings-query.dto';
import { ListSoftwareReleasesQueryDto } from 'src/resources/software-releases/dto/list-software-releases-query.dto';
import { ListStorageLocationsQueryDto } from 'src/resources/storage-locations/dto/list-storage-locations-query.dto';
import { ListTagsQueryDto } from 'src/resources/tags/dto/list-tags-query.dto';
import type { McpTool } from 'src/mcp/mcp-tool.type';
import { stringProperty, uuidProperty } from 'src/mcp/tool-schema.util';
import { listTool, ToolKit } from './tool-builders.util';

export interface CatalogServices {
  releases: SoftwareReleasesService;
  locations: StorageLocationsService;
  tags: TagsService;
  settings: SettingsService;
}

/** The read-only lists: software releases, storage locations, tags and settings. */
export function catalogTools(kit: ToolKit, services: CatalogServices): McpTool[] {
  return [
    listTool(kit, {
      name: 'list_software_releases',
      description: 'List software releases available for download (appliances, agents).',
      resource: 'software-releases',
      dto: ListSoftwareReleasesQueryDto,
      fields: true,
      filters: {
        softwareComponentId: uuidProperty('Releases of this software component'),
        version: stringProperty('Exact version, e.g. 2.4.1'),
      },
      list: (call, query) => services.releases.listSoftwareReleases(call, query),
    }),
    listTool(kit, {
      name: 'list_storage_locations',
      description: 'List backup storage locations (cloud regions data can be protected to).',
      resource: 'storage-locations',
      dto: ListStorageLocationsQueryDto,
      filters: { capability: stringProperty('e.g. backup-and-recovery') },
      list: (call, query) => services.locations.listStorageLocations(call, query),
    }),
    listTool(kit, {
      name: 'list_tags',
      description: 'List the tag keys and values in use.',
      resource: 'tags',
      dto: ListTagsQueryDto,
      filters: { key: stringProperty('Exact key'), value: stringProperty('Exact value') },
      list: (call, query) => services.tags.listTags(call, query),
    }),
    listTool(kit, {
      name: 'list_settings',
      description: 'List customer settings with their current and possible values.',
      resource: 'settings',
      dto: ListSettingsQueryDto,
      fields: true,
      filters: { name: stringProperty('Exact name, e.g. AUDIT_LOG_RETENTION_DAYS') },
      list: (call, query) => services.settings.listSettings(call, query),
    }),
  ];
}
