import type { RequestFacts } from 'src/simulator/http/request-match.util';
import { ControlRules } from './control-rules';

const data: RequestFacts = {
  target: 'data',
  region: 'us-west',
  method: 'GET',
  path: '/data-services/v1beta1/issues',
};
const token: RequestFacts = { target: 'token', method: 'POST', path: '/as/token.oauth2' };

describe(ControlRules.name, () => {
  it('applies the longest matching latency; 0 removes a rule, or all without a match', () => {
    const rules = new ControlRules();
    rules.addLatency(100);
    rules.addLatency(300, { target: 'data', pathPrefix: '/data-services/v1beta1/issues' });
    expect(rules.latencyFor(data)).toBe(300);
    expect(rules.latencyFor(token)).toBe(100);
    rules.addLatency(0, { target: 'data', pathPrefix: '/data-services/v1beta1/issues' });
    expect(rules.latencyFor(data)).toBe(100);
    rules.addLatency(0);
    expect(rules.latencyFor(token)).toBe(0);
  });

  it('fails exactly the next N matching requests', () => {
    const rules = new ControlRules();
    rules.addFailures(2, 503, 7, { region: 'us-west', method: 'get' });
    expect(rules.takeFailure(token)).toBeUndefined();
    expect(rules.takeFailure(data)).toEqual({ status: 503, retryAfterSeconds: 7 });
    expect(rules.takeFailure(data)).toEqual({ status: 503, retryAfterSeconds: 7 });
    expect(rules.takeFailure(data)).toBeUndefined();
  });

  it('resets the next N matching requests, and clear() forgets every rule', () => {
    const rules = new ControlRules();
    rules.addResets(1, { target: 'token' });
    expect(rules.takeReset(data)).toBe(false);
    expect(rules.takeReset(token)).toBe(true);
    expect(rules.takeReset(token)).toBe(false);
    rules.addResets(5);
    rules.addFailures(5, 500);
    rules.addLatency(50);
    rules.clear();
    expect([rules.takeReset(data), rules.takeFailure(data), rules.latencyFor(data)]).toEqual([
      false,
      undefined,
      0,
    ]);
  });
});
