import { optionsFromEnv } from './main';

describe(optionsFromEnv.name, () => {
  it('defaults to 127.0.0.1:4010, the default client and console output', () => {
    expect(optionsFromEnv({})).toEqual({
      host: '127.0.0.1',
      port: 4010,
      clients: undefined,
      tokenLifetimeSeconds: undefined,
      operationStepMs: undefined,
      quiet: false,
    });
  });

  it('reads every SIMULATOR_* variable', () => {
    expect(
      optionsFromEnv({
        SIMULATOR_HOST: '0.0.0.0',
        SIMULATOR_PORT: '5000',
        SIMULATOR_CLIENT_ID: 'id',
        SIMULATOR_CLIENT_SECRET: 'secret',
        SIMULATOR_TOKEN_LIFETIME_SECONDS: '60',
        SIMULATOR_OPERATION_STEP_MS: '250',
      }),
    ).toEqual({
      host: '0.0.0.0',
      port: 5000,
      clients: [{ clientId: 'id', clientSecret: 'secret' }],
      tokenLifetimeSeconds: 60,
      operationStepMs: 250,
      quiet: false,
    });
  });

  it('refuses half a client and non-numbers', () => {
    expect(() => optionsFromEnv({ SIMULATOR_CLIENT_ID: 'id' })).toThrow(/both/);
    expect(() => optionsFromEnv({ SIMULATOR_PORT: 'eighty' })).toThrow(
      /SIMULATOR_PORT must be a whole number/,
    );
  });
});
