import { Logger } from '@nestjs/common';
import { AuditEntry } from './audit-entry.type';
import { AuditService } from './audit.service';

const ENTRY: AuditEntry = {
  action: 'token',
  caller: 'ci',
  via: 'api-key',
  scope: 'token',
  method: 'GET',
  route: '/v1/token',
  profile: 'default',
  status: 200,
  durationMs: 12,
  requestId: 'req-1',
  tokenFingerprint: '0a1b2c3d',
  tokenExpiresAt: '2026-11-27T15:00:00.000Z',
};

describe(AuditService.name, () => {
  let log: jest.SpyInstance;

  beforeEach(() => {
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => log.mockRestore());

  const recorded = (): Record<string, unknown> => log.mock.calls[0][0] as Record<string, unknown>;

  it('hands the logger the fields themselves, in a fixed order, nothing undefined', () => {
    new AuditService().record({ ...ENTRY, region: undefined });
    expect(Object.keys(recorded())).toEqual([
      'audit',
      'action',
      'caller',
      'via',
      'scope',
      'method',
      'route',
      'profile',
      'status',
      'durationMs',
      'requestId',
      'tokenExpiresAt',
      'tokenFingerprint',
      'msg',
    ]);
    expect(recorded()).toMatchObject({ audit: true, action: 'token', caller: 'ci' });
    expect(recorded().msg).toBe('audit token GET /v1/token 200 by ci');
  });

  it('drops a "fingerprint" that could be a token', () => {
    new AuditService().record({ ...ENTRY, tokenFingerprint: 'eyJhbGciOiJSUzI1NiJ9.payload.sig' });
    expect(JSON.stringify(recorded())).not.toContain('eyJ');
    expect(recorded().tokenFingerprint).toBe('[dropped: not a fingerprint]');
  });
});
