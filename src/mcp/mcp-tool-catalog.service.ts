import { Injectable } from '@nestjs/common';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Caller } from 'src/common/access/caller.type';
import { RegionRegistry } from 'src/regions/region-registry.service';
import { DualAuthOperationsService } from 'src/resources/dual-auth-operations/dual-auth-operations.service';
import { IssuesService } from 'src/resources/issues/issues.service';
import { SecretsService } from 'src/resources/secrets/secrets.service';
import { SettingsService } from 'src/resources/settings/settings.service';
import { SoftwareReleasesService } from 'src/resources/software-releases/software-releases.service';
import { StorageLocationsService } from 'src/resources/storage-locations/storage-locations.service';
import { TagsService } from 'src/resources/tags/tags.service';
import { TaskWaitService } from 'src/resources/tasks/task-wait.service';
import { TasksService } from 'src/resources/tasks/tasks.service';
import { UpstreamClient } from 'src/upstream/upstream.client';
import type { McpTool } from './mcp-tool.type';
import { stringProperty } from './tool-schema.util';
import { catalogTools } from './tools/catalog.tools';
import { dualAuthTools } from './tools/dual-auth.tools';
import { greenLakeRequestTool } from './tools/greenlake-request.tool';
import { issueTools } from './tools/issue.tools';
import { regionTools } from './tools/region.tools';
import { secretTools } from './tools/secret.tools';
import { taskTools } from './tools/task.tools';
import type { ToolKit } from './tools/tool-builders.util';

/** Every MCP tool, built once over the gateway's services; what each caller may see of them. */
@Injectable()
export class McpToolCatalog {
  private readonly tools: readonly McpTool[];
  private readonly byName: ReadonlyMap<string, McpTool>;

  constructor(
    regions: RegionRegistry,
    tasks: TasksService,
    waits: TaskWaitService,
    issues: IssuesService,
    secrets: SecretsService,
    releases: SoftwareReleasesService,
    locations: StorageLocationsService,
    tags: TagsService,
    settings: SettingsService,
    operations: DualAuthOperationsService,
    upstream: UpstreamClient,
  ) {
    const names = regions.all.map((region) => region.name).join(', ');
    const kit: ToolKit = {
      region: stringProperty(
        `Region name or alias (${names}); default ${regions.defaultRegion.name}`,
      ),
    };
    this.tools = [
      ...regionTools(regions),
      ...taskTools(kit, tasks, waits),
      ...issueTools(kit, issues),
      ...secretTools(kit, secrets),
      ...catalogTools(kit, { releases, locations, tags, settings }),
      ...dualAuthTools(kit, operations),
      greenLakeRequestTool(kit, upstream),
    ];
    this.byName = new Map(this.tools.map((tool) => [tool.name, tool]));
  }

  find(name: string): McpTool | undefined {
    return this.byName.get(name);
  }

  /** The tools a caller may call, as `tools/list` shows them: write tools only with `write`. */
  visibleTo(caller: Caller): Tool[] {
    const canWrite = caller.scopes.includes('write');
    return this.tools
      .filter((tool) => tool.scope === 'read' || canWrite)
      .map((tool) => tool.definition(canWrite));
  }
}
