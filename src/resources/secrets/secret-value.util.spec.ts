import { MAX_SECRET_FIELD_LENGTH, secretValueProblem } from './secret-value.util';

const KINDS =
  'azureSPClient, basicAuth, bearerAuth, certificate, generic, jsonWebToken, oauthClient, password, privateKey, sshKeypair';

describe(secretValueProblem.name, () => {
  it.each([
    { basicAuth: { username: 'u', password: 'p' } },
    { basicAuth: { password: 'p' } },
    { sshKeypair: { publicKey: 'a', privateKey: 'b' } },
    { generic: { secret: 's' } },
  ])('accepts %j', (secret) => {
    expect(secretValueProblem(secret)).toBeUndefined();
  });

  it.each([
    [undefined, `secret must be an object with exactly one of: ${KINDS}`],
    ['text', `secret must be an object with exactly one of: ${KINDS}`],
    [[{ password: {} }], `secret must be an object with exactly one of: ${KINDS}`],
    [{}, `secret must be an object with exactly one of: ${KINDS}`],
    [
      { password: { password: 'a' }, generic: { secret: 'b' } },
      `secret must be an object with exactly one of: ${KINDS} (got: password, generic)`,
    ],
    [
      { kerberos: { ticket: 't' } },
      `secret must be an object with exactly one of: ${KINDS} (got: 1 unknown key)`,
    ],
    [
      { password: { password: 'p' }, a: 1, b: 2 },
      `secret must be an object with exactly one of: ${KINDS} (got: password, 2 unknown keys)`,
    ],
    [{ password: 'p' }, 'secret.password must be an object with at least one of: password'],
    [{ password: {} }, 'secret.password must be an object with at least one of: password'],
    [{ basicAuth: { user: 'u' } }, 'secret.basicAuth accepts only username, password'],
    [
      { password: { password: 7 } },
      `secret.password.password must be a non-empty string of at most ${MAX_SECRET_FIELD_LENGTH} characters`,
    ],
    [
      { password: { password: '' } },
      `secret.password.password must be a non-empty string of at most ${MAX_SECRET_FIELD_LENGTH} characters`,
    ],
  ])('rejects %j: %s', (secret, problem) => {
    expect(secretValueProblem(secret)).toBe(problem);
  });

  it('never puts a value in its message', () => {
    const value = 'hunter2-super-secret';
    for (const secret of [
      { password: { password: value }, generic: { secret: value } },
      { basicAuth: { [value]: value } },
      { [value]: { password: value } },
      { password: { password: value.repeat(10_000) } },
    ]) {
      expect(secretValueProblem(secret)).not.toContain(value.slice(0, 12));
    }
  });
});
