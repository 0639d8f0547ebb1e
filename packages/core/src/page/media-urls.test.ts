import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mediaUrls } from './media-urls.ts';

const A = 'https://v16-webapp.tiktok.example/a.mp4?x=1';
const B = 'https://v19-webapp.tiktok.example/b.mp4?x=2';

describe('mediaUrls', () => {
  const cases: ReadonlyArray<readonly [string, unknown[], string[]]> = [
    ['a plain string', [A], [A]],
    ['a list of strings', [[A, B]], [A, B]],
    ['a list of {src}', [[{ src: A }, { src: B }]], [A, B]],
    ['an address object with UrlList', [{ UrlList: [A, B], UrlKey: 'k' }], [A, B]],
    ['an address object with urlList', [{ urlList: [B] }], [B]],
    ['an address object with url_list', [{ url_list: [A] }], [A]],
    ['an object with url', [{ url: B }], [B]],
    [
      'a protocol-relative URL',
      ['//v16-webapp.tiktok.example/c.mp4'],
      ['https://v16-webapp.tiktok.example/c.mp4'],
    ],
    ['repeats across fields, in order', [A, { UrlList: [B, A] }], [A, B]],
    ['empty, relative and non-string values', ['', 'v0abc', '/aweme/v1/play/', null, 7, { other: A }], []],
    ['nesting beyond real shapes', [[[[[A]]]]], []],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.deepEqual(mediaUrls(...input), expected));
  }
});
