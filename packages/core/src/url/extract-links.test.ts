import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { extractLinks, parseManyLinks } from './extract-links.ts';
import { parseTikTokUrl } from './parse-tiktok-url.ts';

const POST = 'https://www.tiktok.com/@zg.520/video/7524919459643919624';

const CASES: ReadonlyArray<readonly [string, string, string[]]> = [
  ['nothing', 'no links here, just words about tiktok and TikTok.com culture', []],
  ['one bare link', POST, [POST]],
  [
    'a chat share message',
    `Check this out! ${POST}?is_from_webapp=1&sender_device=pc lol`,
    [`${POST}?is_from_webapp=1&sender_device=pc`],
  ],
  ['scheme-less short link', 'look vm.tiktok.com/ZMabc123 now', ['vm.tiktok.com/ZMabc123']],
  [
    'several lines',
    `first: https://vm.tiktok.com/ZMa/\nsecond: https://vt.tiktok.com/ZSb/\r\n\tthird ${POST}`,
    ['https://vm.tiktok.com/ZMa/', 'https://vt.tiktok.com/ZSb/', POST],
  ],
  ['parentheses', `(${POST})`, [POST]],
  [
    'square brackets and markdown',
    `[video](${POST}) and [https://vm.tiktok.com/ZMa/]`,
    [POST, 'https://vm.tiktok.com/ZMa/'],
  ],
  ['angle brackets', `<${POST}>`, [POST]],
  [
    'quotes',
    `"${POST}" '${'https://vm.tiktok.com/ZMa/'}' “https://vt.tiktok.com/ZSb/”`,
    [POST, 'https://vm.tiktok.com/ZMa/', 'https://vt.tiktok.com/ZSb/'],
  ],
  [
    'sentence punctuation',
    `See ${POST}. Or https://vm.tiktok.com/ZMa/, or vm.tiktok.com/ZMb! Really? https://vt.tiktok.com/ZSc?`,
    [POST, 'https://vm.tiktok.com/ZMa/', 'vm.tiktok.com/ZMb', 'https://vt.tiktok.com/ZSc'],
  ],
  ['glued to words', `link:${POST}`, [POST]],
  ['glued to a scheme word', `Linkhttps://vm.tiktok.com/ZMa/`, ['https://vm.tiktok.com/ZMa/']],
  [
    'two links glued together',
    'https://vm.tiktok.com/ZMa/https://vm.tiktok.com/ZMb/',
    ['https://vm.tiktok.com/ZMa/', 'https://vm.tiktok.com/ZMb/'],
  ],
  ['CJK punctuation', `复制此链接【https://vm.tiktok.com/ZMa/】打开抖音`, ['https://vm.tiktok.com/ZMa/']],
  ['emoji around', `🔥${POST}🔥`, [POST]],
  ['duplicates', `${POST} ${POST} ${POST}?lang=en www.tiktok.com/@zg.520/video/7524919459643919624`, [POST]],
  ['case-insensitive scheme and host', 'HTTPS://VM.TIKTOK.COM/ZMa/', ['HTTPS://VM.TIKTOK.COM/ZMa/']],
  ['e-mail address', 'write to press@tiktok.com please', []],
  ['site named in prose', 'I found it on tiktok.com yesterday, and on www.tiktok.com.', []],
  ['inside another path', 'https://example.com/vm.tiktok.com/ZMa and https://example.com/tiktok', []],
  ['redirect wrapper', 'https://l.example.com/?u=https://vm.tiktok.com/ZMa/', ['https://vm.tiktok.com/ZMa/']],
  [
    'look-alike with scheme is returned for the parser to refuse',
    'https://tiktok.com.evil.io/@a/video/1',
    ['https://tiktok.com.evil.io/@a/video/1'],
  ],
  [
    'userinfo trick stays one link',
    'https://www.tiktok.com@evil.com/x',
    ['https://www.tiktok.com@evil.com/x'],
  ],
  [
    'profile and post',
    'https://www.tiktok.com/@zg.520 and https://www.tiktok.com/@zg.520/photo/7524919459643919624',
    ['https://www.tiktok.com/@zg.520', 'https://www.tiktok.com/@zg.520/photo/7524919459643919624'],
  ],
];

describe('extractLinks', () => {
  for (const [name, text, expected] of CASES) {
    test(name, () => assert.deepEqual(extractLinks(text), expected));
  }

  test('parseManyLinks pairs each link with its parse', () => {
    const found = parseManyLinks(`a https://www.tiktok.com/@zg.520 b ${POST} c https://tiktok.co.evil/x`);
    assert.deepEqual(
      found.map(({ input, parsed }) => [input, parsed.ok ? parsed.canonicalUrl : parsed.reason]),
      [
        ['https://www.tiktok.com/@zg.520', 'profile'],
        [POST, POST],
        ['https://tiktok.co.evil/x', 'lookalike_host'],
      ],
    );
  });

  test('stays linear on hostile input', () => {
    const hostile = [
      'tiktok.'.repeat(30_000),
      `${'a.'.repeat(100_000)}tiktok`,
      '@tiktok.com'.repeat(20_000),
      `https://${'tiktok'.repeat(30_000)}`,
      'https://vm.tiktok.com/'.repeat(10_000),
    ];
    const started = performance.now();
    for (const text of hostile) extractLinks(text);
    // Quadratic behaviour on ~200 KB inputs would take minutes; linear takes milliseconds.
    assert.ok(performance.now() - started < 3000);
  });
});

const GLUE = fc.constantFrom(
  ' ',
  '\n',
  '(',
  ')',
  '[',
  ']',
  '<',
  '>',
  '"',
  "'",
  '“',
  '”',
  '«',
  '»',
  '【',
  '】',
  ', ',
  '. ',
  '! ',
  '🔥',
  '',
);
const PROSE = fc.string({ maxLength: 20 }).map((text) => text.replace(/tiktok/gi, 'tok'));
const LINK = fc.oneof(
  fc.bigInt({ min: 1n, max: 10n ** 19n }).map((id) => `https://www.tiktok.com/@some.user/video/${id}`),
  fc.bigInt({ min: 1n, max: 10n ** 19n }).map((id) => `tiktok.com/@a_b/photo/${id}`),
  fc.stringMatching(/^[A-Za-z0-9]{4,12}$/).map((code) => `https://vm.tiktok.com/${code}/`),
  fc.stringMatching(/^[A-Za-z0-9]{4,12}$/).map((code) => `vt.tiktok.com/${code}`),
);

describe('extractLinks properties', () => {
  test('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        assert.ok(Array.isArray(extractLinks(text)));
      }),
      { numRuns: 1000 },
    );
  });

  test('finds every link placed in prose, in order, whatever glues it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(PROSE, GLUE, LINK, GLUE), { minLength: 1, maxLength: 5 }),
        PROSE,
        (parts, tail) => {
          // Keep only boundaries that cannot join a link to the prose around it.
          const text =
            parts.map(([prose, before, link, after]) => `${prose} ${before}${link}${after} `).join('') + tail;
          const expected: string[] = [];
          for (const [, , link] of parts) {
            const canonical = (parseTikTokUrl(link) as { canonicalUrl: string }).canonicalUrl;
            if (!expected.includes(canonical)) expected.push(canonical);
          }
          const found = parseManyLinks(text).map(({ parsed }) =>
            parsed.ok ? parsed.canonicalUrl : parsed.reason,
          );
          assert.deepEqual(found, expected, text);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
