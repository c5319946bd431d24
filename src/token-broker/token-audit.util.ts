import { AuditEntry } from 'src/audit/audit-entry.type';
import { AccessToken, tokenFingerprint } from 'src/credentials/access-token.type';

/** The audit line names a token by its profile, fingerprint and expiry, never by its value. */
export const auditOf = (token: AccessToken): Partial<AuditEntry> => ({
  profile: token.profile,
  tokenFingerprint: tokenFingerprint(token.value),
  tokenExpiresAt: new Date(token.expiresAt).toISOString(),
});
