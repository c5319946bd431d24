import { type RunningSimulator, startSimulator } from 'src/simulator';
import type { DualAuthOperationWire } from 'src/upstream/wire/dual-auth-operation.wire';
import type { GreenLakeErrorWire } from 'src/upstream/wire/error.wire';
import type { IssueWire } from 'src/upstream/wire/issue.wire';
import type { ListWire } from 'src/upstream/wire/list.wire';
import type { SecretAssignmentWire } from 'src/upstream/wire/secret-assignment.wire';
import type { SecretWire } from 'src/upstream/wire/secret.wire';
import type { SettingWire } from 'src/upstream/wire/setting.wire';
import { DS, MERGE_PATCH, type RegionApi, connect } from './simulator-harness';

const NEW_SECRET = {
  name: 'array-admin',
  service: 'data-ops-manager',
  label: 'lab',
  secret: { basicAuth: { username: 'admin', password: 'Sup3r-Secret!' } },
};

describe('writes', () => {
  let sim: RunningSimulator;
  let api: RegionApi;

  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.stop());
  beforeEach(async () => {
    sim.controls.reset();
    api = await connect(sim);
  });

  const first = async <T>(path: string): Promise<T> =>
    (await api.get<ListWire<T>>(path)).body.items[0];

  describe('secrets', () => {
    it('creates a secret (200 SecretResourceDef) and never returns its value', async () => {
      const created = await api.write<SecretWire>('POST', `${DS}/secrets`, NEW_SECRET);
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({
        name: 'array-admin',
        service: 'data-ops-manager',
        label: 'lab',
        type: '/data-services/secret',
        classifier: { name: 'SECRET' },
        subclassifier: { name: 'BASIC_AUTH' },
        status: 'NOT_APPLIED',
        generation: 1,
        resourceUri: `${DS}/secrets/${created.body.id}`,
      });
      const fetched = await api.get<SecretWire>(`${DS}/secrets/${created.body.id}`);
      expect(fetched.body).toEqual(created.body);
      expect(JSON.stringify([created.body, fetched.body])).not.toContain('Sup3r-Secret!');
      expect((await api.get<ListWire<SecretWire>>(`${DS}/secrets`)).body.total).toBe(31);
    });

    it('creates assignments for the assignees of an AssignedSecretSpec', async () => {
      const created = await api.write<SecretWire>('POST', `${DS}/secrets`, {
        ...NEW_SECRET,
        assignees: [{ id: 'appliance-1' }, { id: 'appliance-2' }],
      });
      expect(created.body.assignmentsCount).toBe(2);
      const assignments = await api.get<ListWire<SecretAssignmentWire>>(
        `${DS}/secret-assignments?filter=${encodeURIComponent(`secretId eq '${created.body.id}'`)}`,
      );
      expect(assignments.body.items.map((assignment) => assignment.appliance.id).sort()).toEqual([
        'appliance-1',
        'appliance-2',
      ]);
    });

    it('answers 409 for a duplicate name', async () => {
      expect((await api.write('POST', `${DS}/secrets`, NEW_SECRET)).status).toBe(200);
      const again = await api.write<GreenLakeErrorWire>('POST', `${DS}/secrets`, NEW_SECRET);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ httpStatusCode: 409, errorCode: 'HPE_GL_ERROR_CONFLICT' });
    });

    it.each([
      ['no name', { ...NEW_SECRET, name: undefined }, /name is required/],
      ['no service', { ...NEW_SECRET, service: undefined }, /service is required/],
      [
        'two kinds',
        { ...NEW_SECRET, secret: { generic: { secret: 'a' }, password: { password: 'b' } } },
        /exactly one of/,
      ],
      ['an unknown kind', { ...NEW_SECRET, secret: { apiKey: { key: 'a' } } }, /exactly one of/],
      ['an unknown field', { ...NEW_SECRET, colour: 'red' }, /unknown properties: colour/],
    ])('answers 400 for %s', async (_case, body, message) => {
      const reply = await api.write<GreenLakeErrorWire>('POST', `${DS}/secrets`, body);
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(message);
    });

    it('answers 400 for malformed JSON and 415 for another content type', async () => {
      const malformed = await api.write<GreenLakeErrorWire>('POST', `${DS}/secrets`, '{"name": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toMatch(/not valid JSON/);
      const text = await api.write<GreenLakeErrorWire>(
        'POST',
        `${DS}/secrets`,
        'name=x',
        'text/plain',
      );
      expect(text.status).toBe(415);
      expect(text.body.errorCode).toBe('HPE_GL_ERROR_UNSUPPORTED_MEDIA_TYPE');
    });

    it.each(['application/json', MERGE_PATCH])(
      'changes a secret with %s and bumps its generation',
      async (type) => {
        const created = await api.write<SecretWire>('POST', `${DS}/secrets`, NEW_SECRET);
        const changed = await api.write<SecretWire>(
          'PATCH',
          `${DS}/secrets/${created.body.id}`,
          { secret: { basicAuth: { password: 'rotated' } }, description: 'rotated today' },
          type,
        );
        expect(changed.status).toBe(200);
        expect(changed.body.generation).toBe(2);
        expect(changed.body.domain.properties).toMatchObject({ DESCRIPTION: 'rotated today' });
        expect(JSON.stringify(changed.body)).not.toContain('rotated"');
      },
    );

    it('refuses to change the kind of a secret (400)', async () => {
      const created = await api.write<SecretWire>('POST', `${DS}/secrets`, NEW_SECRET);
      const reply = await api.write<GreenLakeErrorWire>(
        'PATCH',
        `${DS}/secrets/${created.body.id}`,
        {
          secret: { password: { password: 'x' } },
        },
      );
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(/kind of a secret cannot change/);
    });

    it('deletes (204) with its assignments; safe=true answers 409 on a delete-locked secret', async () => {
      const secrets = (await api.get<ListWire<SecretWire>>(`${DS}/secrets?limit=120`)).body.items;
      const locked = secrets.find((secret) => secret.domain.properties?.LOCK_DELETE === true)!;
      const safe = await api.write<GreenLakeErrorWire>(
        'DELETE',
        `${DS}/secrets/${locked.id}?safe=true`,
      );
      expect(safe.status).toBe(409);
      expect(safe.body.message).toMatch(/delete-locked/);
      const withAssignments = secrets.find((secret) => (secret.assignmentsCount ?? 0) > 0)!;
      const removed = await api.write('DELETE', `${DS}/secrets/${withAssignments.id}`);
      expect(removed.status).toBe(204);
      expect(removed.body).toBe('');
      expect((await api.get(`${DS}/secrets/${withAssignments.id}`)).status).toBe(404);
      const left = await api.get<ListWire<SecretAssignmentWire>>(
        `${DS}/secret-assignments?filter=${encodeURIComponent(`secretId eq '${withAssignments.id}'`)}`,
      );
      expect(left.body.total).toBe(0);
      expect((await api.write('DELETE', `${DS}/secrets/${locked.id}`)).status).toBe(204);
    });

    it('answers 400 for a malformed id and 404 for an unknown one', async () => {
      expect((await api.get(`${DS}/secrets/not-a-uuid`)).status).toBe(400);
      expect((await api.get(`${DS}/secrets/00000000-0000-4000-8000-000000000000`)).status).toBe(
        404,
      );
    });
  });

  describe('issues', () => {
    it('snoozes with a merge patch, bumping the generation, and un-snoozes with NONE', async () => {
      const issue = await first<IssueWire>(`${DS}/issues`);
      const snoozed = await api.write<IssueWire>(
        'PATCH',
        `${DS}/issues/${issue.id}`,
        { snoozedFor: 'DAY', generation: String(issue.generation) },
        MERGE_PATCH,
      );
      expect(snoozed.status).toBe(200);
      expect(snoozed.body).toMatchObject({
        snoozed: true,
        snoozedFor: 'DAY',
        generation: issue.generation + 1,
      });
      expect(Date.parse(snoozed.body.snoozedUntil!)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
      const woken = await api.write<IssueWire>(
        'PATCH',
        `${DS}/issues/${issue.id}`,
        { snoozedFor: 'NONE', generation: String(issue.generation + 1) },
        MERGE_PATCH,
      );
      expect(woken.body).toMatchObject({
        snoozed: false,
        snoozedFor: 'NONE',
        snoozedUntil: '0001-01-01T00:00:00Z',
      });
    });

    it.each([
      ['application/json', { snoozedFor: 'DAY', generation: '1' }, 415],
      [MERGE_PATCH, { generation: '1' }, 400],
      [MERGE_PATCH, { snoozedFor: 'YEAR', generation: '1' }, 400],
      [MERGE_PATCH, { snoozedFor: 'DAY' }, 400],
      [MERGE_PATCH, { snoozedFor: 'DAY', generation: 1 }, 400],
      [MERGE_PATCH, { snoozedFor: 'DAY', generation: '999' }, 412],
      [MERGE_PATCH, { snoozedFor: 'DAY', generation: 'GEN', severity: 'INFO' }, 422],
    ])('%s %j answers %i', async (type, body, status) => {
      const issue = await first<IssueWire>(`${DS}/issues`);
      const reply = await api.write<GreenLakeErrorWire>(
        'PATCH',
        `${DS}/issues/${issue.id}`,
        body,
        type,
      );
      expect(reply.status).toBe(status);
      expect(reply.body.httpStatusCode).toBe(status);
    });
  });

  describe('settings', () => {
    it('changes currentValue to one of possibleValues and bumps the generation', async () => {
      const setting = await first<SettingWire>(
        `${DS}/settings?filter=${encodeURIComponent("name eq 'DUAL_AUTHORIZATION'")}`,
      );
      const next = setting.currentValue === 'ENABLED' ? 'DISABLED' : 'ENABLED';
      const changed = await api.write<SettingWire>(
        'PATCH',
        `${DS}/settings/${setting.id}`,
        { currentValue: next },
        MERGE_PATCH,
      );
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        currentValue: next,
        generation: setting.generation + 1,
      });
      expect((await api.get<SettingWire>(`${DS}/settings/${setting.id}`)).body.currentValue).toBe(
        next,
      );
    });

    it('answers 400 outside possibleValues and 415 without merge-patch', async () => {
      const setting = await first<SettingWire>(`${DS}/settings`);
      const invalid = await api.write<GreenLakeErrorWire>(
        'PATCH',
        `${DS}/settings/${setting.id}`,
        { currentValue: 'MAYBE' },
        MERGE_PATCH,
      );
      expect(invalid.status).toBe(400);
      expect(invalid.body.message).toMatch(/one of the possibleValues/);
      expect(
        (await api.write('PATCH', `${DS}/settings/${setting.id}`, { currentValue: 'X' })).status,
      ).toBe(415);
    });
  });

  describe('dual-auth operations', () => {
    const pendingFilter = `${DS}/dual-auth-operations?filter=${encodeURIComponent("state eq 'PENDING'")}`;

    it('approves a PENDING operation, then answers 412 because it is no longer pending', async () => {
      const pending = await first<DualAuthOperationWire>(pendingFilter);
      const approved = await api.write<DualAuthOperationWire>(
        'PATCH',
        `${DS}/dual-auth-operations/${pending.id}`,
        { state: 'APPROVED' },
        MERGE_PATCH,
      );
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        state: 'APPROVED',
        checkedByEmail: 'simulator-client',
      });
      const again = await api.write<GreenLakeErrorWire>(
        'PATCH',
        `${DS}/dual-auth-operations/${pending.id}`,
        { state: 'CANCELLED' },
        MERGE_PATCH,
      );
      expect(again.status).toBe(412);
    });

    it('answers 400 for another state and 415 without merge-patch', async () => {
      const pending = await first<DualAuthOperationWire>(pendingFilter);
      expect(
        (
          await api.write(
            'PATCH',
            `${DS}/dual-auth-operations/${pending.id}`,
            { state: 'PENDING' },
            MERGE_PATCH,
          )
        ).status,
      ).toBe(400);
      expect(
        (
          await api.write('PATCH', `${DS}/dual-auth-operations/${pending.id}`, {
            state: 'APPROVED',
          })
        ).status,
      ).toBe(415);
    });
  });

  it('reset() brings every write back to the seed', async () => {
    const created = await api.write<SecretWire>('POST', `${DS}/secrets`, NEW_SECRET);
    sim.controls.reset();
    const fresh = await connect(sim);
    expect((await fresh.get(`${DS}/secrets/${created.body.id}`)).status).toBe(404);
    expect((await fresh.get<ListWire<SecretWire>>(`${DS}/secrets`)).body.total).toBe(30);
  });
});
