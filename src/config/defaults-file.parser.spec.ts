import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvReader } from 'src/config/env-reader';
import { parseDefaultsFile } from './defaults-file.parser';

const VARIABLE = 'GATEWAY_DEFAULTS_FILE';

function parse(content: string): {
  overrides: ReturnType<typeof parseDefaultsFile>;
  problems: string[];
} {
  const path = join(mkdtempSync(join(tmpdir(), 'gw-defaults-')), 'defaults.yaml');
  writeFileSync(path, content);
  const reader = new EnvReader({});
  const overrides = parseDefaultsFile(reader, VARIABLE, path);
  return { overrides, problems: reader.problems };
}

describe(parseDefaultsFile.name, () => {
  it('reads YAML with a resources map, select as a list or a string', () => {
    const { overrides, problems } = parse(`
resources:
  tasks:
    select: [id, state]
    sort: "updatedAt  DESC"
    filter: "state eq 'RUNNING'"
    cacheTtlSeconds: 10
  issues:
    select: body,severity
  secrets:
    sort: ''
  tags:
`);
    expect(problems).toEqual([]);
    expect(overrides).toEqual({
      tasks: {
        select: ['id', 'state'],
        sort: 'updatedAt desc',
        filter: "state eq 'RUNNING'",
        cacheTtlSeconds: 10,
      },
      issues: { select: ['body', 'severity'] },
      secrets: { sort: '' },
      tags: {},
    });
  });

  it('reads JSON without the resources key', () => {
    const { overrides, problems } = parse('{"settings": {"sort": "name desc", "select": []}}');
    expect(problems).toEqual([]);
    expect(overrides).toEqual({ settings: { sort: 'name desc', select: [] } });
  });

  it('reports every problem on its own line, naming the resource and the setting', () => {
    const { overrides, problems } = parse(`
resources:
  widgets: {}
  tasks:
    sort: color asc
    colour: red
  secrets:
    select: [name]
  storage-locations:
    sort: name
  issues:
    select: "parent/id"
    filter: "state eq 'CREATED"
    cacheTtlSeconds: -1
  tags: 42
`);
    expect(overrides).toEqual({});
    expect(problems).toEqual([
      `${VARIABLE}: unknown resource "widgets" (known: tasks, issues, secrets, software-releases, storage-locations, tags, settings, dual-auth-operations)`,
      `${VARIABLE}: resources.tasks: unknown setting(s) colour (known: select, sort, filter, cacheTtlSeconds)`,
      `${VARIABLE}: resources.tasks: sort cannot use 'color' (sortable: id, name, displayName, state, createdAt, updatedAt, startedAt, endedAt, progressPercent, healthStatus, userId, generation)`,
      `${VARIABLE}: resources.secrets: select is not possible: GreenLake has no select for secrets`,
      `${VARIABLE}: resources.storage-locations: sort is not possible: GreenLake does not sort storage locations`,
      `${VARIABLE}: resources.issues: select must be a list of top-level property names (or "a,b,c")`,
      `${VARIABLE}: resources.issues: filter has an unterminated string literal`,
      `${VARIABLE}: resources.issues: cacheTtlSeconds must be a whole number from 0 to 86400`,
      `${VARIABLE}: resources.tags: expected a map with select, sort, filter or cacheTtlSeconds`,
    ]);
  });

  it('refuses a select naming a property the resource cannot select, with the selectable ones', () => {
    const { overrides, problems } = parse(`
resources:
  tasks:
    select: [id, nmae]
  settings:
    select: "name,currentValue"
`);
    expect(overrides).toEqual({ settings: { select: ['name', 'currentValue'] } });
    expect(problems).toEqual([
      `${VARIABLE}: resources.tasks: select: unknown property 'nmae' (did you mean 'name'?); selectable: id, type, generation, createdAt, updatedAt, resourceUri, customerId, name, state, healthStatus, progressPercent, displayName, userId, services, startedAt, endedAt, logMessages, error, associatedResources, sourceResourceUri, parent, rootOperation, hasChildOperations, subtreeOperationCount, groups, recommendations, additionalDetails, estimatedRunningDurationMinutes, suggestedPollingIntervalSeconds`,
    ]);
  });

  it('reports an unreadable, unparsable or shapeless file', () => {
    const reader = new EnvReader({});
    expect(parseDefaultsFile(reader, VARIABLE, '/nonexistent/defaults.yaml')).toEqual({});
    expect(reader.problems).toEqual([
      `${VARIABLE}: cannot read file /nonexistent/defaults.yaml (ENOENT)`,
    ]);
    expect(parse('resources: [1, 2').problems[0]).toMatch(/is not valid YAML or JSON/);
    expect(parse('- tasks').problems[0]).toMatch(/needs a "resources" map/);
  });
});
