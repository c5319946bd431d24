import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { RegionsModule } from 'src/regions/regions.module';
import { DualAuthOperationsModule } from 'src/resources/dual-auth-operations/dual-auth-operations.module';
import { IssuesModule } from 'src/resources/issues/issues.module';
import { SecretsModule } from 'src/resources/secrets/secrets.module';
import { SettingsModule } from 'src/resources/settings/settings.module';
import { SoftwareReleasesModule } from 'src/resources/software-releases/software-releases.module';
import { StorageLocationsModule } from 'src/resources/storage-locations/storage-locations.module';
import { TagsModule } from 'src/resources/tags/tags.module';
import { TasksModule } from 'src/resources/tasks/tasks.module';
import { UpstreamModule } from 'src/upstream/upstream.module';
import { McpToolCatalog } from './mcp-tool-catalog.service';
import { McpToolRunner } from './mcp-tool-runner.service';
import { McpController } from './mcp.controller';
import { McpService } from './mcp.service';

/** `/mcp`: GreenLake as tools for AI agents, over the same services as the REST surface. */
@Module({
  imports: [
    AuditModule,
    RegionsModule,
    UpstreamModule,
    TasksModule,
    IssuesModule,
    SecretsModule,
    SoftwareReleasesModule,
    StorageLocationsModule,
    TagsModule,
    SettingsModule,
    DualAuthOperationsModule,
  ],
  controllers: [McpController],
  providers: [McpToolCatalog, McpToolRunner, McpService],
})
export class McpModule {}
