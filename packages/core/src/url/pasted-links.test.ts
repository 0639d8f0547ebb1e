import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePastedLinks } from './pasted-links.ts';

const POST = 'https://www.tiktok.com/@zg.520/video/7524919459643919624';

function verdicts(text: string): [string, string][] {
  return parsePastedLinks(text).map(({ input, parsed }) => [input, parsed.ok ? parsed.kind : parsed.reason]);
}

describe('parsePastedLinks', () => {
  test('a YouTube link in a batch is listed, in order, as not from TikTok', () => {
    assert.deepEqual(
      verdicts(`first ${POST}, then https://www.youtube.com/watch?v=dQw4w9WgXcQ. and vm.tiktok.com/ZMabc/`),
      [
        [POST, 'video'],
        ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'not_tiktok'],
        ['vm.tiktok.com/ZMabc/', 'short_link'],
      ],
    );
  });

  test('other sites with and without a scheme; Douyin gets its own reason', () => {
    assert.deepEqual(
      verdicts('(https://youtu.be/abc) www.instagram.com/reel/xyz/ https://www.douyin.com/video/1'),
      [
        ['https://youtu.be/abc', 'not_tiktok'],
        ['www.instagram.com/reel/xyz/', 'not_tiktok'],
        ['https://www.douyin.com/video/1', 'douyin'],
      ],
    );
  });

  test('prose and TikTok look-alikes are left to the TikTok extractor', () => {
    assert.deepEqual(verdicts('hello there, nothing here'), []);
    assert.deepEqual(verdicts('I saw it on www.example.com and on www.tiktok.com.'), []);
    assert.deepEqual(verdicts('https://tiktok.com.evil.io/@a/video/1'), [
      ['https://tiktok.com.evil.io/@a/video/1', 'lookalike_host'],
    ]);
  });

  test('a redirect wrapper around a TikTok link yields only the TikTok link', () => {
    assert.deepEqual(verdicts('https://l.example.com/?u=https://vm.tiktok.com/ZMa/'), [
      ['https://vm.tiktok.com/ZMa/', 'short_link'],
    ]);
  });

  test('the same other link twice is listed once; text with only TikTok links is unchanged', () => {
    assert.equal(parsePastedLinks('https://youtu.be/a https://youtu.be/a').length, 1);
    assert.deepEqual(verdicts(`${POST} ${POST}`), [[POST, 'video']]);
  });

  test('stays fast on a long paste full of links', () => {
    const text = 'https://example.com/a '.repeat(5_000) + 'www.'.repeat(20_000);
    const started = performance.now();
    assert.equal(parsePastedLinks(text).length, 1);
    assert.ok(performance.now() - started < 2000);
  });
});
