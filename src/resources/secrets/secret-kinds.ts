/**
 * The kinds of secret GreenLake stores (`SecretSpec.secret` has exactly one of these keys), their
 * subclassifier and the write-only fields each may carry (GREENLAKE-FACTS §3.4).
 */
export const SECRET_KINDS = {
  azureSPClient: {
    subclassifier: 'AZURE_SPCLIENT',
    fields: ['clientId', 'clientSecret', 'tenantId'],
  },
  basicAuth: { subclassifier: 'BASIC_AUTH', fields: ['username', 'password'] },
  bearerAuth: { subclassifier: 'BEARER_AUTH', fields: ['token'] },
  certificate: { subclassifier: 'CERTIFICATE', fields: ['pem', 'der'] },
  generic: { subclassifier: 'GENERIC', fields: ['secret'] },
  jsonWebToken: { subclassifier: 'JSON_WEB_TOKEN', fields: ['token'] },
  oauthClient: { subclassifier: 'OAUTH_CLIENT', fields: ['clientId', 'clientSecret'] },
  password: { subclassifier: 'PASSWORD', fields: ['password'] },
  privateKey: { subclassifier: 'PRIVATE_KEY', fields: ['privateKey'] },
  sshKeypair: { subclassifier: 'SSH_KEYPAIR', fields: ['publicKey', 'privateKey'] },
} as const satisfies Record<string, { subclassifier: string; fields: readonly string[] }>;

export type SecretKind = keyof typeof SECRET_KINDS;

export const SECRET_KIND_NAMES = Object.keys(SECRET_KINDS) as SecretKind[];

export const SECRET_SUBCLASSIFIERS = SECRET_KIND_NAMES.map(
  (kind) => SECRET_KINDS[kind].subclassifier,
);
