import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCookieHeader } from './cookie-header.ts';
import { solveWafChallenge } from './sim-test-client.ts';
import { createWafChallenger, WAF_COOKIE_NAME } from './waf-challenge.ts';

function answerIn(cookieHeader: string): string | undefined {
  return parseCookieHeader(cookieHeader).get(WAF_COOKIE_NAME);
}

describe('WAF challenge', () => {
  test('the page looks like the real one: ~1.5 KB, "Please wait...", no rehydration data', () => {
    const { html } = createWafChallenger().issue();
    assert.ok(html.length > 1200 && html.length < 2200, `length ${html.length}`);
    assert.match(html, /Please wait\.\.\./);
    assert.match(html, /id="cs" class="[A-Za-z0-9+/]+"/);
    assert.match(html, /id="wci" class="_wafchallengeid"/);
    assert.match(html, /id="rci" class="waforiginalreid"/);
    assert.doesNotMatch(html, /__UNIVERSAL_DATA_FOR_REHYDRATION__/);
  });

  test('the cs class is base64 JSON with padding stripped, shaped {v:{a,c}}', () => {
    const { html, challenge } = createWafChallenger().issue();
    const encoded = /id="cs" class="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.doesNotMatch(encoded, /=$/);
    assert.deepEqual(JSON.parse(Buffer.from(encoded, 'base64').toString()), challenge);
  });

  test('a solved answer is accepted once; replayed, tampered or unsolved ones are not', () => {
    const waf = createWafChallenger();
    const { html } = waf.issue();
    const answer = answerIn(solveWafChallenge(html));
    assert.equal(waf.acceptAnswer(answer), true);
    assert.equal(waf.acceptAnswer(answer), false, 'replay');

    const second = waf.issue();
    const solved = JSON.parse(
      Buffer.from(answerIn(solveWafChallenge(second.html)) ?? '', 'base64').toString(),
    );
    const wrongNumber = {
      ...solved,
      d: Buffer.from(String(Number(Buffer.from(solved.d, 'base64').toString()) + 1)).toString('base64'),
    };
    assert.equal(waf.acceptAnswer(Buffer.from(JSON.stringify(wrongNumber)).toString('base64')), false);
    const unsolved = { ...solved, d: undefined };
    assert.equal(waf.acceptAnswer(Buffer.from(JSON.stringify(unsolved)).toString('base64')), false);
    assert.equal(waf.acceptAnswer('not base64 json'), false);
    assert.equal(waf.acceptAnswer(undefined), false);
  });

  test('a challenge minted by another sim (another secret) is refused', () => {
    const other = createWafChallenger().issue();
    assert.equal(createWafChallenger().acceptAnswer(answerIn(solveWafChallenge(other.html))), false);
  });
});
