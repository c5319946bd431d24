import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/**
 * What the load scripts read about their child processes from Linux's /proc: CPU time (utime +
 * stime of /proc/<pid>/stat, in clock ticks) and memory (VmRSS, VmHWM of /proc/<pid>/status).
 * Reading them from outside needs no route in the gateway and costs it nothing.
 */

/** utime + stime, in clock ticks, from the text of /proc/<pid>/stat. */
export function cpuTicksOfStat(stat: string): number {
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so utime (field 14) and stime (field 15) are fields[11] and [12]
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`Unreadable /proc stat line: ${stat.slice(0, 80)}`);
  }
  return utime + stime;
}

/** A `Vm...` line of /proc/<pid>/status, in kB (undefined when absent). */
export function statusFieldKb(status: string, field: 'VmRSS' | 'VmHWM'): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : undefined;
}

let clockTicks: number | undefined;

/** Clock ticks per second (USER_HZ), almost always 100. */
export function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU time the process has used so far, in microseconds. */
export function cpuMicros(pid: number): number {
  return (cpuTicksOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1e6) / ticksPerSecond();
}

export function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  return statusFieldKb(readFileSync(`/proc/${pid}/status`, 'utf8'), field) ?? 0;
}

/** Samples VmRSS every `everyMs` until stopped; the peak is what it saw (plus a last reading). */
export function sampleRss(pid: number, everyMs = 100): { stop(): number } {
  let peakKb = memoryKb(pid, 'VmRSS');
  const timer = setInterval(() => {
    try {
      peakKb = Math.max(peakKb, memoryKb(pid, 'VmRSS'));
    } catch {
      // the process has gone; the caller notices it elsewhere
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      try {
        peakKb = Math.max(peakKb, memoryKb(pid, 'VmRSS'));
      } catch {
        // as above
      }
      return peakKb;
    },
  };
}

export interface Machine {
  cores: number;
  model: string;
  node: string;
  /** 1-minute load average when the run started: how busy the machine already was. */
  loadAverage: number;
}

export function machine(): Machine {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const line = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    model = line?.[1]?.trim() ?? model;
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    cores: cpus().length,
    model,
    node: process.version,
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
  };
}
