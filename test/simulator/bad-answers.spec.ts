import { type RunningSimulator, startSimulator } from 'src/simulator';
import { DS, RegionApi, connect, eventually, send } from './simulator-harness';

describe('answerBadlyNext', () => {
  let sim: RunningSimulator;
  let api: RegionApi;

  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.stop());
  beforeEach(async () => {
    sim.controls.reset();
    api = await connect(sim);
  });

  const raw = (path: string) =>
    fetch(api.url(path), { headers: { authorization: `Bearer ${api.token}` } });

  it('answers an HTML page with 200 text/html, once, then the real data', async () => {
    sim.controls.answerBadlyNext(1, { kind: 'html' }, { pathPrefix: `${DS}/tags` });
    const html = await raw(`${DS}/tags`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/);
    expect((await api.get<{ items: unknown[] }>(`${DS}/tags`)).body.items.length).toBeGreaterThan(
      0,
    );
  });

  it('answers JSON that does not parse, labelled application/json', async () => {
    sim.controls.answerBadlyNext(1, { kind: 'broken-json' });
    const broken = await raw(`${DS}/issues`);
    expect(broken.headers.get('content-type')).toMatch(/^application\/json/);
    await expect(broken.json()).rejects.toThrow();
  });

  it('answers the given JSON body, and a valid list padded to the asked size', async () => {
    sim.controls.answerBadlyNext(1, { kind: 'json', body: { items: 'nope' } });
    expect((await api.get(`${DS}/tags`)).body).toEqual({ items: 'nope' });
    sim.controls.answerBadlyNext(1, { kind: 'huge', bytes: 2_000_000 });
    const huge = await raw(`${DS}/tags`);
    const text = await huge.text();
    expect(text.length).toBe(2_000_000);
    expect(JSON.parse(text)).toMatchObject({ items: [], count: 0 });
  });

  it('matches data requests only: a token request is never answered badly', async () => {
    sim.controls.answerBadlyNext(1, { kind: 'html' });
    await connect(sim);
    expect((await raw(`${DS}/tags`)).headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('drips a valid list one byte at a time and stops when the reader goes away', async () => {
    sim.controls.answerBadlyNext(1, { kind: 'slow-drip', intervalMs: 20 });
    const whole = await raw(`${DS}/tags`);
    expect(await whole.json()).toEqual({ items: [], count: 0, offset: 0, total: 0 });
    expect(sim.controls.openDrips()).toBe(0);

    sim.controls.answerBadlyNext(1, { kind: 'slow-drip', intervalMs: 1000 });
    const reader = new AbortController();
    const started = await fetch(api.url(`${DS}/tags`), {
      headers: { authorization: `Bearer ${api.token}` },
      signal: reader.signal,
    });
    expect(started.status).toBe(200);
    expect(sim.controls.openDrips()).toBe(1);
    reader.abort();
    await eventually(
      () => Promise.resolve(sim.controls.openDrips()),
      (open) => open === 0,
      5000,
    );
  });

  it('POST /bad-answer sets the same rule; GET /drips counts open drips; a bad kind is a 400', async () => {
    const admin = (method: string, path: string, body?: unknown) =>
      send<Record<string, unknown>>(`${sim.adminUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await admin('POST', '/bad-answer', { count: 1, kind: 'html' })).status).toBe(204);
    expect((await raw(`${DS}/tags`)).headers.get('content-type')).toMatch(/^text\/html/);
    expect((await admin('GET', '/drips')).body).toEqual({ open: 0 });
    const refused = await admin('POST', '/bad-answer', { count: 1, kind: 'xml' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/kind must be/);
    expect((await admin('POST', '/bad-answer', { count: 1, kind: 'huge', bytes: -1 })).status).toBe(
      400,
    );
  });
});
