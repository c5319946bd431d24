import { looksLikeJwt, presentedCredential } from './presented-credential.util';

describe(presentedCredential.name, () => {
  it.each([
    [{ 'x-api-key': ' key-1 ' }, { source: 'x-api-key', value: 'key-1' }],
    [{ authorization: 'bearer key-2' }, { source: 'bearer', value: 'key-2' }],
    [
      { 'x-api-key': 'key-1', authorization: 'Bearer other' },
      { source: 'x-api-key', value: 'key-1' },
    ],
    [
      { authorization: 'Basic abc' },
      { source: 'malformed', problem: expect.stringMatching(/^Malformed/) },
    ],
    [
      { 'x-api-key': ['a', 'b'] },
      { source: 'malformed', problem: expect.stringMatching(/one X-API-Key/) },
    ],
    [{}, undefined],
    [{ authorization: ' ' }, undefined],
  ])('reads %j', (headers, expected) => {
    expect(presentedCredential(headers)).toEqual(expected);
  });
});

describe(looksLikeJwt.name, () => {
  it('tells a compact JWS from an API key', () => {
    expect(looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')).toBe(true);
    expect(looksLikeJwt('0f1e2d3c4b5a69788796a5b4c3d2e1f0')).toBe(false);
    expect(looksLikeJwt('a.b.c')).toBe(false);
  });
});
