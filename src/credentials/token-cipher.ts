import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for tokens at rest. The key is GATEWAY_ENCRYPTION_KEY, or derived from the profile's
 * client secret with HKDF, so a Redis dump alone never yields a usable token.
 */
export class TokenCipher {
  private constructor(private readonly key: Buffer) {}

  static fromKey(base64Key: string): TokenCipher {
    return new TokenCipher(Buffer.from(base64Key, 'base64'));
  }

  static derivedFrom(clientSecret: string, profile: string): TokenCipher {
    const key = hkdfSync('sha256', clientSecret, 'greenlake-gateway', `token-cache:${profile}`, 32);
    return new TokenCipher(Buffer.from(key));
  }

  /** `context` (the Redis key) is authenticated too, so a value cannot be moved to another key. */
  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  /** The plaintext, or undefined when the value was not written with this key and context. */
  decrypt(sealed: string, context: string): string | undefined {
    try {
      const bytes = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
