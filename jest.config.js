// Four projects: unit specs beside the code; simulator, gateway e2e and fuzz specs under test/.
const base = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  modulePaths: ['<rootDir>'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': 'ts-jest' },
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      // scripts/: the pure helpers of the bench and soak scripts (the scripts themselves run on demand)
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
    },
    { ...base, displayName: 'simulator', testMatch: ['<rootDir>/test/simulator/**/*.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    // fast-check over HTTP, seeded and time-bounded (FUZZ_SEED, FUZZ_RUNS, FUZZ_TIME_LIMIT_MS)
    { ...base, displayName: 'fuzz', testMatch: ['<rootDir>/test/fuzz/**/*.fuzz-spec.ts'] },
  ],
  collectCoverageFrom: [
    'src/**/*.ts',
    '!src/**/*.spec.ts',
    '!src/main.ts',
    '!src/simulator/main.ts',
  ],
  testTimeout: 30000,
};
