import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SettingWire } from 'src/upstream/wire/setting.wire';
import { listItems } from 'src/simulator/query/list-query';
import { MERGE_PATCH_TYPE, readJsonObject } from 'src/simulator/http/request-body.util';
import { contextOf, workspaceOf } from 'src/simulator/http/request-context';
import { SETTING_LIST_RULES } from 'src/simulator/query/resource-rules';
import { type IdParams, notFound, requireUuid } from 'src/simulator/http/route-params.util';
import { SETTINGS_PATH } from 'src/simulator/seed/seed-settings';
import { SimulatedError } from 'src/simulator/faults/simulated-error';

export function registerSettingRoutes(app: FastifyInstance): void {
  app.get(SETTINGS_PATH, (request) =>
    listItems(workspaceOf(request).settings.all(), contextOf(request).query, SETTING_LIST_RULES),
  );

  app.get<{ Params: IdParams }>(`${SETTINGS_PATH}/:id`, (request) => findSetting(request));

  app.patch<{ Params: IdParams }>(`${SETTINGS_PATH}/:id`, (request) => {
    const setting = findSetting(request);
    const body = readJsonObject(request, [MERGE_PATCH_TYPE]);
    const extra = Object.keys(body).filter((key) => key !== 'currentValue');
    if (extra.length > 0) {
      throw new SimulatedError(
        'badRequest',
        `Only currentValue can be changed; not ${extra.join(', ')}`,
      );
    }
    const { currentValue } = body;
    const possible = possibleValuesOf(setting);
    if (typeof currentValue !== 'string' || !possible.includes(currentValue)) {
      throw new SimulatedError(
        'badRequest',
        `currentValue is required and must be one of the possibleValues: ${possible.join(', ')}`,
      );
    }
    const now = new Date().toISOString();
    setting.currentValue = currentValue;
    setting.nextValue = currentValue;
    setting.lastUpdatedAt = now;
    setting.lastUpdatedBy = contextOf(request).token?.clientId ?? 'unknown';
    setting.updatedAt = now;
    setting.generation += 1;
    return setting;
  });
}

function findSetting(request: FastifyRequest<{ Params: IdParams }>): SettingWire {
  const id = requireUuid(request.params.id, 'setting');
  const setting = workspaceOf(request).settings.get(id);
  if (!setting) {
    throw notFound('setting', id);
  }
  return setting;
}

/** possibleValues is a JSON array serialised as a string. */
function possibleValuesOf(setting: SettingWire): string[] {
  try {
    const values: unknown = JSON.parse(setting.possibleValues ?? '[]');
    return Array.isArray(values)
      ? values.filter((value): value is string => typeof value === 'string')
      : [];
  } catch {
    return [];
  }
}
