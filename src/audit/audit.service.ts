import { Inject, Injectable, Logger } from '@nestjs/common';
import { GATEWAY_CONFIG } from 'src/config/config.module';
import { GatewayConfig } from 'src/config/gateway-config.type';
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

/** The audit trail: one JSON line per write, token issue and admin call, on the `Audit` logger. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  record(entry: AuditEntry): void {
    const line: Record<string, unknown> = { time: new Date().toISOString() };
    for (const field of FIELDS) {
      if (entry[field] !== undefined) {
        line[field] = entry[field];
      }
    }
    if (entry.tokenFingerprint !== undefined && !FINGERPRINT.test(entry.tokenFingerprint)) {
      line.tokenFingerprint = '[dropped: not a fingerprint]';
    }
    // JSON log format nests the object; text format keeps it on one line as a JSON string
    this.logger.log(this.config.logFormat === 'json' ? line : JSON.stringify(line));
  }
}
