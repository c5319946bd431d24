import { Inject, Injectable } from '@nestjs/common';
import { hash, timingSafeEqual } from 'node:crypto';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { ApiKeyEntry, GatewayConfig } from 'src/config/gateway-config.type';

/** Finds the caller a presented key belongs to; keys are only ever held as SHA-256 digests. */
@Injectable()
export class ApiKeyService {
  private readonly entries: { entry: ApiKeyEntry; digest: Buffer }[];

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.entries = config.auth.apiKeys.map((entry) => ({
      entry,
      digest: Buffer.from(entry.keySha256, 'hex'),
    }));
  }

  findByKey(presentedKey: string): ApiKeyEntry | undefined {
    // One-shot: no Hash object per request
    const digest = hash('sha256', presentedKey, 'buffer');
    let match: ApiKeyEntry | undefined;
    // Compare against every entry, in constant time each, so timing tells nothing about which matched
    for (const candidate of this.entries) {
      if (timingSafeEqual(candidate.digest, digest)) {
        match = candidate.entry;
      }
    }
    return match;
  }
}
