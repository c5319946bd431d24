import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_NODE_FLAGS } from './gateway-node-flags';

const ROOT = join(__dirname, '..', '..');

describe('the Node.js flags of the gateway', () => {
  it('are those of npm start', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.start).toBe(`node ${GATEWAY_NODE_FLAGS.join(' ')} dist/main.js`);
  });

  it("are those of the Docker image's CMD", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...GATEWAY_NODE_FLAGS, 'dist/main.js']);
  });
});
