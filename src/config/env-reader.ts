import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

export type Environment = Record<string, string | undefined>;

/**
 * Reads variables and collects one line per problem, so a bad configuration is reported whole
 * rather than one mistake per restart.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Environment) {}

  problem(variable: string, message: string): void {
    this.problems.push(`${variable}: ${message}`);
  }

  hasProblem(variable: string): boolean {
    return this.problems.some(
      (line) => line.startsWith(`${variable}:`) || line.startsWith(`${variable}_FILE:`),
    );
  }

  /** A trimmed value, or undefined when unset or blank. */
  string(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  /** A secret from `<NAME>` or from the file named by `<NAME>_FILE` (Docker and Kubernetes secrets). */
  secret(name: string): string | undefined {
    const inline = this.string(name);
    const file = this.string(`${name}_FILE`);
    if (inline !== undefined && file !== undefined) {
      this.problem(name, `set ${name} or ${name}_FILE, not both`);
      return undefined;
    }
    return file === undefined ? inline : this.readFile(`${name}_FILE`, file);
  }

  readFile(variable: string, path: string): string | undefined {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      this.problem(variable, `cannot read file ${path} (${reason})`);
      return undefined;
    }
  }

  /** A YAML (or JSON) file's document; undefined, with the problem recorded, when unreadable. */
  readYamlFile(variable: string, path: string): unknown {
    const text = this.readFile(variable, path);
    if (text === undefined) {
      return undefined;
    }
    try {
      return parseYaml(text) as unknown;
    } catch (error) {
      this.problem(
        variable,
        `${path} is not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`,
      );
      return undefined;
    }
  }

  integer(name: string, fallback: number, { min, max }: { min: number; max: number }): number {
    const raw = this.string(name);
    if (raw === undefined) {
      return fallback;
    }
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      this.problem(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) {
      return fallback;
    }
    const value = raw.toLowerCase() as T;
    if (!allowed.includes(value)) {
      this.problem(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return value;
  }
}
