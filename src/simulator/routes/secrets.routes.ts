import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SecretAssignmentWire } from 'src/upstream/wire/secret-assignment.wire';
import type { SecretGroupWire, SecretWire } from 'src/upstream/wire/secret.wire';
import { randomUuid, sha256Hex } from 'src/simulator/http/hash.util';
import { listItems, singleParam } from 'src/simulator/query/list-query';
import { JSON_TYPE, MERGE_PATCH_TYPE, readJsonObject } from 'src/simulator/http/request-body.util';
import { contextOf, workspaceOf } from 'src/simulator/http/request-context';
import {
  SECRET_ASSIGNMENT_LIST_RULES,
  SECRET_LIST_RULES,
} from 'src/simulator/query/resource-rules';
import { type IdParams, notFound, requireUuid } from 'src/simulator/http/route-params.util';
import { SECRET_KINDS, kindOfSubclassifier } from 'src/simulator/seed/secret-kinds';
import {
  SECRETS_PATH,
  SECRET_ASSIGNMENTS_PATH,
  SECRET_ASSIGNMENT_TYPE,
  SECRET_TYPE,
} from 'src/simulator/seed/seed-secrets';
import { SimulatedError } from 'src/simulator/faults/simulated-error';
import type { WorkspaceData } from 'src/simulator/seed/workspace-data';
import { validateSecretCreate, validateSecretPatch } from './secret-validation';

export function registerSecretRoutes(app: FastifyInstance): void {
  app.get(SECRETS_PATH, (request) =>
    listItems(workspaceOf(request).secrets.all(), contextOf(request).query, SECRET_LIST_RULES),
  );

  // Answered 200, not 201 (spec); the value is kept only as a fingerprint
  app.post(SECRETS_PATH, (request) => {
    const workspace = workspaceOf(request);
    const { spec, value } = validateSecretCreate(readJsonObject(request, [JSON_TYPE]));
    if (workspace.secrets.all().some((secret) => secret.name === spec.name)) {
      throw new SimulatedError('conflict', `A secret named '${spec.name}' already exists`);
    }
    const now = new Date().toISOString();
    const caller = callerOf(request);
    const id = randomUuid();
    const secret: SecretWire = {
      id,
      type: SECRET_TYPE,
      name: spec.name,
      customerId: workspace.customerId,
      resourceUri: `${SECRETS_PATH}/${id}`,
      generation: 1,
      createdAt: now,
      updatedAt: now,
      service: spec.service,
      ...(spec.label === undefined ? {} : { label: spec.label }),
      classifier: { name: 'SECRET' },
      subclassifier: { name: SECRET_KINDS[value.kind].subclassifier, properties: {} },
      domain: {
        name: 'CONFIGURATION',
        properties: {
          CREATED_BY: caller,
          LAST_UPDATED_BY: caller,
          LIFECYCLE_EVENT_KEY: spec.lifecycleEventKey ?? '',
          DESCRIPTION: spec.description ?? '',
          LOCK_DELETE: false,
        },
      },
      status: 'NOT_APPLIED',
      statusUpdatedAt: now,
      assignmentsCount: spec.assignees?.length ?? 0,
      groups: groupsOf(spec.groups, workspace),
    };
    workspace.secrets.add(secret);
    workspace.secretFingerprints.set(id, sha256Hex(JSON.stringify(value.values)));
    for (const assignee of spec.assignees ?? []) {
      workspace.secretAssignments.add(assignmentFor(secret, assignee.id, now));
    }
    return secret;
  });

  app.get<{ Params: IdParams }>(`${SECRETS_PATH}/:id`, (request) => findSecret(request));

  app.patch<{ Params: IdParams }>(`${SECRETS_PATH}/:id`, (request) => {
    const workspace = workspaceOf(request);
    const secret = findSecret(request);
    const body = readJsonObject(request, [JSON_TYPE, MERGE_PATCH_TYPE]);
    const { patch, value } = validateSecretPatch(
      body,
      kindOfSubclassifier(secret.subclassifier.name),
    );
    if (value) {
      const previous = workspace.secretFingerprints.get(secret.id) ?? '';
      workspace.secretFingerprints.set(
        secret.id,
        sha256Hex(previous + JSON.stringify(value.values)),
      );
    }
    const properties = (secret.domain.properties ??= {});
    if (patch.description !== undefined) {
      properties.DESCRIPTION = patch.description;
    }
    if (patch.groups !== undefined) {
      secret.groups = groupsOf(patch.groups, workspace);
    }
    properties.LAST_UPDATED_BY = callerOf(request);
    secret.generation += 1;
    secret.updatedAt = new Date().toISOString();
    return secret;
  });

  app.delete<{ Params: IdParams }>(`${SECRETS_PATH}/:id`, (request, reply) => {
    const workspace = workspaceOf(request);
    const secret = findSecret(request);
    const safe = singleParam(contextOf(request).query, 'safe');
    if (safe !== undefined && safe !== 'true' && safe !== 'false') {
      throw new SimulatedError('badRequest', `safe must be true or false, not '${safe}'`);
    }
    if (safe === 'true' && secret.domain.properties?.LOCK_DELETE === true) {
      throw new SimulatedError('conflict', `Secret '${secret.id}' is delete-locked by a service`);
    }
    workspace.secrets.remove(secret.id);
    workspace.secretFingerprints.delete(secret.id);
    // Deleting a secret also removes its assignments
    for (const assignment of [...workspace.secretAssignments.all()]) {
      if (assignment.secret.id === secret.id) {
        workspace.secretAssignments.remove(assignment.id);
      }
    }
    return reply.code(204).send();
  });

  app.get(SECRET_ASSIGNMENTS_PATH, (request) =>
    listItems(
      workspaceOf(request).secretAssignments.all(),
      contextOf(request).query,
      SECRET_ASSIGNMENT_LIST_RULES,
    ),
  );

  app.get<{ Params: IdParams }>(`${SECRET_ASSIGNMENTS_PATH}/:id`, (request) => {
    const id = requireUuid(request.params.id, 'secret-assignment');
    const assignment = workspaceOf(request).secretAssignments.get(id);
    if (!assignment) {
      throw notFound('secret-assignment', id);
    }
    return assignment;
  });
}

