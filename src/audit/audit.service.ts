import { Injectable, Logger } from '@nestjs/common';
import { AuditEntry } from './audit-entry.type';

// Fixed field order, so that lines read the same whoever wrote them
const FIELDS: readonly (keyof AuditEntry)[] = [
  'action',
  'caller',
  'via',
  'channel',
  'tool',
  'scope',
  'method',
  'route',
  'region',
  'profile',
  'upstreamStatus',
  'status',
  'durationMs',
  'requestId',
  'tokenExpiresAt',
  'tokenFingerprint',
];

// A fingerprint is a short digest prefix; anything longer might be the token itself
const FINGERPRINT = /^[A-Za-z0-9_-]{4,16}$/;

/**
 * The audit trail: one line per write, token issue and admin call, on the `Audit` logger, with the
 * entry's fields as fields of the log line (`audit: true` marks them).
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  record(entry: AuditEntry): void {
    const line: Record<string, unknown> = { audit: true };
    for (const field of FIELDS) {
      if (entry[field] !== undefined) {
        line[field] = entry[field];
      }
    }
    if (entry.tokenFingerprint !== undefined && !FINGERPRINT.test(entry.tokenFingerprint)) {
      line.tokenFingerprint = '[dropped: not a fingerprint]';
    }
    line.msg = `audit ${entry.action} ${entry.method} ${entry.route} ${entry.status} by ${entry.caller}`;
    this.logger.log(line);
  }
}
