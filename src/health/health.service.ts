import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { CredentialProfile } from 'src/config/gateway-config.type';
import { ProfileRegistry } from 'src/credentials/profile-registry.service';
import { TokenService } from 'src/credentials/token.service';

export type CheckStatus = 'up' | 'down' | 'disabled';

export interface Check {
  status: CheckStatus;
  message?: string;
}

export interface ReadinessReport {
  /** `degraded`: Redis is down and shared state runs from memory; requests still succeed. */
  status: 'ok' | 'degraded' | 'error';
  checks: { redis: Check; tokens: Record<string, Check> };
}

/** Ready means every credential profile can get a GreenLake token; a Redis outage only degrades. */
@Injectable()
export class HealthService {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly profiles: ProfileRegistry,
    private readonly tokens: TokenService,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const [redis, tokenChecks] = await Promise.all([
      this.checkRedis(),
      Promise.all(
        this.profiles.all.map(
          async (profile) => [profile.name, await this.checkToken(profile)] as const,
        ),
      ),
    ]);
    const tokens = Object.fromEntries(tokenChecks);
    const status = Object.values(tokens).some((check) => check.status === 'down')
      ? 'error'
      : redis.status === 'down'
        ? 'degraded'
        : 'ok';
    return { status, checks: { redis, tokens } };
  }

  private async checkRedis(): Promise<Check> {
    if (!this.redis) {
      return { status: 'disabled' };
    }
    try {
      await this.redis.ping();
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', message: (error as Error).message };
    }
  }

  private async checkToken(profile: CredentialProfile): Promise<Check> {
    try {
      await this.tokens.getToken(profile);
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', message: (error as Error).message };
    }
  }
}
