/**
 * The one list of field names whose values never reach a log line, at any of the first three
 * levels of a logged object (`authorization`, `headers.authorization`, `req.headers.authorization`).
 * Messages themselves never carry these values: the code logs fingerprints, never tokens or keys.
 */
export const REDACTED_FIELDS = [
  'authorization',
  'x-api-key',
  'cookie',
  'set-cookie',
  'clientSecret',
  'client_secret',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'token',
  'apiKey',
  'password',
  'secret',
] as const;

export const REDACTION_CENSOR = '[redacted]';

/** pino's `redact.paths` for REDACTED_FIELDS. */
export function redactionPaths(): string[] {
  return REDACTED_FIELDS.flatMap((field) => {
    const member = /^[A-Za-z_$][\w$]*$/.test(field) ? `.${field}` : `["${field}"]`;
    const top = member.startsWith('.') ? field : member;
    return [top, `*${member}`, `*.*${member}`];
  });
}
