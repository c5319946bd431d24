import { wantsRefresh } from './cache-control.util';

describe('wantsRefresh', () => {
  it('reads no-cache from Cache-Control or Pragma, and nothing else', () => {
    expect(wantsRefresh({ 'cache-control': 'no-cache' })).toBe(true);
    expect(wantsRefresh({ 'cache-control': 'max-age=0, No-Cache' })).toBe(true);
    expect(wantsRefresh({ pragma: 'no-cache' })).toBe(true);
    expect(wantsRefresh({ 'cache-control': 'no-cache-please' })).toBe(false);
    expect(wantsRefresh({})).toBe(false);
  });
});
