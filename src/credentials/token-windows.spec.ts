import { advisoryWindowMs, mandatoryWindowMs, tokenPhase } from './token-windows';

const hours2 = { issuedAt: 0, expiresAt: 7_200_000 };
const minutes15 = { issuedAt: 0, expiresAt: 900_000 };
const seconds4 = { issuedAt: 0, expiresAt: 4_000 };

describe('token refresh windows', () => {
  it('advisory: the longer of 10% of life and the skew, never over half the life', () => {
    expect(advisoryWindowMs(hours2, 300_000)).toBe(720_000);
    expect(advisoryWindowMs(hours2, 900_000)).toBe(900_000);
    expect(advisoryWindowMs(minutes15, 300_000)).toBe(300_000);
    expect(advisoryWindowMs(seconds4, 300_000)).toBe(2_000);
  });

  it('mandatory: the last 30 s, or 5% of a short life', () => {
    expect(mandatoryWindowMs(hours2)).toBe(30_000);
    expect(mandatoryWindowMs(seconds4)).toBe(200);
  });

  it.each([
    [0, 'fresh'],
    [6_479_999, 'fresh'],
    [6_480_000, 'advisory'],
    [7_170_000, 'mandatory'],
    [7_199_999, 'mandatory'],
    [7_200_000, 'expired'],
  ])('a 2-hour token at %i ms is %s', (now, phase) => {
    expect(tokenPhase(hours2, now, 300_000)).toBe(phase);
  });
});
