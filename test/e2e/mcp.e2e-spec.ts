import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import request from 'supertest';
import { auditLines } from 'test/utils/audit-log';
import { callTool, connectMcp } from 'test/utils/mcp-client';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const WRITER = 'writer-key-0123456789';
const READER = 'reader-key-0123456789';
const SECRETS = '/data-services/v1beta1/secrets';
const WRITE_TOOLS = [
  'snooze_issue',
  'create_secret',
  'update_secret',
  'delete_secret',
  'approve_dual_auth_operation',
  'cancel_dual_auth_operation',
];

describe('MCP endpoint (/mcp) driven by the SDK client', () => {
  let gw: TestGateway;
  let writer: Client;
  let reader: Client;

  beforeAll(async () => {
    gw = await startTestGateway({
      simulator: { operationStepMs: 100, suggestedPollingIntervalSeconds: 1 },
      env: {
        GATEWAY_API_KEYS: `writer:${WRITER}:read+write,reader:${READER}:read`,
        TASK_POLL_MIN_MS: '50',
        TASK_POLL_MAX_MS: '200',
        LOG_LEVEL: 'log',
      },
    });
    writer = await connectMcp(gw.url, WRITER);
    reader = await connectMcp(gw.url, READER);
  });
  afterAll(async () => {
    await Promise.all([writer?.close(), reader?.close()]);
    // The client that left mid-wait leaves fetch's pool a connection with no request on it, which
    // a graceful server close would wait for until headersTimeout
    (gw?.app.getHttpServer() as { closeAllConnections?: () => void })?.closeAllConnections?.();
    await gw?.close();
  });

  describe('tools/list', () => {
    it('lists fewer than 25 tools whose schemas together stay under 8,000 tokens', async () => {
      const { tools } = await writer.listTools();
      expect(tools.length).toBeGreaterThan(15);
      expect(tools.length).toBeLessThan(25);
      const tokens = JSON.stringify(tools).length / 4;
      expect(tokens).toBeLessThan(8000);
      for (const tool of tools) {
        expect(tool.description).toMatch(/^[^\n]{10,120}$/);
        expect(tool.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
        expect(typeof tool.annotations?.readOnlyHint).toBe('boolean');
      }
      expect(tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(WRITE_TOOLS));
      expect(tools.find((tool) => tool.name === 'delete_secret')?.annotations).toMatchObject({
        readOnlyHint: false,
        destructiveHint: true,
      });
    });

    it('shows a read-only key no write tool, and greenlake_request with GET only', async () => {
      const { tools } = await reader.listTools();
      const names = tools.map((tool) => tool.name);
      for (const name of WRITE_TOOLS) {
        expect(names).not.toContain(name);
      }
      expect(names).toEqual(
        expect.arrayContaining(['list_tasks', 'wait_for_task', 'list_secrets']),
      );
      const generic = tools.find((tool) => tool.name === 'greenlake_request');
      expect(generic?.inputSchema.properties?.method).toEqual({ type: 'string', enum: ['GET'] });
      expect(generic?.annotations?.readOnlyHint).toBe(true);
    });

    it('never offers a raw OData filter', async () => {
      const { tools } = await writer.listTools();
      for (const tool of tools) {
        expect(Object.keys(tool.inputSchema.properties ?? {})).not.toContain('filter');
      }
    });
  });

  describe('read tools', () => {
    it('list_tasks answers the same tasks as the REST route, with a note on how to get more', async () => {
      const rest = await request(gw.url)
        .get('/v1/regions/us-west/tasks?limit=3')
        .set('X-API-Key', READER)
        .expect(200);
      const { isError, json } = await callTool(reader, 'list_tasks', {
        region: 'us-west',
        limit: 3,
      });
      expect(isError).toBe(false);
      const ids = (json.items as { id: string }[]).map((task) => task.id);
      expect(ids).toEqual((rest.body.items as { id: string }[]).map((task) => task.id));
      expect(json).toMatchObject({ count: 3, offset: 0, total: rest.body.total });
      expect(json.note).toContain('offset=3');
    });

    it('trims a page too long to read, and offset continues where the trimmed page ended', async () => {
      const page = await callTool(reader, 'list_tasks', { region: 'us-west', limit: 50 });
      const kept = (page.json.items as { id: string }[]).map((task) => task.id);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(50);
      expect(page.json.note).toContain(`offset=${kept.length}`);
      const next = await callTool(reader, 'list_tasks', {
        region: 'us-west',
        limit: 1,
        offset: kept.length,
      });
      const rest = await request(gw.url)
        .get(`/v1/regions/us-west/tasks?limit=1&offset=${kept.length}`)
        .set('X-API-Key', READER)
        .expect(200);
      expect((next.json.items as { id: string }[])[0].id).toBe(rest.body.items[0].id);
      expect(kept).not.toContain(rest.body.items[0].id);
    });

    it('uses the default region when none is given and applies friendly filters', async () => {
      const { json } = await callTool(reader, 'list_tasks', { state: 'RUNNING', limit: 5 });
      const items = json.items as { state: string }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((task) => task.state === 'RUNNING')).toBe(true);
    });

    it('list_secrets never shows a value', async () => {
      const { isError, json } = await callTool(reader, 'list_secrets', { region: 'us-west' });
      expect(isError).toBe(false);
      expect((json.items as object[]).length).toBeGreaterThan(0);
      for (const item of json.items as Record<string, unknown>[]) {
        expect(item).not.toHaveProperty('secret');
      }
    });

    it('list_regions names the configured regions and the default', async () => {
      const { json } = await callTool(reader, 'list_regions');
      expect(json.defaultRegion).toBe('us-west');
      expect((json.items as { name: string }[]).map((region) => region.name)).toContain(
        'eu-central',
      );
    });
  });

  describe('errors', () => {
    it('an unknown region is a tool error carrying UNKNOWN_REGION and the known regions', async () => {
      const { isError, json } = await callTool(reader, 'list_tasks', { region: 'mars-1' });
      expect(isError).toBe(true);
      expect(json).toMatchObject({ code: 'UNKNOWN_REGION', statusCode: 404 });
      expect(json.message).toContain('us-west');
      expect(json.requestId).toEqual(expect.any(String));
    });

    it('refuses input with the REST surface messages', async () => {
      const tooMany = await callTool(reader, 'list_tasks', { limit: 5000 });
      expect(tooMany.isError).toBe(true);
      expect(tooMany.json.code).toBe('VALIDATION_FAILED');
      expect(tooMany.json.details).toEqual({
        errors: ['limit must not be greater than 1000 (the GreenLake maximum for tasks)'],
      });
      const odata = await callTool(reader, 'list_tasks', { filter: "state eq 'RUNNING'" });
      expect(odata.json.details).toEqual({ errors: ['property filter should not exist'] });
      const badId = await callTool(reader, 'get_task', { taskId: 'nope' });
      expect(badId.json.details).toEqual({ errors: ['taskId must be a UUID'] });
    });

    it('refuses a property the resource cannot select with the REST message, before any GreenLake call', async () => {
      const rest = await request(gw.url)
        .get('/v1/regions/us-west/tasks?fields=id,nmae')
        .set('X-API-Key', READER)
        .expect(400);
      const expected = rest.body.details.errors as string[];
      expect(expected).toEqual([
        expect.stringMatching(
          /^fields: unknown property 'nmae' \(did you mean 'name'\?\); selectable: id, type, /,
        ),
      ]);
      gw.simulator.controls.clearRequests();
      const list = await callTool(reader, 'list_tasks', { region: 'us-west', fields: 'id,nmae' });
      expect(list.isError).toBe(true);
      expect(list.json).toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: expected } });
      const one = await callTool(reader, 'get_task', {
        taskId: '00000000-0000-4000-8000-000000000000',
        fields: 'id,nmae',
      });
      expect(one.json).toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: expected } });
      const issues = await callTool(reader, 'list_issues', { fields: 'severty' });
      expect(issues.json.details).toEqual({
        errors: [
          expect.stringMatching(
            /^fields: unknown property 'severty' \(did you mean 'severity'\?\)/,
          ),
        ],
      });
      expect(gw.simulator.controls.requests({ target: 'data' })).toEqual([]);
      // The tools say what is selectable, as the REST route's Swagger does
      const { tools } = await reader.listTools();
      for (const name of ['list_tasks', 'get_task']) {
        const fields = tools.find((tool) => tool.name === name)?.inputSchema.properties?.fields as
          { description?: string } | undefined;
        expect(fields?.description).toContain(expected[0].split('; ')[1]);
      }
    });

    it('an unknown tool is a JSON-RPC invalid-params error, as the SDK server answers it', async () => {
      await expect(reader.callTool({ name: 'get_token', arguments: {} })).rejects.toMatchObject({
        code: -32602,
        message: expect.stringContaining('Tool get_token not found'),
      });
    });

    it('a task GreenLake does not know is RESOURCE_NOT_FOUND', async () => {
      const { isError, json } = await callTool(reader, 'get_task', {
        taskId: '00000000-0000-4000-8000-000000000000',
      });
      expect(isError).toBe(true);
      expect(json.code).toBe('RESOURCE_NOT_FOUND');
    });

    it('without a key the endpoint answers 401 in the gateway error shape', async () => {
      const res = await request(gw.url)
        .post('/mcp')
        .send({ jsonrpc: '2.0', id: 1, method: 'tools/list' })
        .expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it("keeps the gateway's own headers on the SDK's answer (request id, rate limit)", async () => {
      const res = await request(gw.url)
        .post('/mcp')
        .set('X-API-Key', READER)
        .set('Accept', 'application/json, text/event-stream')
        .set('x-request-id', 'mcp-raw-1')
        .send({ jsonrpc: '2.0', id: 7, method: 'tools/list' })
        .expect(200);
      expect(res.headers['x-request-id']).toBe('mcp-raw-1');
      expect(res.headers['ratelimit-limit']).toBeDefined();
      expect(res.body).toMatchObject({
        jsonrpc: '2.0',
        id: 7,
        result: { tools: expect.any(Array) },
      });
    });

    it('GET /mcp is 405: the endpoint is stateless', async () => {
      const res = await request(gw.url).get('/mcp').set('X-API-Key', READER).expect(405);
      expect(res.headers.allow).toBe('POST');
    });
  });

  describe('write tools and scopes', () => {
    it('create_secret with a write key creates it and writes one audit line saying mcp and the tool', async () => {
      const name = `mcp-${Date.now()}`;
      const { isError, json } = await callTool(writer, 'create_secret', {
        region: 'us-west',
        name,
        service: 'backup-and-recovery',
        secret: { basicAuth: { username: 'svc', password: 'never-shown-1234' } },
      });
      expect(isError).toBe(false);
      expect(json).toMatchObject({ name, id: expect.any(String) });
      expect(JSON.stringify(json)).not.toContain('never-shown-1234');
      const rest = await request(gw.url)
        .get(`/v1/regions/us-west/secrets/${json.id as string}`)
        .set('X-API-Key', READER)
        .expect(200);
      expect(rest.body.name).toBe(name);
      const line = auditLines(gw.logs).find(
        (entry) => entry.tool === 'create_secret' && entry.status === 200,
      );
      expect(line).toMatchObject({
        action: 'write',
        caller: 'writer',
        via: 'api-key',
        channel: 'mcp',
        tool: 'create_secret',
        method: 'POST',
        route: '/mcp',
        region: 'us-west',
        profile: 'default',
      });
      expect(gw.logs.lines.join('\n')).not.toContain('never-shown-1234');
    });

    it('a read key is refused a write tool (FORBIDDEN, audited) and GreenLake never sees it', async () => {
      const before = gw.simulator.controls.requests({ method: 'POST', pathPrefix: SECRETS }).length;
      const { isError, json } = await callTool(reader, 'create_secret', {
        region: 'us-west',
        name: 'not-allowed',
        service: '',
        secret: { password: { password: 'x-secret-x' } },
      });
      expect(isError).toBe(true);
      expect(json).toMatchObject({ code: 'FORBIDDEN', details: { requiredScope: 'write' } });
      expect(gw.simulator.controls.requests({ method: 'POST', pathPrefix: SECRETS })).toHaveLength(
        before,
      );
      expect(
        auditLines(gw.logs).find(
          (entry) => entry.caller === 'reader' && entry.tool === 'create_secret',
        ),
      ).toMatchObject({ status: 403, channel: 'mcp', action: 'write' });
    });

    it('greenlake_request writes need the write scope too', async () => {
      const { isError, json } = await callTool(reader, 'greenlake_request', {
        method: 'POST',
        path: '/virtualization/v1beta1/virtual-machines',
        body: { name: 'web-1' },
      });
      expect(isError).toBe(true);
      expect(json.code).toBe('FORBIDDEN');
    });

    it('snooze_issue takes the generation get_issue gave, as the REST route does', async () => {
      const listed = await callTool(writer, 'list_issues', { region: 'eu-central', limit: 1 });
      const [issue] = listed.json.items as { id: string }[];
      const current = await callTool(writer, 'get_issue', {
        region: 'eu-central',
        issueId: issue.id,
      });
      const snoozed = await callTool(writer, 'snooze_issue', {
        region: 'eu-central',
        issueId: issue.id,
        snoozedFor: 'WEEK',
        generation: current.json.generation,
      });
      expect(snoozed.isError).toBe(false);
      expect(snoozed.json).toMatchObject({ id: issue.id, snoozedFor: 'WEEK' });
      const stale = await callTool(writer, 'snooze_issue', {
        region: 'eu-central',
        issueId: issue.id,
        snoozedFor: 'DAY',
        generation: current.json.generation,
      });
      expect(stale.isError).toBe(true);
      expect(stale.json.code).toBe('PRECONDITION_FAILED');
    });

    it('update_secret and delete_secret act on a secret; a deleted one is gone', async () => {
      const created = await callTool(writer, 'create_secret', {
        region: 'eu-west',
        name: `mcp-update-${Date.now()}`,
        service: '',
        secret: { password: { password: 'first-value-1' } },
      });
      const secretId = created.json.id as string;
      const updated = await callTool(writer, 'update_secret', {
        region: 'eu-west',
        secretId,
        description: 'rotated by an agent',
      });
      expect(updated.json).toMatchObject({
        id: secretId,
        generation: 2,
        domain: { properties: { DESCRIPTION: 'rotated by an agent' } },
      });
      const deleted = await callTool(writer, 'delete_secret', { region: 'eu-west', secretId });
      expect(deleted.json).toEqual({ deleted: true, secretId });
      const gone = await callTool(writer, 'get_secret', { region: 'eu-west', secretId });
      expect(gone.json.code).toBe('RESOURCE_NOT_FOUND');
      const tools = auditLines(gw.logs)
        .filter((entry) => entry.region === 'eu-west' && entry.channel === 'mcp')
        .map((entry) => `${entry.tool as string} ${entry.method as string}`);
      expect(tools).toEqual(['create_secret POST', 'update_secret PATCH', 'delete_secret DELETE']);
    });

    it('a secret value that GreenLake would refuse gets the REST message, without the value', async () => {
      const { isError, json } = await callTool(writer, 'create_secret', {
        region: 'us-west',
        name: 'two-kinds',
        service: '',
        secret: { password: { password: 'p-1234' }, bearerAuth: { token: 't-5678' } },
      });
      expect(isError).toBe(true);
      expect(json.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(json)).not.toMatch(/p-1234|t-5678/);
    });

    it('approve_dual_auth_operation and cancel_dual_auth_operation decide pending operations', async () => {
      const pending = await callTool(writer, 'list_dual_auth_operations', {
        region: 'ap-northeast',
        state: 'PENDING',
      });
      const [first, second] = pending.json.items as { id: string }[];
      const approved = await callTool(writer, 'approve_dual_auth_operation', {
        region: 'ap-northeast',
        operationId: first.id,
      });
      expect(approved.json).toMatchObject({ id: first.id, state: 'APPROVED' });
      const cancelled = await callTool(writer, 'cancel_dual_auth_operation', {
        region: 'ap-northeast',
        operationId: second.id,
      });
      expect(cancelled.json).toMatchObject({ id: second.id, state: 'CANCELLED' });
    });

    it('reads are not audited', async () => {
      await callTool(reader, 'list_tags', { region: 'us-west' });
      expect(auditLines(gw.logs).filter((entry) => entry.tool === 'list_tags')).toHaveLength(0);
    });
  });

  describe('greenlake_request and wait_for_task', () => {
    it('creates a virtual machine (202 → taskId) and waits for the task to succeed', async () => {
      const accepted = await callTool(writer, 'greenlake_request', {
        region: 'us-west',
        method: 'POST',
        path: '/virtualization/v1beta1/virtual-machines',
        body: { name: 'mcp-vm-1' },
      });
      expect(accepted.isError).toBe(false);
      expect(accepted.json).toMatchObject({ status: 202, taskId: expect.any(String) });
      const waited = await callTool(writer, 'wait_for_task', {
        region: 'us-west',
        taskId: accepted.json.taskId,
        timeoutSeconds: 30,
      });
      expect(waited.isError).toBe(false);
      expect(waited.json).toMatchObject({ settled: true, task: { state: 'SUCCEEDED' } });
      const line = auditLines(gw.logs).find(
        (entry) => entry.tool === 'greenlake_request' && entry.caller === 'writer',
      );
      expect(line).toMatchObject({ method: 'POST', upstreamStatus: 202, channel: 'mcp' });
    });

    it('stops polling a task when the client goes away mid-wait', async () => {
      gw.simulator.controls.setOperationStepMs(600_000);
      const accepted = await callTool(writer, 'greenlake_request', {
        method: 'POST',
        path: '/virtualization/v1beta1/virtual-machines',
        body: { name: 'slow-vm' },
      });
      const taskId = accepted.json.taskId as string;
      const polls = () =>
        gw.simulator.controls.requests({
          method: 'GET',
          pathPrefix: `/data-services/v1beta1/async-operations/${taskId}`,
        }).length;
      const leaving = await connectMcp(gw.url, WRITER);
      const waiting = callTool(leaving, 'wait_for_task', { taskId, timeoutSeconds: 45 }).catch(
        (error: unknown) => error,
      );
      const deadline = Date.now() + 15_000;
      while (polls() < 3 && Date.now() < deadline) {
        await new Promise((resume) => setTimeout(resume, 20));
      }
      expect(polls()).toBeGreaterThanOrEqual(3);
      await leaving.close();
      await waiting;
      const atClose = polls();
      // Polling runs every 50-200 ms here: a second and a half would show several more polls
      await new Promise((resume) => setTimeout(resume, 1_500));
      expect(polls()).toBeLessThanOrEqual(atClose + 1);
      gw.simulator.controls.setOperationStepMs(100);
    });

    it('GETs any path with query parameters, and refuses a path that leaves the host', async () => {
      const listed = await callTool(reader, 'greenlake_request', {
        method: 'GET',
        path: 'data-services/v1beta1/async-operations',
        query: { limit: 2 },
      });
      expect(listed.json).toMatchObject({ status: 200, body: { count: 2 } });
      const escaped = await callTool(reader, 'greenlake_request', {
        method: 'GET',
        path: '/data-services/../../etc/passwd',
      });
      expect(escaped.isError).toBe(true);
      expect(escaped.json.code).toBe('VALIDATION_FAILED');
    });

    it('a GreenLake 404 through greenlake_request is RESOURCE_NOT_FOUND', async () => {
      const { isError, json } = await callTool(reader, 'greenlake_request', {
        method: 'GET',
        path: '/virtualization/v1beta1/no-such-thing',
      });
      expect(isError).toBe(true);
      expect(json).toMatchObject({ code: 'RESOURCE_NOT_FOUND', upstream: { status: 404 } });
    });
  });
});
