import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWTPayload, KeyLike, SignJWT } from 'jose';

export interface SignOptions {
  /** Sign with another key (e.g. one the JWKS does not publish) while keeping the kid. */
  key?: KeyLike;
  kid?: string;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  subject?: string;
}

export interface TestJwks {
  /** e.g. http://127.0.0.1:41234/.well-known/jwks.json */
  url: string;
  issuer: string;
  audience: string;
  /** How many times the JWKS was fetched. */
  fetches(): number;
  /** Answers later fetches after this many ms (to test the fetch timeout). */
  delayBy(ms: number): void;
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  /** A fresh key pair that the JWKS does not publish. */
  strangerKey(): Promise<KeyLike>;
  close(): Promise<void>;
}

const KID = 'test-key-1';

/**
 * A local identity provider for JWT tests: an RS256 key pair generated per run and its public half
 * served as a JWKS on 127.0.0.1.
 */
export async function startTestJwks(): Promise<TestJwks> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  let fetches = 0;
  let delayMs = 0;
  const server: Server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    fetches += 1;
    const answer = (): void => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] }));
    };
    if (delayMs > 0) {
      setTimeout(answer, delayMs).unref();
    } else {
      answer();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/`;
  const audience = 'greenlake-gateway';
  return {
    url: `${origin}/.well-known/jwks.json`,
    issuer,
    audience,
    fetches: () => fetches,
    delayBy: (ms) => {
      delayMs = ms;
    },
    sign: (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? KID })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? audience)
        .setSubject(options.subject ?? 'ci-pipeline')
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresIn ?? 300))
        .sign(options.key ?? privateKey),
    strangerKey: async () => (await generateKeyPair('RS256')).privateKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
