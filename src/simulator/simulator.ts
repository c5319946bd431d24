import { type SimulatorUrls, buildAdminListener } from './listeners/admin-listener';
import { createControls } from './faults/controls';
import { buildGlobalListener } from './listeners/global-listener';
import { ManagedListener } from './listeners/managed-listener';
import { buildRegionListener } from './listeners/region-listener';
import type { RunningSimulator, SimulatorOptions } from './simulator-api.type';
import { SimulatorState, resolveOptions } from './simulator-state';
import { LEGACY_TOKEN_PATH } from './routes/token-endpoint';

/**
 * Starts the GreenLake simulator: a global listener (both token endpoints, downloads), one listener
 * per region (data routes) and an admin listener (test controls), all sharing one state.
 */
export async function startSimulator(options?: SimulatorOptions): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const state = new SimulatorState(resolved);
  const portAt = (offset: number): number => (resolved.port > 0 ? resolved.port + offset : 0);

  const global = new ManagedListener(
    'global',
    () => buildGlobalListener(state),
    resolved.host,
    portAt(0),
  );
  const regions = resolved.regions.map(
    (region, index) =>
      new ManagedListener(
        region,
        () => buildRegionListener(state, region),
        resolved.host,
        portAt(2 + index),
      ),
  );
  const controls = createControls(state, [global, ...regions]);
  const regionUrls = (): Record<string, string> =>
    Object.fromEntries(regions.map((listener) => [listener.name, listener.url]));
  const tokenUrl = (): string => `${global.url}${LEGACY_TOKEN_PATH}`;
  const admin: ManagedListener = new ManagedListener(
    'admin',
    () =>
      buildAdminListener(controls, (): SimulatorUrls => ({
        tokenUrl: tokenUrl(),
        adminUrl: admin.url,
        regionUrls: regionUrls(),
      })),
    resolved.host,
    portAt(1),
  );

  const all = [global, admin, ...regions];
  try {
    // In order, so that a fixed base port gives the documented layout
    for (const listener of all) {
      await listener.start();
    }
  } catch (error) {
    await Promise.all(all.map((listener) => listener.stop()));
    throw error;
  }
  state.globalUrl = global.url;
  const fixedRegionUrls = Object.freeze(regionUrls());

  if (!resolved.quiet) {
    console.log(`GreenLake simulator: token URL ${tokenUrl()}`);
    console.log(
      `GreenLake simulator: workspace token URL ${global.url}/authorization/v2/oauth2/{workspaceId}/token`,
    );
    console.log(`GreenLake simulator: admin URL ${admin.url}`);
    for (const [region, url] of Object.entries(fixedRegionUrls)) {
      console.log(`GreenLake simulator: region ${region} ${url}`);
    }
  }

  return {
    tokenUrl: tokenUrl(),
    workspaceTokenUrl: (workspaceId) =>
      `${global.url}/authorization/v2/oauth2/${encodeURIComponent(workspaceId)}/token`,
    regionUrls: fixedRegionUrls,
    adminUrl: admin.url,
    controls,
    stop: async () => {
      await Promise.all(all.map((listener) => listener.stop()));
    },
  };
}
