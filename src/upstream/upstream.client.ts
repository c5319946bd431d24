import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { AxiosResponse, Method } from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { firstValueFrom } from 'rxjs';
import { Caller } from 'src/auth/caller.type';
import { USER_AGENT } from 'src/common/app-version';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig, RegionConfig } from 'src/config/gateway-config.type';
import { AccessToken } from 'src/credentials/access-token.type';
import { ProfileRegistry } from 'src/credentials/profile-registry.service';
import { TokenService } from 'src/credentials/token.service';
import { RegionRegistry } from './region-registry.service';
import { mapTransportError, mapUpstreamStatus, UpstreamCallContext } from './upstream-error.mapper';

export type QueryValue = string | number | boolean | undefined;

export interface UpstreamRequest {
  /** Region name or alias, as the caller gave it. */
  region: string;
  method: Method;
  /** Absolute path on the regional host, e.g. `/data-services/v1beta1/async-operations`. */
  path: string;
  query?: Record<string, QueryValue | QueryValue[]>;
  body?: unknown;
  contentType?: string;
  caller?: Caller;
  requestId?: string;
}

export interface UpstreamResponse<T> {
  status: number;
  headers: Record<string, unknown>;
  data: T;
  region: RegionConfig;
}

const KEEP_ALIVE = {
  keepAlive: true,
  maxSockets: 256,
  maxFreeSockets: 64,
  scheduling: 'lifo',
} as const;

/**
 * The only code that talks to GreenLake's regional hosts: resolves the region, injects the bearer
 * token, keeps a connection pool per region, times every call out, replays once after a 401 with a
 * fresh token, and turns every non-2xx/3xx status into a GatewayError through one table.
 */
@Injectable()
export class UpstreamClient implements OnModuleDestroy {
  private readonly logger = new Logger(UpstreamClient.name);
  private readonly agents = new Map<string, HttpAgent>();

  constructor(
    private readonly http: HttpService,
    private readonly regions: RegionRegistry,
    private readonly profiles: ProfileRegistry,
    private readonly tokens: TokenService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async request<T>(request: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const region = this.regions.resolve(request.region);
    const profile = this.profiles.profileFor(region.name, request.caller);
    const context: UpstreamCallContext = {
      region: region.name,
      method: request.method,
      path: request.path,
    };
    let token = await this.tokens.getToken(profile);
    let response = await this.send<T>(region, request, token, context);
    if (response.status === 401) {
      // Our token was refused (revoked or expired early): drop it, get a new one, replay once
      this.logger.warn(
        `401 from ${region.name} for ${request.method} ${request.path}; replaying with a new token`,
      );
      this.tokens.invalidate(token);
      token = await this.tokens.getToken(profile);
      response = await this.send<T>(region, request, token, context);
    }
    if (response.status >= 400) {
      throw mapUpstreamStatus(response.status, response.data, response.headers, context);
    }
    return {
      status: response.status,
      headers: response.headers,
      data: response.data,
      region,
    };
  }

  onModuleDestroy(): void {
    this.agents.forEach((agent) => agent.destroy());
  }

  private async send<T>(
    region: RegionConfig,
    request: UpstreamRequest,
    token: AccessToken,
    context: UpstreamCallContext,
  ): Promise<AxiosResponse<T>> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token.value}`,
      Accept: 'application/json',
      'User-Agent': USER_AGENT,
    };
    if (request.requestId) {
      headers['x-request-id'] = request.requestId;
    }
    if (request.body !== undefined) {
      headers['Content-Type'] = request.contentType ?? 'application/json';
    }
    const agent = this.agentFor(region);
    try {
      return await firstValueFrom(
        this.http.request<T>({
          baseURL: region.baseUrl,
          url: request.path,
          method: request.method,
          params: request.query,
          paramsSerializer: { indexes: null },
          data: request.body,
          headers,
          timeout: this.config.upstream.timeoutMs,
          maxRedirects: 0,
          validateStatus: () => true,
          httpAgent: agent,
          httpsAgent: agent,
          transitional: {
            clarifyTimeoutError: true,
            silentJSONParsing: true,
            forcedJSONParsing: true,
          },
        }),
      );
    } catch (error) {
      throw mapTransportError(error, context, this.config.upstream.timeoutMs);
    }
  }

  private agentFor(region: RegionConfig): HttpAgent {
    let agent = this.agents.get(region.name);
    if (!agent) {
      agent = region.baseUrl.startsWith('https:')
        ? new HttpsAgent(KEEP_ALIVE)
        : new HttpAgent(KEEP_ALIVE);
      this.agents.set(region.name, agent);
    }
    return agent;
  }
}
