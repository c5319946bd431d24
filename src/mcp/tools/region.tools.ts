import type { RegionRegistry } from 'src/regions/region-registry.service';
import type { McpTool } from 'src/mcp/mcp-tool.type';
import { onlyKnown } from 'src/mcp/tool-input.util';
import { toolResult } from 'src/mcp/tool-result.mapper';
import { objectSchema } from 'src/mcp/tool-schema.util';
import { READ_ONLY } from './tool-builders.util';

/** list_regions: what the `region` argument of every other tool may name. */
export function regionTools(regions: RegionRegistry): McpTool[] {
  const definition = {
    name: 'list_regions',
    description: 'List the GreenLake regions this gateway reaches (names, aliases, the default).',
    inputSchema: objectSchema({}),
    annotations: { ...READ_ONLY, openWorldHint: false },
  };
  return [
    {
      name: definition.name,
      scope: 'read',
      writeMethod: () => undefined,
      definition: () => definition,
      run: (args) => {
        onlyKnown(args, []);
        const defaultRegion = regions.defaultRegion.name;
        return Promise.resolve(
          toolResult({
            items: regions.all.map((region) => ({
              name: region.name,
              aliases: region.aliases,
              legacy: region.legacy,
              default: region.name === defaultRegion,
            })),
            defaultRegion,
          }),
        );
      },
    },
  ];
}
