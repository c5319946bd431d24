import { cpuTicksOfStat, statusFieldKb } from './proc-stats.util';

describe('cpuTicksOfStat', () => {
  it('adds utime and stime (fields 14 and 15), even when the command name has spaces', () => {
    const stat =
      '4242 (node main (x).js) S 1 4242 4242 0 -1 4194304 1000 0 0 0 1234 567 0 0 20 0 11 0 100 1000000 20000';
    expect(cpuTicksOfStat(stat)).toBe(1234 + 567);
  });

  it('refuses a line it cannot read', () => {
    expect(() => cpuTicksOfStat('garbage')).toThrow('Unreadable');
  });
});

describe('statusFieldKb', () => {
  const status = 'Name:\tnode\nVmPeak:\t  900000 kB\nVmHWM:\t  150000 kB\nVmRSS:\t  120000 kB\n';

  it('reads VmRSS and VmHWM in kB', () => {
    expect(statusFieldKb(status, 'VmRSS')).toBe(120000);
    expect(statusFieldKb(status, 'VmHWM')).toBe(150000);
  });

  it('is undefined for a field that is not there', () => {
    expect(statusFieldKb('Name:\tnode\n', 'VmRSS')).toBeUndefined();
  });
});
