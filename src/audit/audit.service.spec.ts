import { Logger } from '@nestjs/common';
import { GatewayConfig } from 'src/config/gateway-config.type';
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

  const serviceFor = (logFormat: GatewayConfig['logFormat']) =>
    new AuditService({ logFormat } as GatewayConfig);

  it('writes one JSON line, time first, fields in a fixed order, nothing undefined', () => {
    serviceFor('text').record({ ...ENTRY, region: undefined });
    const [line] = log.mock.calls[0] as [string];
    expect(line).not.toContain('\n');
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'time',
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
    ]);
  });

  it('hands the object itself to a JSON logger, so that it is not encoded twice', () => {
    serviceFor('json').record(ENTRY);
    expect(log.mock.calls[0][0]).toMatchObject({ action: 'token', caller: 'ci' });
  });

  it('drops a "fingerprint" that could be a token', () => {
    serviceFor('text').record({ ...ENTRY, tokenFingerprint: 'eyJhbGciOiJSUzI1NiJ9.payload.sig' });
    expect(log.mock.calls[0][0]).not.toContain('eyJ');
    expect(log.mock.calls[0][0]).toContain('[dropped: not a fingerprint]');
  });
});
