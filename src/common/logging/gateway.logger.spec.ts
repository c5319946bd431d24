import { createRootLogger } from './gateway-logger.factory';
import { GatewayLogger } from './gateway.logger';
import { REDACTED_FIELDS } from './log-redaction';

function capture(logLevel: 'log' | 'debug' = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const destination = { write: (line: string) => lines.push(JSON.parse(line) as never) };
  const logger = new GatewayLogger(createRootLogger({ logLevel, logFormat: 'text' }, destination));
  return { logger, lines };
}

describe(GatewayLogger.name, () => {
  it('writes JSON lines with pino level names, the context and the message', () => {
    const { logger, lines } = capture();
    logger.log('ready', 'Bootstrap');
    logger.verbose('very detailed', 'Bootstrap');
    expect(lines).toEqual([
      { level: 'info', time: expect.any(String), context: 'Bootstrap', msg: 'ready' },
    ]);
  });

  it('keeps an error stack as a field', () => {
    const { logger, lines } = capture();
    logger.error('GET /x failed', 'Error: boom\n    at here', 'GatewayExceptionFilter');
    expect(lines[0]).toMatchObject({
      level: 'error',
      context: 'GatewayExceptionFilter',
      stack: 'Error: boom\n    at here',
      msg: 'GET /x failed',
    });
  });

  it('turns an object message into fields of the line, never a JSON string', () => {
    const { logger, lines } = capture();
    logger.log({ msg: 'audit write', action: 'write', status: 201 }, 'Audit');
    expect(lines[0]).toMatchObject({
      context: 'Audit',
      action: 'write',
      status: 201,
      msg: 'audit write',
    });
  });

  it('redacts every listed field at the first three levels', () => {
    const { logger, lines } = capture();
    const secrets = Object.fromEntries(
      REDACTED_FIELDS.map((field) => [field, `value-of-${field}`]),
    );
    logger.warn({ ...secrets, headers: { ...secrets }, req: { headers: { ...secrets } } }, 'Test');
    const text = JSON.stringify(lines);
    for (const field of REDACTED_FIELDS) {
      expect(text).not.toContain(`value-of-${field}`);
    }
    expect(lines[0].headers).toMatchObject({
      authorization: '[redacted]',
      'x-api-key': '[redacted]',
    });
  });
});
