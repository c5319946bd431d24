import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ListWire } from 'src/upstream/wire/list.wire';
import type {
  SoftwareReleaseWire,
  SoftwareUpgradeWire,
} from 'src/upstream/wire/software-release.wire';
import { isUuid, uuidFrom } from 'src/simulator/http/hash.util';
import {
  listItems,
  parseSelectParam,
  project,
  singleParam,
  versionSortKey,
} from 'src/simulator/query/list-query';
import { JSON_TYPE, readJsonObject } from 'src/simulator/http/request-body.util';
import { contextOf, workspaceOf } from 'src/simulator/http/request-context';
import {
  SOFTWARE_RELEASE_FIELDS,
  SOFTWARE_RELEASE_LIST_RULES,
} from 'src/simulator/query/resource-rules';
import { type IdParams, notFound, requireUuid } from 'src/simulator/http/route-params.util';
import { SOFTWARE_RELEASES_PATH } from 'src/simulator/seed/seed-software-releases';
import type { SimulatorState } from 'src/simulator/simulator-state';
import { SimulatedError } from 'src/simulator/faults/simulated-error';
import { downloadUrl } from './download-link';

const VERSION_PATTERN = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))*(-(0|[1-9]\d*)(\.(0|[1-9]\d*))*)?$/;

export function registerSoftwareRoutes(app: FastifyInstance, state: SimulatorState): void {
  app.get(SOFTWARE_RELEASES_PATH, (request) =>
    listItems(
      workspaceOf(request).softwareReleases.all(),
      contextOf(request).query,
      SOFTWARE_RELEASE_LIST_RULES,
    ),
  );

  app.get<{ Params: IdParams }>(`${SOFTWARE_RELEASES_PATH}/:id`, (request) => {
    const select = parseSelectParam(contextOf(request).query, SOFTWARE_RELEASE_FIELDS);
    const release = findRelease(request);
    return select ? project(release, select) : release;
  });

  // 303 See Other to the file; 403 HPE_GL_DATA_SERVICES_RELEASE_DENIED when it may not be downloaded
  app.post<{ Params: IdParams }>(`${SOFTWARE_RELEASES_PATH}/:id/download`, (request, reply) => {
    const release = findRelease(request);
    const { file } = readJsonObject(request, [JSON_TYPE]);
    if (file !== 'SOFTWARE' && file !== 'SIGNATURE') {
      throw new SimulatedError('badRequest', 'file is required and must be SOFTWARE or SIGNATURE');
    }
    if (!release.downloadable) {
      throw new SimulatedError('releaseDenied', 'The requested release is currently denied.');
    }
    const metadata = file === 'SOFTWARE' ? release.software : release.signature;
    if (!metadata?.filename) {
      throw new SimulatedError(
        'notFound',
        `Release '${release.id}' has no ${file.toLowerCase()} file`,
      );
    }
    const location = downloadUrl(state.globalUrl, state.downloadKey, release.id, metadata.filename);
    return reply.code(303).header('location', location).send({});
  });

  app.get<{ Params: IdParams }>(
    '/data-services/v1beta1/software-components/:id/install-release',
    (request) => {
      const componentId = requireUuid(request.params.id, 'software-component');
      const releases = releasesOf(workspaceOf(request).softwareReleases.all(), componentId);
      const installable = releases.filter(
        (release) => release.stability === 'GENERAL_AVAILABILITY' && release.usage !== 'UPGRADE',
      );
      const latest = installable.at(-1);
      if (!latest) {
        throw notFound('software-component', componentId);
      }
      return latest;
    },
  );

  app.get('/data-services/v1beta1/software-upgrades', (request): ListWire<SoftwareUpgradeWire> => {
    const { componentId, version } = readUpgradeQuery(request);
    const releases = releasesOf(workspaceOf(request).softwareReleases.all(), componentId);
    if (releases.length === 0) {
      throw notFound('software-component', componentId);
    }
    const installedKey = versionSortKey(version) ?? '';
    const items = releases
      .filter(
        (release) =>
          release.usage !== 'INSTALL' && (versionSortKey(release.version) ?? '') > installedKey,
      )
      .map((release): SoftwareUpgradeWire => ({
        id: uuidFrom(`${release.id}:${version}`),
        type: 'data-services/software-upgrade',
        allowed: release.downloadable === true,
        notes: release.downloadable
          ? []
          : ['Action required: this release is not available for download yet'],
        softwareRelease: release,
      }));
    // Not paginated upstream
    return { items, count: items.length, offset: 0, total: items.length };
  });
}

function findRelease(request: FastifyRequest<{ Params: IdParams }>): SoftwareReleaseWire {
  const id = requireUuid(request.params.id, 'software-release');
  const release = workspaceOf(request).softwareReleases.get(id);
  if (!release) {
    throw notFound('software-release', id);
  }
  return release;
}

/** The releases of one component, oldest version first. */
function releasesOf(
  releases: readonly SoftwareReleaseWire[],
  componentId: string,
): SoftwareReleaseWire[] {
  return releases
    .filter((release) => release.softwareComponent?.id === componentId)
    .sort((a, b) => {
      const left = versionSortKey(a.version) ?? '';
      const right = versionSortKey(b.version) ?? '';
      return left < right ? -1 : left > right ? 1 : 0;
    });
}

/** software-component-id and version are required, plus serial-number or agent-id. */
function readUpgradeQuery(request: FastifyRequest): { componentId: string; version: string } {
  const { query } = contextOf(request);
  const componentId = singleParam(query, 'software-component-id');
  const version = singleParam(query, 'version');
  const serialNumber = singleParam(query, 'serial-number');
  const agentId = singleParam(query, 'agent-id');
  const problems: string[] = [];
  if (!componentId || !isUuid(componentId)) {
    problems.push('software-component-id is required and must be a UUID');
  }
  if (!version || version.length > 32 || !VERSION_PATTERN.test(version)) {
    problems.push(
      'version is required: dotted numbers with an optional -suffix, at most 32 characters',
    );
  }
  if (!serialNumber && !agentId) {
    problems.push('serial-number or agent-id is required');
  }
  if (agentId && !isUuid(agentId)) {
    problems.push('agent-id must be a UUID');
  }
  if (problems.length > 0 || !componentId || !version) {
    throw new SimulatedError(
      'invalidParameter',
      `An invalid parameter was received: ${problems.join('; ')}`,
    );
  }
  return { componentId: componentId.toLowerCase(), version };
}
