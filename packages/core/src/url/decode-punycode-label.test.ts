import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { decodePunycodeLabel } from './decode-punycode-label.ts';

describe('decodePunycodeLabel', () => {
  const VECTORS: ReadonlyArray<readonly [string, string]> = [
    ['mnchen-3ya', 'münchen'],
    ['bcher-kva', 'bücher'],
    ['tktok-n2e', 'tіktok'], // Cyrillic і
    ['j1aalob2j', 'тікток'],
    ['r8jz45g', '例え'],
    ['abc-', 'abc'],
  ];
  for (const [encoded, decoded] of VECTORS) {
    test(`${encoded} → ${decoded}`, () => assert.equal(decodePunycodeLabel(encoded), decoded));
  }

  test('malformed input gives null', () => {
    for (const bad of ['a-!', 'zzzzzzzzzzzzzzzzzzzzzzzzzz', 'é-abc', '99999999999999']) {
      assert.equal(decodePunycodeLabel(bad), null, bad);
    }
  });

  test('undoes what the WHATWG host parser encodes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), (text) => {
        const ascii = domainToASCII(`${text}.example`);
        fc.pre(ascii !== '' && !ascii.includes('..'));
        const [first] = ascii.split('.');
        fc.pre(first?.startsWith('xn--') === true);
        const decoded = decodePunycodeLabel(first!.slice(4));
        assert.ok(decoded !== null);
        assert.equal(domainToASCII(`${decoded}.example`).split('.')[0], first);
      }),
      { numRuns: 500 },
    );
  });

  test('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        decodePunycodeLabel(text);
      }),
      { numRuns: 1000 },
    );
  });
});
