import { CredentialProfile, GatewayConfig } from 'src/config/gateway-config.type';
import { RunningSimulator, SimulatorOptions, startSimulator } from 'src/simulator';

const WORKSPACE_TOKEN_PATH = /\/authorization\/v2\/oauth2\/([^/]+)\/token$/;

export interface EmbeddedSimulator {
  config: GatewayConfig;
  simulator: RunningSimulator;
}

/**
 * Simulator mode: starts the GreenLake simulator on loopback with the configured regions and the
 * profiles' clients, then points every region and token URL at it.
 */
export async function startEmbeddedSimulator(
  config: GatewayConfig,
  options: Partial<SimulatorOptions> = {},
): Promise<EmbeddedSimulator> {
  const simulator = await startSimulator({
    regions: config.upstream.regions.map((region) => region.name),
    clients: config.credentials.profiles.map((profile) => ({
      clientId: profile.clientId,
      clientSecret: profile.clientSecret,
      workspaceId: workspaceOf(profile),
    })),
    ...options,
  });
  return { simulator, config: pointAtSimulator(config, simulator) };
}

/** The same configuration with every region and token URL on the simulator. */
export function pointAtSimulator(
  config: GatewayConfig,
  simulator: RunningSimulator,
): GatewayConfig {
  const regions = config.upstream.regions.map((region) => ({
    ...region,
    baseUrl: simulator.regionUrls[region.name],
  }));
  const profiles = config.credentials.profiles.map((profile) => {
    const workspace = workspaceOf(profile);
    return {
      ...profile,
      tokenUrl: workspace ? simulator.workspaceTokenUrl(workspace) : simulator.tokenUrl,
    };
  });
  return {
    ...config,
    upstream: { ...config.upstream, regions },
    credentials: { ...config.credentials, profiles },
  };
}

function workspaceOf(profile: CredentialProfile): string | undefined {
  return WORKSPACE_TOKEN_PATH.exec(new URL(profile.tokenUrl).pathname)?.[1];
}
