import { pickForwardedRequestHeaders, pickSafeResponseHeaders } from './pass-through-headers.util';

describe(pickSafeResponseHeaders.name, () => {
  it('keeps the allow-listed headers, lower-cased, and drops the rest', () => {
    expect(
      pickSafeResponseHeaders({
        'Content-Type': 'application/json',
        ETag: '"x"',
        link: ['<a>; rel="next"', '<b>; rel="deprecation"'],
        'ratelimit-reset': 48,
        'set-cookie': ['a=b'],
        server: 'envoy',
        'x-envoy-upstream-service-time': '3',
        connection: 'keep-alive',
        'transfer-encoding': 'chunked',
      }),
    ).toEqual({
      'content-type': 'application/json',
      etag: '"x"',
      link: '<a>; rel="next", <b>; rel="deprecation"',
      'x-greenlake-ratelimit-reset': '48',
    });
  });
});

describe(pickForwardedRequestHeaders.name, () => {
  it('never forwards credentials, cookies or hop-by-hop headers', () => {
    expect(
      pickForwardedRequestHeaders({
        accept: 'application/json',
        'if-match': '"3"',
        authorization: 'Bearer caller-key',
        'x-api-key': 'caller-key',
        cookie: 'a=b',
        host: 'gateway',
        'x-forwarded-for': '1.2.3.4',
        'content-length': '10',
      }),
    ).toEqual({ accept: 'application/json', 'if-match': '"3"' });
  });
});

describe('Accept', () => {
  it("treats */* as no preference, so that GreenLake gets the gateway's application/json", () => {
    expect(pickForwardedRequestHeaders({ accept: '*/*' })).toEqual({});
    expect(pickForwardedRequestHeaders({ accept: 'application/hal+json' })).toEqual({
      accept: 'application/hal+json',
    });
  });
});
