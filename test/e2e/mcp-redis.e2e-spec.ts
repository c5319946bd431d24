import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { startSimulator, RunningSimulator } from 'src/simulator';
import { callTool, connectMcp } from 'test/utils/mcp-client';
import { startTestRedis, TestRedis } from 'test/utils/redis-server';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const KEY = 'agent-key-0123456789';

interface JsonRpc {
  method?: string;
  params?: { name?: string };
}

describe('MCP across two gateway replicas on one Redis', () => {
  let redis: TestRedis;
  let simulator: RunningSimulator;
  let replicas: TestGateway[];
  let client: Client;
  const served = new Map<string, number>();
  const toolHosts: [tool: string, host: string][] = [];

  // Every HTTP request of the one MCP client goes to the next replica in turn
  const roundRobin: FetchLike = (url, init) => {
    const index = [...served.values()].reduce((sum, count) => sum + count, 0) % replicas.length;
    const target = new URL(String(url));
    const replica = new URL(replicas[index].url);
    target.host = replica.host;
    served.set(replica.host, (served.get(replica.host) ?? 0) + 1);
    const message = typeof init?.body === 'string' ? (JSON.parse(init.body) as JsonRpc) : undefined;
    if (message?.method === 'tools/call' && message.params?.name) {
      toolHosts.push([message.params.name, replica.host]);
    }
    return fetch(target, init);
  };
  const hostOf = (tool: string) => toolHosts.find(([name]) => name === tool)?.[1];

  beforeAll(async () => {
    redis = await startTestRedis();
    simulator = await startSimulator({
      quiet: true,
      operationStepMs: 100,
      suggestedPollingIntervalSeconds: 1,
    });
    const env = {
      REDIS_URL: redis.url,
      GATEWAY_API_KEYS: `agent:${KEY}:read+write`,
      TASK_POLL_MIN_MS: '50',
      TASK_POLL_MAX_MS: '200',
    };
    replicas = await Promise.all([
      startTestGateway({ sharedSimulator: simulator, env }),
      startTestGateway({ sharedSimulator: simulator, env }),
    ]);
    client = await connectMcp(replicas[0].url, KEY, roundRobin);
  });
  afterAll(async () => {
    await client?.close();
    await Promise.all((replicas ?? []).map((replica) => replica.close()));
    await simulator?.stop();
    await redis?.stop();
  });

  it('answers one client interchangeably: a task started on one replica is waited on by the other', async () => {
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(0);
    const accepted = await callTool(client, 'greenlake_request', {
      region: 'us-west',
      method: 'POST',
      path: '/virtualization/v1beta1/virtual-machines',
      body: { name: 'replica-vm' },
    });
    expect(accepted.json).toMatchObject({ status: 202, taskId: expect.any(String) });
    const waited = await callTool(client, 'wait_for_task', {
      region: 'us-west',
      taskId: accepted.json.taskId,
    });
    expect(waited.json).toMatchObject({ settled: true, task: { state: 'SUCCEEDED' } });

    const created = await callTool(client, 'create_secret', {
      region: 'us-west',
      name: `replica-secret-${Date.now()}`,
      service: '',
      secret: { password: { password: 'replica-pass-1' } },
    });
    const fetched = await callTool(client, 'get_secret', {
      region: 'us-west',
      secretId: created.json.id,
    });
    expect(fetched.isError).toBe(false);
    expect(fetched.json.id).toBe(created.json.id);

    expect(hostOf('wait_for_task')).not.toBe(hostOf('greenlake_request'));
    expect(hostOf('get_secret')).not.toBe(hostOf('create_secret'));
    // Both replicas answered, and they shared one GreenLake token through Redis
    expect(served.size).toBe(2);
    for (const count of served.values()) {
      expect(count).toBeGreaterThanOrEqual(3);
    }
    expect(simulator.controls.requests({ target: 'token' })).toHaveLength(1);
  });
});
