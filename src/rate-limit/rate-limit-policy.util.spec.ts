import type { FastifyRequest } from 'fastify';
import { Caller } from 'src/common/access/caller.type';
import { RateLimitConfig } from 'src/config/gateway-config.type';
import { limitPerWindow, trackerFor } from './rate-limit-policy.util';

const caller = (name: string, via: Caller['via'] = 'api-key'): Caller => ({
  name,
  scopes: ['read'],
  via,
});

describe(limitPerWindow.name, () => {
  const config: RateLimitConfig = {
    perMinute: 1200,
    windowSeconds: 60,
    perCaller: { batch: 6000, unlimited: 0 },
  };

  it('gives the default per minute, or the caller its own', () => {
    expect(limitPerWindow(config, caller('team-a'))).toBe(1200);
    expect(limitPerWindow(config, caller('batch'))).toBe(6000);
  });

  it('scales the per-minute rate to the window, at least one request', () => {
    expect(limitPerWindow({ ...config, windowSeconds: 5 }, caller('team-a'))).toBe(100);
    expect(limitPerWindow({ ...config, perMinute: 1, windowSeconds: 1 }, caller('team-a'))).toBe(1);
  });

  it('answers 0 (no limit) for callers configured so, and never reads inherited names', () => {
    expect(limitPerWindow(config, caller('unlimited'))).toBe(0);
    expect(limitPerWindow(config, caller('constructor'))).toBe(1200);
  });
});

describe(trackerFor.name, () => {
  const requestOf = (who?: Caller) => ({ caller: who, ip: '10.0.0.7' }) as FastifyRequest;

  it('counts by caller, apart for each way of authenticating', () => {
    expect(trackerFor(requestOf(caller('team-a')))).toBe('api-key:team-a');
    expect(trackerFor(requestOf(caller('team-a', 'jwt')))).toBe('jwt:team-a');
  });

  it('counts by client address without caller auth', () => {
    expect(trackerFor(requestOf(caller('anonymous', 'auth-off')))).toBe('ip:10.0.0.7');
  });
});
