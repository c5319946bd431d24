import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The boundary in eslint.config.mjs, linted against snippets that stand in for simulator and gateway
// files. ESLint loads its config with a dynamic import(), which jest's module runtime refuses, so
// the snippets are linted in one plain node process. Type-aware rules are switched off there: the
// snippets are not in the TypeScript project, and the import rules need no types.
const REPO_ROOT = join(__dirname, '..', '..');
const RULE = '@typescript-eslint/no-restricted-imports';
const GATEWAY_RULE = 'no-restricted-imports';
const SIMULATOR_FILE = 'src/simulator/routes/some-fake.ts';
const GATEWAY_FILE = 'src/bootstrap/some-fake.ts';

interface Snippet {
  code: string;
  filePath: string;
}

interface Linted {
  fatalErrorCount: number;
  messages: { ruleId: string | null; severity: number; message: string }[];
}

interface LintRun {
  rules: Record<string, Record<string, unknown[] | undefined>>;
  results: Record<string, Linted>;
}

const LINT_SNIPPETS = `
const { ESLint } = require('eslint');
const tseslint = require('typescript-eslint');
const { files, snippets } = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
});
(async () => {
  const rules = {};
  for (const file of files) {
    rules[file] = (await eslint.calculateConfigForFile(file)).rules;
  }
  const results = {};
  for (const [name, { code, filePath }] of Object.entries(snippets)) {
    const [result] = await eslint.lintText(code, { filePath });
    results[name] = { fatalErrorCount: result.fatalErrorCount, messages: result.messages };
  }
  process.stdout.write(JSON.stringify({ rules, results }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

const lines = (...code: string[]): string => `${code.join('\n')}\n`;
const escape = (source: string): Snippet => ({
  code: lines(`import * as escaped from '${source}';`, 'export { escaped };'),
  filePath: SIMULATOR_FILE,
});

const SNIPPETS = {
  gatewayValue: {
    code: lines(
      "import { UpstreamClient } from 'src/upstream/upstream.client';",
      'export { UpstreamClient };',
    ),
    filePath: SIMULATOR_FILE,
  },
  gatewayType: {
    code: lines(
      "import type { UpstreamClient } from 'src/upstream/upstream.client';",
      'export type X = UpstreamClient;',
    ),
    filePath: SIMULATOR_FILE,
  },
  wireType: {
    code: lines(
      "import type { AsyncOperationWire } from 'src/upstream/wire/async-operation.wire';",
      "import { type TagWire } from 'src/upstream/wire/tag.wire';",
      'export type X = AsyncOperationWire | TagWire;',
    ),
    filePath: SIMULATOR_FILE,
  },
  wireValue: {
    code: lines(
      "import { TagWire } from 'src/upstream/wire/tag.wire';",
      'export const x: TagWire | undefined = undefined;',
    ),
    filePath: SIMULATOR_FILE,
  },
  wireTypeEscape: {
    code: lines(
      "import type { UpstreamClient } from 'src/upstream/wire/../upstream.client';",
      'export type X = UpstreamClient;',
    ),
    filePath: SIMULATOR_FILE,
  },
  rooms: {
    code: lines(
      "import type { FastifyInstance } from 'fastify';",
      "import { SimulatedError } from 'src/simulator/faults/simulated-error';",
      "import { listItems } from 'src/simulator/query/list-query';",
      "import { validateSecretCreate } from './secret-validation';",
      'export { listItems, SimulatedError, validateSecretCreate };',
      'export type App = FastifyInstance;',
    ),
    filePath: SIMULATOR_FILE,
  },
  escapeToRoom: escape('../query/list-query'),
  escapeToGateway: escape('../../upstream/upstream.client'),
  escapeDotSlash: escape('./../../upstream/upstream.client'),
  escapeThroughSimulator: escape('src/simulator/../upstream/upstream.client'),
  gatewayIntoInternals: {
    code: lines(
      "import { listItems } from 'src/simulator/query/list-query';",
      'export { listItems };',
    ),
    filePath: GATEWAY_FILE,
  },
  gatewayIntoIndex: {
    code: lines("import { startSimulator } from 'src/simulator';", 'export { startSimulator };'),
    filePath: GATEWAY_FILE,
  },
} satisfies Record<string, Snippet>;

describe('simulator boundary (eslint.config.mjs)', () => {
  let run: LintRun;

  beforeAll(() => {
    const output = execFileSync(process.execPath, ['-e', LINT_SNIPPETS], {
      cwd: REPO_ROOT,
      input: JSON.stringify({ files: [SIMULATOR_FILE, GATEWAY_FILE], snippets: SNIPPETS }),
      encoding: 'utf8',
    });
    run = JSON.parse(output) as LintRun;
  }, 60_000);

  /** The messages of one rule for a snippet; every one of them an error. */
  function errorsOf(name: keyof typeof SNIPPETS, ruleId = RULE): string[] {
    const result = run.results[name];
    expect(result.fatalErrorCount).toBe(0);
    const messages = result.messages.filter((message) => message.ruleId === ruleId);
    expect(messages.map((message) => message.severity)).toEqual(messages.map(() => 2));
    return messages.map((message) => message.message);
  }

  it('lints simulator files with the boundary rule and gateway files with the base rule', () => {
    const severity = (file: string, ruleId: string): unknown => run.rules[file][ruleId]?.[0];
    expect(severity(SIMULATOR_FILE, RULE)).toBe(2);
    expect(severity(SIMULATOR_FILE, GATEWAY_RULE)).toBe(0);
    expect(severity(GATEWAY_FILE, GATEWAY_RULE)).toBe(2);
    expect(run.rules[GATEWAY_FILE][RULE]).toBeUndefined();
  });

  it('reports a value import of gateway code', () => {
    const errors = errorsOf('gatewayValue');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("'src/upstream/upstream.client' import is restricted");
    expect(errors[0]).toContain('The simulator imports nothing from the gateway');
  });

  it('reports a type import of gateway code outside src/upstream/wire', () => {
    expect(errorsOf('gatewayType')).toHaveLength(1);
  });

  it('allows `import type` from src/upstream/wire', () => {
    expect(errorsOf('wireType')).toEqual([]);
    expect(errorsOf('wireType', GATEWAY_RULE)).toEqual([]);
  });

  it('reports a value import from src/upstream/wire', () => {
    const errors = errorsOf('wireValue');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('only through `import type`');
  });

  it('reports a type import that leaves src/upstream/wire with ..', () => {
    const errors = errorsOf('wireTypeEscape');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('never `..` in the simulator');
  });

  it('allows imports across simulator rooms, within a room and of packages', () => {
    expect(errorsOf('rooms')).toEqual([]);
    expect(errorsOf('rooms', GATEWAY_RULE)).toEqual([]);
  });

  it.each(['escapeToRoom', 'escapeToGateway', 'escapeDotSlash', 'escapeThroughSimulator'] as const)(
    'reports the relative escape %s',
    (name) => {
      const errors = errorsOf(name);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('never `..` in the simulator');
    },
  );

  it('lets the gateway import the simulator only through its index', () => {
    const errors = errorsOf('gatewayIntoInternals', GATEWAY_RULE);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('only through its index');
    expect(errorsOf('gatewayIntoIndex', GATEWAY_RULE)).toEqual([]);
  });
});
