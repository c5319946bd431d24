import { badParsedBody } from './parsed-body.util';

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

describe(badParsedBody.name, () => {
  it.each<[string, number, Record<string, unknown>, unknown, string | undefined]>([
    ['GET', 200, JSON_TYPE, { items: [] }, undefined],
    ['GET', 200, { 'content-type': 'application/merge-patch+json' }, { id: 'a' }, undefined],
    ['GET', 200, {}, { id: 'a' }, undefined],
    ['DELETE', 204, {}, '', undefined],
    ['POST', 202, JSON_TYPE, '', undefined],
    ['POST', 303, { 'content-type': 'text/html' }, '<a>', undefined],
    ['GET', 200, JSON_TYPE, '', 'an empty body'],
    [
      'GET',
      200,
      { 'content-type': 'text/html; charset=utf-8' },
      '<html>',
      'a text/html body where JSON was expected',
    ],
    ['GET', 200, JSON_TYPE, '{"items":[', 'a body that is not valid JSON'],
    ['GET', 200, JSON_TYPE, [1], 'JSON that is not an object'],
    ['GET', 200, JSON_TYPE, null, 'JSON that is not an object'],
    ['PATCH', 200, JSON_TYPE, 42, 'JSON that is not an object'],
  ])('%s %i %j %j → %s', (method, status, headers, data, expected) => {
    expect(badParsedBody(method, status, headers, data)).toBe(expected);
  });
});
