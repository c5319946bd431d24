import { randomBytes } from 'node:crypto';
import { TokenCipher } from './token-cipher';

describe(TokenCipher.name, () => {
  const cipher = TokenCipher.fromKey(randomBytes(32).toString('base64'));

  it('round-trips and never stores the plaintext', () => {
    const sealed = cipher.encrypt('{"value":"eyJ.secret.token"}', 'gw:token:default');
    expect(sealed).not.toContain('secret');
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('secret');
    expect(cipher.decrypt(sealed, 'gw:token:default')).toBe('{"value":"eyJ.secret.token"}');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('same', 'k')).not.toBe(cipher.encrypt('same', 'k'));
  });

  it('refuses another key, another context or a tampered value', () => {
    const sealed = cipher.encrypt('payload', 'gw:token:a');
    expect(
      TokenCipher.fromKey(randomBytes(32).toString('base64')).decrypt(sealed, 'gw:token:a'),
    ).toBeUndefined();
    expect(cipher.decrypt(sealed, 'gw:token:b')).toBeUndefined();
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(cipher.decrypt(bytes.toString('base64'), 'gw:token:a')).toBeUndefined();
  });

  it('derives the same key from the same secret and profile, and different ones otherwise', () => {
    const sealed = TokenCipher.derivedFrom('client-secret', 'default').encrypt('x', 'k');
    expect(TokenCipher.derivedFrom('client-secret', 'default').decrypt(sealed, 'k')).toBe('x');
    expect(TokenCipher.derivedFrom('client-secret', 'other').decrypt(sealed, 'k')).toBeUndefined();
    expect(
      TokenCipher.derivedFrom('rotated-secret', 'default').decrypt(sealed, 'k'),
    ).toBeUndefined();
  });
});
