// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', '*.js', '*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      curly: 'error',
      eqeqeq: 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*'], message: 'Use an absolute src/... import across folders.' },
            {
              regex: '^src/simulator/.',
              caseSensitive: true,
              message: 'Outside the simulator, import it only through its index: src/simulator.',
            },
          ],
        },
      ],
    },
  },
  {
    // The simulator's boundary: it imports nothing from the gateway but `import type` from
    // src/upstream/wire, so a gateway bug cannot leak into it. The base rule gives way here to the
    // typescript-eslint one (which knows `import type`), so the `../*` restriction is repeated.
    files: ['src/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // `../*` as everywhere else, and also `./..`, `src/simulator/../…`
              regex: '(^|/)\\.\\.(/|$)',
              message:
                'Use an absolute src/... import across folders; never `..` in the simulator.',
            },
            {
              regex: '^(src$|src/(?!simulator(/|$)|upstream/wire/)|test(/|$)|scripts(/|$))',
              caseSensitive: true,
              message:
                'The simulator imports nothing from the gateway (only `import type` from src/upstream/wire).',
            },
            {
              regex: '^src/upstream/wire/(?!.*\\.\\.)',
              caseSensitive: true,
              allowTypeImports: true,
              message: 'The simulator may use src/upstream/wire only through `import type`.',
            },
          ],
        },
      ],
    },
  },
  {
    // Response bodies (supertest, fetch) and jest's asymmetric matchers are `any` by design;
    // the assertions themselves check the shapes
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
