import type { SecretSubclassifierNameWire, SecretValueWire } from 'src/upstream/wire/secret.wire';

export type SecretKind = keyof SecretValueWire;

/** The one key of a `secret` body, its subclassifier and the (write-only) fields it may carry. */
export const SECRET_KINDS: Readonly<
  Record<SecretKind, { subclassifier: SecretSubclassifierNameWire; fields: readonly string[] }>
> = {
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
};

export const SECRET_KIND_NAMES = Object.keys(SECRET_KINDS) as SecretKind[];

export function isSecretKind(value: string): value is SecretKind {
  return Object.hasOwn(SECRET_KINDS, value);
}

export function kindOfSubclassifier(name: string): SecretKind | undefined {
  return SECRET_KIND_NAMES.find((kind) => SECRET_KINDS[kind].subclassifier === name);
}
