import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { errorBodyOf, listToolResult, toolErrorResult, toolResult } from './tool-result.mapper';

const textOf = (result: { content: unknown[] }): string =>
  (result.content[0] as { type: 'text'; text: string }).text;
const jsonOf = (result: { content: unknown[] }) =>
  JSON.parse(textOf(result)) as Record<string, unknown>;
const item = (n: number) => ({ id: `item-${n}`, body: 'x'.repeat(90) });

describe(listToolResult.name, () => {
  it('keeps the envelope and says how to get the next page', () => {
    const result = jsonOf(
      listToolResult({ items: [item(1), item(2)], count: 2, offset: 10, total: 30 }),
    );
    expect(result).toMatchObject({ count: 2, offset: 10, total: 30 });
    expect(result.note).toBe('18 more: call again with offset=12.');
  });

  it('adds no note on the last page', () => {
    expect(
      jsonOf(listToolResult({ items: [item(1)], count: 1, offset: 0, total: 1 })),
    ).not.toHaveProperty('note');
  });

  it('trims a page that does not fit, and the answer fits the budget', () => {
    const items = Array.from({ length: 50 }, (_, n) => item(n));
    const result = listToolResult({ items, count: 50, offset: 0, total: 200 }, 2_000);
    const shown = jsonOf(result);
    expect(textOf(result).length).toBeLessThanOrEqual(2_000);
    const kept = (shown.items as unknown[]).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(50);
    expect(shown.count).toBe(kept);
    expect(shown.note).toContain(`Trimmed to ${kept} of the 50 items fetched`);
    expect(shown.note).toContain(`offset=${kept}`);
  });
});

describe(toolResult.name, () => {
  it('passes a result that fits as JSON', () => {
    expect(jsonOf(toolResult({ id: 'a' }))).toEqual({ id: 'a' });
  });

  it('cuts a result past the budget and says so', () => {
    const result = jsonOf(toolResult({ blob: 'y'.repeat(5_000) }, 1_000));
    expect(result).toMatchObject({ truncated: true });
    expect((result.preview as string).length).toBe(1_000);
    expect(result.note).toContain('Narrow the request');
  });
});

describe(toolErrorResult.name, () => {
  it("is an MCP tool error whose text is the gateway's error body", () => {
    const { body } = errorBodyOf(
      new GatewayError(GatewayErrorCode.UNKNOWN_REGION, 'Unknown region "mars"', {
        details: { knownRegions: ['us-west'] },
      }),
      'req-1',
    );
    const result = toolErrorResult(body);
    expect(result.isError).toBe(true);
    expect(jsonOf(result)).toEqual({
      statusCode: 404,
      code: 'UNKNOWN_REGION',
      message: 'Unknown region "mars"',
      details: { knownRegions: ['us-west'] },
      requestId: 'req-1',
    });
  });

  it('hides an unexpected error behind INTERNAL_ERROR', () => {
    const { body, unexpected } = errorBodyOf(new Error('db password is hunter2'), 'req-2');
    expect(unexpected).toBe(true);
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });
});
