import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { challengePage } from './test-support/build-page.ts';
import { isWafChallengePage, parseWafChallenge, solveWafChallenge } from './waf-challenge.ts';

function decodeCookie(value: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as Record<string, unknown>;
}

describe('parseWafChallenge', () => {
  test('reads the puzzle, the cookie name and the optional second cookie', () => {
    const { html, payload } = challengePage({ answer: 7, prefix: 'abc', cookieName: '_wafchallengeid' });
    const challenge = parseWafChallenge(html);
    assert.ok(challenge !== null);
    assert.deepEqual(challenge.payload, payload);
    assert.equal(challenge.prefix.toString(), 'abc');
    assert.equal(challenge.digest.length, 32);
    assert.equal(challenge.cookieName, '_wafchallengeid');
    assert.deepEqual(challenge.extraCookie, { name: 'waforiginalreid', value: 'orig-12345' });
  });

  test('without #rci/#rs there is no second cookie; without #wci the known name is used', () => {
    const { html } = challengePage({ answer: 1, extraCookie: null });
    const withoutName = html.replace(/<p id="wci"[^>]*><\/p>/, '');
    const challenge = parseWafChallenge(withoutName);
    assert.equal(challenge?.extraCookie, null);
    assert.equal(challenge?.cookieName, '_wafchallengeid');
  });

  test('returns null for pages that are not challenges or are malformed', () => {
    for (const html of [
      '',
      '<p id="cs" class="%%%"></p>',
      '<p id="cs" class="e30"></p>',
      '<p data-id="cs" class="eyJ2Ijp7fX0"></p>',
      'id="cs" class="x"',
    ]) {
      assert.equal(parseWafChallenge(html), null, html);
    }
  });
});

describe('solveWafChallenge', () => {
  test('finds the answer and builds the cookies the page script would set', () => {
    const { html, payload } = challengePage({ answer: 4321, prefix: 'puzzle-prefix' });
    const solution = solveWafChallenge(html);
    assert.ok(solution !== null);
    assert.equal(solution.answer, 4321);
    const [answerCookie, extra] = solution.cookies;
    assert.equal(answerCookie?.name, '_wafchallengeid');
    const decoded = decodeCookie(answerCookie?.value ?? '');
    assert.deepEqual(decoded, { ...payload, d: Buffer.from('4321').toString('base64') });
    // The cookie is the compact JSON (no spaces), base64-encoded.
    assert.equal(
      Buffer.from(answerCookie?.value ?? '', 'base64').toString(),
      JSON.stringify({ ...payload, d: 'NDMyMQ==' }),
    );
    assert.deepEqual(extra, { name: 'waforiginalreid', value: 'orig-12345' });
    // What a server would check: sha256(prefix + answer) equals the digest in the puzzle.
    const digest = createHash('sha256').update('puzzle-prefix').update('4321').digest('base64');
    assert.equal((payload.v as { c: string }).c, digest);
  });

  test('gives up (null) when the answer is outside the search bound', () => {
    const { html } = challengePage({ answer: 5000 });
    assert.equal(solveWafChallenge(html, 4999), null);
    assert.equal(solveWafChallenge(html, 5000)?.answer, 5000);
  });

  test('returns null for non-challenge input', () => {
    assert.equal(solveWafChallenge('<html>hello</html>'), null);
  });

  test('property: any small answer is found', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.string({ minLength: 1, maxLength: 20 }),
        (answer, prefix) => {
          assert.equal(solveWafChallenge(challengePage({ answer, prefix }).html, 3000)?.answer, answer);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('isWafChallengePage', () => {
  test('recognises the puzzle page and the bare "Please wait..." text, not ordinary pages', () => {
    assert.equal(isWafChallengePage(challengePage({ answer: 3 }).html), true);
    assert.equal(isWafChallengePage('<title>Please wait...</title>'), true);
    assert.equal(isWafChallengePage('<html><body>TikTok</body></html>'), false);
  });
});
