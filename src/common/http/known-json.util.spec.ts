import { serializeReply, withKnownJson } from './known-json.util';

describe('known JSON text', () => {
  it('sends the remembered text of a remembered value, and stringifies anything else', () => {
    // Spacing JSON.stringify would never write: proof that the remembered text is what is sent
    const text = '{ "items" : [ { "id" : "a" } ] }';
    const value = withKnownJson(JSON.parse(text) as object, text);
    expect(serializeReply(value)).toBe(text);
    expect(serializeReply({ items: [{ id: 'a' }] })).toBe('{"items":[{"id":"a"}]}');
    expect(serializeReply('plain')).toBe('"plain"');
    expect(serializeReply(null)).toBe('null');
  });

  it('freezes the value all the way down, so the text cannot stop matching it', () => {
    const value = withKnownJson({ items: [{ id: 'a', tags: ['x'] }] }, '{}');
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.items[0])).toBe(true);
    expect(Object.isFrozen(value.items[0].tags)).toBe(true);
    expect(() => {
      'use strict';
      (value.items as unknown as string[]).push('b');
    }).toThrow(TypeError);
  });

  it('leaves a primitive as it is', () => {
    expect(withKnownJson(3, '3')).toBe(3);
    expect(serializeReply(3)).toBe('3');
  });
});