function findSecret(request: FastifyRequest<{ Params: IdParams }>): SecretWire {
  const id = requireUuid(request.params.id, 'secret');
  const secret = workspaceOf(request).secrets.get(id);
  if (!secret) {
    throw notFound('secret', id);
  }
  return secret;
}

function callerOf(request: FastifyRequest): string {
  return contextOf(request).token?.clientId ?? 'unknown';
}

function groupsOf(ids: readonly string[] | undefined, workspace: WorkspaceData): SecretGroupWire[] {
  const { defaultGroup } = workspace.context;
  if (!ids || ids.length === 0) {
    return [{ id: defaultGroup.id, name: defaultGroup.name }];
  }
  return ids.map((id) => (id === defaultGroup.id ? { id, name: defaultGroup.name } : { id }));
}

function assignmentFor(secret: SecretWire, applianceId: string, now: string): SecretAssignmentWire {
  const id = randomUuid();
  return {
    id,
    type: SECRET_ASSIGNMENT_TYPE,
    name: `${secret.name}@${applianceId}`,
    customerId: secret.customerId,
    resourceUri: `${SECRET_ASSIGNMENTS_PATH}/${id}`,
    generation: 1,
    createdAt: now,
    updatedAt: now,
    service: secret.service,
    appliance: { id: applianceId },
    secret: {
      id: secret.id,
      name: secret.name,
      resourceUri: secret.resourceUri,
      type: SECRET_TYPE,
    },
    goal: 'ASSIGNED',
    goalUpdatedAt: now,
    status: 'PENDING',
    statusUpdatedAt: now,
    ...(secret.label === undefined ? {} : { label: secret.label }),
    groups: secret.groups,
  };
}
