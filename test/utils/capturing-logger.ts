/**
 * A pino destination that keeps every log line (one JSON object each) in memory, so tests can
 * assert on them (and that no secret is in them).
 */
export class CapturingLogger {
  readonly lines: string[] = [];

  write(chunk: string): void {
    for (const line of chunk.split('\n')) {
      if (line !== '') {
        this.lines.push(line);
      }
    }
  }

  /** Every line parsed. */
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  text(): string {
    return this.lines.join('\n');
  }
}
