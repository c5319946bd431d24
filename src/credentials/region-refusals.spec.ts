import { Logger } from '@nestjs/common';
import { RegionRefusals } from './region-refusals';

describe(RegionRefusals.name, () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('rests a refusing region 30 s, doubling while it keeps refusing, one log line per episode', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const refusals = new RegionRefusals();
    expect(() => refusals.check('default', 'us-west')).not.toThrow();
    refusals.refused('default', 'us-west');
    refusals.refused('default', 'us-west'); // a call already under way: same episode
    expect(errors).toHaveBeenCalledTimes(1);
    expect(() => refusals.check('default', 'us-west')).toThrow(/refuses the gateway's tokens/);
    expect(() => refusals.check('default', 'eu-west')).not.toThrow();
    jest.setSystemTime(1_000_000 + 30_000);
    expect(() => refusals.check('default', 'us-west')).not.toThrow();
    refusals.refused('default', 'us-west');
    expect(errors).toHaveBeenCalledTimes(2);
    expect(errors.mock.calls[1][0]).toContain('for 60 s');
    refusals.accepted('default', 'us-west');
    expect(() => refusals.check('default', 'us-west')).not.toThrow();
  });
});
