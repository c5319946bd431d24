import { validateSecretCreate, validateSecretPatch } from './secret-validation';

const valid = {
  name: 'vcenter',
  service: 'backup-and-recovery',
  secret: { basicAuth: { username: 'u', password: 'p' } },
};

describe(validateSecretCreate.name, () => {
  it('accepts a spec with exactly one known kind of secret', () => {
    expect(
      validateSecretCreate({ ...valid, label: 'lab', assignees: [{ id: 'appliance-1' }] }).value,
    ).toEqual({
      kind: 'basicAuth',
      values: { username: 'u', password: 'p' },
    });
    expect(validateSecretCreate({ ...valid, service: '' }).spec.service).toBe('');
  });

  it.each([
    [{ ...valid, name: '' }, /name is required/],
    [{ ...valid, name: 'x'.repeat(257) }, /at most 256/],
    [{ name: 'x', secret: valid.secret }, /service is required/],
    [{ ...valid, secret: undefined }, /exactly one of: azureSPClient, basicAuth/],
    [
      { ...valid, secret: { basicAuth: { username: 'u' }, password: { password: 'p' } } },
      /exactly one of/,
    ],
    [{ ...valid, secret: { apiKey: { key: 'k' } } }, /exactly one of/],
    [{ ...valid, secret: { basicAuth: {} } }, /at least one of: username, password/],
    [
      { ...valid, secret: { basicAuth: { token: 't' } } },
      /secret.basicAuth.token is not a known field/,
    ],
    [{ ...valid, secret: { basicAuth: { username: 1 } } }, /must be a string/],
    [{ ...valid, colour: 'red' }, /unknown properties: colour/],
    [{ ...valid, assignees: [{}] }, /assignees must be/],
  ])('rejects %p', (body, message) => {
    expect(() => validateSecretCreate(body as Record<string, unknown>)).toThrow(message);
  });
});

describe(validateSecretPatch.name, () => {
  it('accepts a partial value of the same kind, groups and description', () => {
    expect(
      validateSecretPatch(
        { secret: { basicAuth: { password: 'new' } }, description: 'd' },
        'basicAuth',
      ).value,
    ).toEqual({
      kind: 'basicAuth',
      values: { password: 'new' },
    });
    expect(validateSecretPatch({ groups: ['g'] }, 'basicAuth').value).toBeUndefined();
  });

  it('refuses to change the kind of a secret', () => {
    expect(() =>
      validateSecretPatch({ secret: { password: { password: 'p' } } }, 'basicAuth'),
    ).toThrow(/cannot change: this one is basicAuth/);
  });
});
