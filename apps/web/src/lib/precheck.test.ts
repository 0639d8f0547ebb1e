import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_PASTE_LENGTH, precheckLinks } from './precheck.ts';

describe('precheckLinks', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  test('every link in a chat message, in order, each with its verdict', () => {
    const results = precheckLinks(
      'look https://www.tiktok.com/@anna/video/7524919459643919624?lang=en, and vm.tiktok.com/ZMabc/ and https://www.tiktok.com/@anna',
      now,
    );
    assert.deepEqual(results, [
      {
        input: 'https://www.tiktok.com/@anna/video/7524919459643919624?lang=en',
        ok: true,
        kind: 'video',
        id: '7524919459643919624',
        canonicalUrl: 'https://www.tiktok.com/@anna/video/7524919459643919624',
        createdAt: '2025-07-09T03:30:41.000Z', // 7524919459643919624 >> 32 = 1752031841 s,
        advice: null,
      },
      {
        input: 'vm.tiktok.com/ZMabc/',
        ok: true,
        kind: 'short_link',
        canonicalUrl: 'https://vm.tiktok.com/ZMabc/',
        advice: null,
      },
      {
        input: 'https://www.tiktok.com/@anna',
        ok: false,
        reason: 'profile',
        message: results[2]?.message,
        advice: null,
        creator: { handle: 'anna' },
      },
    ]);
    assert.match(results[2]?.message ?? '', /account @anna, not one post.*watch it/);
  });

  test('a profile link or @name alone is a creator to watch; a bare word is not', () => {
    assert.deepEqual(precheckLinks('https://www.tiktok.com/@Night.Owl.Art?lang=en', now)[0]?.creator, {
      handle: 'Night.Owl.Art',
    });
    assert.deepEqual(precheckLinks('@sunny.kitchen', now)[0]?.creator, { handle: 'sunny.kitchen' });
    assert.equal(precheckLinks('sunny', now)[0]?.creator, undefined);
    assert.equal(precheckLinks('@', now)[0]?.creator, undefined);
  });

  test('one word without any TikTok link is judged as one link; prose and blank text are nothing', () => {
    assert.equal(precheckLinks('https://youtube.com/watch?v=1', now)[0]?.reason, 'not_tiktok');
    assert.equal(precheckLinks('youtube.com', now)[0]?.ok, false);
    assert.deepEqual(precheckLinks('hello there, nothing here', now), []);
    assert.deepEqual(precheckLinks('  \n ', now), []);
  });

  test('a non-TikTok link inside a batch is listed with its reason, in order', () => {
    const results = precheckLinks(
      'https://www.youtube.com/watch?v=1 and https://www.tiktok.com/@a/video/7524919459643919624',
      now,
    );
    assert.deepEqual(
      results.map((result) => [result.input, result.ok, result.reason]),
      [
        ['https://www.youtube.com/watch?v=1', false, 'not_tiktok'],
        ['https://www.tiktok.com/@a/video/7524919459643919624', true, undefined],
      ],
    );
  });

  test('duplicates count once; oversized pastes are refused without parsing', () => {
    const link = 'https://www.tiktok.com/@a/video/7524919459643919624';
    assert.equal(precheckLinks(`${link} ${link}?x=1`, now).length, 1);
    const huge = precheckLinks('x'.repeat(MAX_PASTE_LENGTH + 1), now);
    assert.equal(huge.length, 1);
    assert.equal(huge[0]?.reason, 'too_long');
  });
});
