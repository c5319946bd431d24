import type { JWTPayload } from 'jose';
import { JwtAuthConfig } from 'src/config/gateway-config.type';
import { callerFromClaims, scopesFrom } from './jwt-claims.mapper';

const CONFIG: JwtAuthConfig = {
  jwksUrl: 'https://idp.example/jwks',
  issuer: 'https://idp.example/',
  audience: ['greenlake-gateway'],
  scopesClaim: 'scope',
  scopePrefix: '',
  nameClaim: 'sub',
  jwksTimeoutMs: 5000,
};

describe(callerFromClaims.name, () => {
  it('names the caller from the name claim and keeps only known scopes', () => {
    expect(callerFromClaims({ sub: 'ci-pipeline', scope: 'openid read token' }, CONFIG)).toEqual({
      name: 'ci-pipeline',
      scopes: ['read', 'token'],
      via: 'jwt',
    });
  });

  it('reads scopes and the profile from nested claims (e.g. Keycloak roles)', () => {
    const caller = callerFromClaims(
      {
        azp: 'batch-service',
        realm_access: { roles: ['gateway:write', 'gateway:read', 'offline_access'] },
        gl_profile: 'team-a',
      },
      {
        ...CONFIG,
        nameClaim: 'azp',
        scopesClaim: 'realm_access.roles',
        scopePrefix: 'gateway:',
        profileClaim: 'gl_profile',
      },
    );
    expect(caller).toEqual({
      name: 'batch-service',
      scopes: ['write', 'read'],
      profile: 'team-a',
      via: 'jwt',
    });
  });

  it.each([
    ['no name claim', {}],
    ['a name that is not a string', { sub: 42 }],
    ['a name with control characters', { sub: 'evil\nname' }],
    ['an undefined name', { sub: undefined }],
  ])('refuses a token with %s', (_label, payload) => {
    expect(callerFromClaims(payload as JWTPayload, CONFIG)).toBe(
      'Bearer token has no usable "sub" claim to name the caller',
    );
  });

  it('does not read claims through the prototype chain', () => {
    expect(callerFromClaims({ sub: 'x' }, { ...CONFIG, nameClaim: 'constructor.name' })).toMatch(
      /no usable "constructor.name" claim/,
    );
  });
});

describe(scopesFrom.name, () => {
  it.each([
    ['a space-separated string', 'read write', ['read', 'write']],
    ['a comma-separated string', 'read,admin', ['read', 'admin']],
    ['an array', ['token', 'READ', 7], ['token', 'read']],
    ['nothing', undefined, []],
    ['an object', { read: true }, []],
  ])('reads %s', (_label, claim, expected) => {
    expect(scopesFrom(claim, { scopePrefix: '' })).toEqual(expected);
  });

  it('keeps only scopes with the prefix, without it', () => {
    expect(scopesFrom('read gw:write gw:admin', { scopePrefix: 'gw:' })).toEqual([
      'write',
      'admin',
    ]);
  });
});
