import type { SecretWire } from 'src/upstream/wire/secret.wire';
import { CreateSecretDto } from './dto/create-secret.dto';
import { toSecretCreateWire, toSecretPatchWire, toSecretResponse } from './secrets.mapper';

const SECRET: SecretWire = {
  id: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427',
  type: '/data-services/secret',
  name: 'n',
  customerId: 'c',
  resourceUri: '/data-services/v1beta1/secrets/1b4e28ba-2fa1-4d2b-883f-0016d3cca427',
  generation: 1,
  createdAt: '2024-05-01T00:00:00Z',
  updatedAt: '2024-05-01T00:00:00Z',
  service: '',
  classifier: { name: 'SECRET' },
  subclassifier: { name: 'PASSWORD' },
  domain: { name: 'CONFIGURATION' },
  status: 'NOT_APPLIED',
  statusUpdatedAt: '2024-05-01T00:00:00Z',
};

describe('secrets.mapper', () => {
  it('passes metadata through and drops a write-only value GreenLake might echo', () => {
    expect(toSecretResponse(SECRET)).toBe(SECRET);
    const echoed = { ...SECRET, secret: { password: { password: 'leak' } } } as SecretWire;
    const shown = toSecretResponse(echoed);
    expect(shown).toEqual(SECRET);
    expect(JSON.stringify(shown)).not.toContain('leak');
  });

  it('builds the create and patch bodies without undefined fields', () => {
    const dto = Object.assign(new CreateSecretDto(), {
      name: 'n',
      service: '',
      secret: { password: { password: 'p' } },
      assignees: [{ id: 'a' }],
    });
    expect(toSecretCreateWire(dto)).toEqual({
      name: 'n',
      service: '',
      secret: { password: { password: 'p' } },
      assignees: [{ id: 'a' }],
    });
    expect(toSecretPatchWire({ description: 'd' })).toEqual({ description: 'd' });
    expect(toSecretPatchWire({})).toEqual({});
  });
});
