import { LoggerService } from '@nestjs/common';

/** Keeps every log line in memory so tests can assert on them (and that no secret is in them). */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];

  log(message: unknown, ...rest: unknown[]): void {
    this.record('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.record('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.record('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.record('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.record('verbose', message, rest);
  }

  text(): string {
    return this.lines.join('\n');
  }

  private record(level: string, message: unknown, rest: unknown[]): void {
    const parts = [message, ...rest].map((part) =>
      typeof part === 'string' ? part : JSON.stringify(part),
    );
    this.lines.push(`${level} ${parts.join(' ')}`);
  }
}
