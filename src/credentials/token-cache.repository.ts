import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { redisKeys } from 'src/redis/redis-keys.util';
import { REDIS_CLIENT, RedisClient } from 'src/redis/redis.provider';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { CredentialProfile, GatewayConfig } from 'src/config/gateway-config.type';
import { AccessToken, tokenFingerprint } from './access-token.type';
import { TokenCipher } from './token-cipher';

// Deletes the key only while it still holds the token with this fingerprint
const DELETE_IF_FINGERPRINT = `
local value = redis.call('GET', KEYS[1])
if value and string.sub(value, 1, 9) == ARGV[1] .. '.' then
  return redis.call('DEL', KEYS[1])
end
return 0`;

// Releases the lock only for its owner, so a slow replica cannot free a lock someone else took
const RELEASE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

export type LockResult =
  { kind: 'acquired'; owner: string } | { kind: 'busy' } | { kind: 'unavailable' };

interface StoredToken {
  value: string;
  issuedAt: number;
  expiresAt: number;
}

/**
 * Tokens shared by the replicas in Redis, encrypted (AES-256-GCM) and expiring with the token, plus
 * the refresh lock. Every method degrades to "nothing shared" when Redis is absent or failing.
 */
@Injectable()
export class TokenCacheRepository {
  private readonly logger = new Logger(TokenCacheRepository.name);
  private readonly ciphers = new Map<string, TokenCipher>();

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  get shared(): boolean {
    return this.redis !== null;
  }

  async read(profile: CredentialProfile): Promise<AccessToken | undefined> {
    const key = redisKeys.token(profile.name);
    const stored = await this.attempt('read a token', () => this.redis?.get(key));
    if (!stored) {
      return undefined;
    }
    const plaintext = this.cipherFor(profile).decrypt(stored.slice(9), key);
    if (plaintext === undefined) {
      // Written with another key (rotated GATEWAY_ENCRYPTION_KEY or secret): as good as absent
      return undefined;
    }
    const token = JSON.parse(plaintext) as StoredToken;
    return { ...token, profile: profile.name };
  }

  async write(profile: CredentialProfile, token: AccessToken): Promise<void> {
    const key = redisKeys.token(profile.name);
    const ttlMs = Math.floor(token.expiresAt - Date.now());
    if (ttlMs <= 0) {
      return;
    }
    const plaintext = JSON.stringify({
      value: token.value,
      issuedAt: token.issuedAt,
      expiresAt: token.expiresAt,
    } satisfies StoredToken);
    const sealed = `${tokenFingerprint(token.value)}.${this.cipherFor(profile).encrypt(plaintext, key)}`;
    await this.attempt('store a token', () => this.redis?.set(key, sealed, 'PX', ttlMs));
  }

  async deleteIfCurrent(token: AccessToken): Promise<void> {
    await this.attempt('drop a token', () =>
      this.redis?.eval(
        DELETE_IF_FINGERPRINT,
        1,
        redisKeys.token(token.profile),
        tokenFingerprint(token.value),
      ),
    );
  }

  /** `acquired` (with the owner id to release it), `busy` (another replica refreshes), or `unavailable`. */
  async acquireLock(profile: string, ttlMs: number): Promise<LockResult> {
    if (!this.redis) {
      return { kind: 'unavailable' };
    }
    const owner = randomUUID();
    try {
      const result = await this.redis.set(redisKeys.tokenLock(profile), owner, 'PX', ttlMs, 'NX');
      return result === 'OK' ? { kind: 'acquired', owner } : { kind: 'busy' };
    } catch (error) {
      this.logger.debug(`could not take the refresh lock in Redis (${(error as Error).message})`);
      return { kind: 'unavailable' };
    }
  }

  /** Whether some replica holds the refresh lock; undefined when Redis cannot tell. */
  async lockHeld(profile: string): Promise<boolean | undefined> {
    const count = await this.attempt('look at the refresh lock', () =>
      this.redis?.exists(redisKeys.tokenLock(profile)),
    );
    return count === undefined ? undefined : count > 0;
  }

  async releaseLock(profile: string, owner: string): Promise<void> {
    await this.attempt('release the refresh lock', () =>
      this.redis?.eval(RELEASE_IF_OWNER, 1, redisKeys.tokenLock(profile), owner),
    );
  }

  private cipherFor(profile: CredentialProfile): TokenCipher {
    let cipher = this.ciphers.get(profile.name);
    if (!cipher) {
      const key = this.config.credentials.encryptionKey;
      cipher = key
        ? TokenCipher.fromKey(key)
        : TokenCipher.derivedFrom(profile.clientSecret, profile.name);
      this.ciphers.set(profile.name, cipher);
    }
    return cipher;
  }

  /** Redis trouble never fails a caller: the operation is skipped and the token service works alone. */
  private async attempt<T>(
    what: string,
    operation: () => Promise<T> | undefined,
  ): Promise<T | undefined> {
    try {
      return await operation();
    } catch (error) {
      this.logger.debug(
        `could not ${what} in Redis (${(error as Error).message}); continuing without it`,
      );
      return undefined;
    }
  }
}
