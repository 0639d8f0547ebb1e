import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { LINK_REJECT_MESSAGES, LINK_REJECT_REASONS } from './link-reject-reason.ts';
import { parseTikTokUrl } from './parse-tiktok-url.ts';
import { isTikTokHost } from './tiktok-hosts.ts';

const RUNS = { numRuns: 1000 };

/** Pieces of real and broken TikTok links, glued at random: reaches the parser's odd corners. */
const urlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'https://',
        'http://',
        '//',
        'HTTPS:',
        'www.',
        'm.',
        'vm.',
        'vt.',
        'tiktok',
        'tiktokv',
        '.com',
        '.co',
        '.',
        '/',
        '\\',
        '@',
        '%40',
        '%2E',
        '%',
        '@_',
        'video/',
        'photo/',
        'embed/v2/',
        'share/video/',
        '/t/',
        'v/',
        '.html',
        'xn--',
        ':',
        ':443',
        '?',
        '#',
        '&_r=1',
        ' ',
        '\n',
        '\u200b',
        '[',
        ']',
        '7524919459643919624',
        '0',
        'ZMabc',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

const anyInput = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), urlish);

const letters = 'abcdefghijklmnopqrstuvwxyz';
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const tld = fc.constantFrom('com', 'io', 'net', 'co', 'app', 'ru', 'cn', 'xyz', 'com.br');
const otherDomain = fc.tuple(label, tld).map(([name, suffix]) => `${name}.${suffix}`);

/** "tiktok" inside a label: eviltiktok, tiktok-login, my-tiktok-app, tiktokk. */
const labelWithTikTok = fc
  .tuple(fc.stringMatching(/^[a-z0-9-]{0,6}$/), fc.stringMatching(/^[a-z0-9-]{0,6}$/))
  .map(([before, after]) => `${before}tiktok${after}`)
  .filter((value) => !value.startsWith('-') && !value.endsWith('-'));

/** One edit of "tiktok": substitution, insertion, deletion or a Cyrillic/Greek twin letter. */
const editedTikTok = fc
  .tuple(
    fc.integer({ min: 0, max: 5 }),
    fc.constantFrom('substitute', 'insert', 'delete', 'homoglyph'),
    fc.constantFrom(...letters.split(''), '0', '1'),
  )
  .map(([at, edit, char]) => {
    const word = 'tiktok';
    if (edit === 'substitute') return word.slice(0, at) + char + word.slice(at + 1);
    if (edit === 'insert') return word.slice(0, at) + char + word.slice(at);
    if (edit === 'delete') return word.slice(0, at) + word.slice(at + 1);
    const twins: Record<string, string> = { t: 'т', i: 'і', k: 'к', o: 'о' };
    return word.slice(0, at) + (twins[word[at]!] ?? 'і') + word.slice(at + 1);
  })
  .filter((word) => word !== 'tiktok');

const lookalikeHost = fc.oneof(
  // suffix additions: tiktok.com.evil.io, www.tiktok.com-login.net
  fc
    .tuple(fc.constantFrom('tiktok.com', 'www.tiktok.com', 'vm.tiktok.com'), otherDomain)
    .map(([t, d]) => `${t}.${d}`),
  fc.tuple(fc.constantFrom('tiktok.com', 'www.tiktok.com'), label, tld).map(([t, l, s]) => `${t}-${l}.${s}`),
  // prefix additions: evil-tiktok.com, eviltiktok.com
  fc
    .tuple(label, fc.constantFrom('-', ''), fc.constantFrom('tiktok.com', 'tiktokv.com'))
    .map(([l, sep, t]) => `${l}${sep}${t}`),
  // other TLDs and one-letter edits
  fc
    .tuple(
      fc.constantFrom('', 'www.', 'vm.', 'm.'),
      fc.constantFrom('co', 'net', 'org', 'com.evil', 'app', 'cm'),
    )
    .map(([sub, s]) => `${sub}tiktok.${s}`),
  fc
    .tuple(fc.constantFrom('', 'www.', 'vm.'), editedTikTok, tld)
    .map(([sub, word, s]) => `${sub}${word}.${s}`),
  // tiktok as a label inside some other domain
  fc.tuple(label, otherDomain).map(([l, d]) => `${l}.tiktok.${d}`),
);

const postPath = fc.constantFrom('/@a.b/video/7524919459643919624', '/ZMabc123/', '/', '', '/t/ZT8abc');

const postId = fc.bigInt({ min: 1n, max: 10n ** 21n - 1n }).map(String);
const username = fc.stringMatching(/^[A-Za-z0-9._]{2,24}$/);
const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((flags) => [...text].map((char, index) => (flags[index] ? char.toUpperCase() : char)).join(''));
const junkQuery = fc
  .array(fc.tuple(fc.stringMatching(/^[a-z_]{1,12}$/), fc.string({ maxLength: 16 })), { maxLength: 5 })
  .map((pairs) =>
    pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`,
  );
const junkFragment = fc
  .option(fc.string({ maxLength: 10 }), { nil: undefined })
  .map((f) => (f === undefined ? '' : `#${encodeURIComponent(f)}`));
const padding = fc
  .array(fc.constantFrom(' ', '\n', '\t', '\u200b', '\r\n'), { maxLength: 3 })
  .map((a) => a.join(''));
const scheme = fc.constantFrom('https://', 'http://', '', '//', 'HTTPS://', 'Http://');

/** Encodes the `@` and some characters of a username the way some apps and browsers do. */
const encodedUserSegment = (name: string) =>
  fc
    .tuple(fc.boolean(), fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }))
    .map(
      ([encodeAt, flags]) =>
        (encodeAt ? '%40' : '@') +
        [...name]
          .map((char, i) => (flags[i] ? `%${char.charCodeAt(0).toString(16).toUpperCase()}` : char))
          .join(''),
    );

type PostCase = { url: string; id: string; kind: 'video' | 'photo'; username: string | undefined };

const postShape: fc.Arbitrary<{
  host: string;
  path: string;
  id: string;
  kind: 'video' | 'photo';
  username: string | undefined;
}> = fc.tuple(postId, username).chain(([id, name]) =>
  fc.oneof(
    fc
      .tuple(
        fc.constantFrom('www.tiktok.com', 'tiktok.com', 'm.tiktok.com'),
        encodedUserSegment(name),
        fc.constantFrom<'video' | 'photo'>('video', 'photo'),
      )
      .map(([host, user, kind]) => ({ host, path: `/${user}/${kind}/${id}`, id, kind, username: name })),
    fc
      .constantFrom('www.tiktok.com', 'tiktok.com')
      .map((host) => ({ host, path: `/@/video/${id}`, id, kind: 'video' as const, username: undefined })),
    fc
      .constantFrom(
        `/v/${id}.html`,
        `/embed/${id}`,
        `/embed/v2/${id}`,
        `/share/video/${id}`,
        `/i18n/share/video/${id}`,
        `/player/v1/${id}`,
      )
      .chain((path) =>
        fc
          .constantFrom('www.tiktok.com', 'm.tiktok.com', 'tiktok.com')
          .map((host) => ({ host, path, id, kind: 'video' as const, username: undefined })),
      ),
    fc
      .constantFrom('www.tiktokv.com', 'tiktokv.com')
      .map((host) => ({ host, path: `/share/video/${id}`, id, kind: 'video' as const, username: undefined })),
  ),
);

const validPostUrl: fc.Arbitrary<PostCase> = fc
  .tuple(postShape, scheme, fc.boolean(), junkQuery, junkFragment, padding, padding)
  .chain(([shape, prefix, slash, query, fragment, before, after]) =>
    randomCase(shape.host).map((host) => ({
      url: `${before}${prefix}${host}${shape.path}${slash ? '/' : ''}${query}${fragment}${after}`,
      id: shape.id,
      kind: shape.kind,
      username: shape.username,
    })),
  );

const shortCode = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);
const validShortUrl = fc
  .tuple(shortCode, fc.constantFrom('vm', 'vt', 't'), scheme, fc.boolean(), junkQuery, padding)
  .chain(([code, form, prefix, slash, query, pad]) => {
    const host = form === 't' ? 'www.tiktok.com' : `${form}.tiktok.com`;
    const path = form === 't' ? `/t/${code}` : `/${code}`;
    const canonicalUrl = `https://${host}${path}/`;
    return randomCase(host).map((cased) => ({
      url: `${pad}${prefix}${cased}${path}${slash ? '/' : ''}${query}${pad}`,
      code,
      canonicalUrl,
    }));
  });

describe('parseTikTokUrl properties', () => {
  test('never throws, and always answers with a known shape', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = parseTikTokUrl(input);
        if (result.ok) {
          assert.match(result.canonicalUrl, /^https:\/\/(www|vm|vt)\.tiktok\.com\//);
          if (result.kind !== 'short_link') assert.match(result.id, /^[1-9]\d{0,20}$/);
        } else {
          assert.ok(LINK_REJECT_REASONS.includes(result.reason));
          assert.equal(result.message, LINK_REJECT_MESSAGES[result.reason]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('the canonical URL of any accepted input is a fixed point', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          urlish,
          validPostUrl.map((c) => c.url),
          validShortUrl.map((c) => c.url),
        ),
        (input) => {
          const first = parseTikTokUrl(input);
          if (!first.ok) return;
          assert.deepEqual(parseTikTokUrl(first.canonicalUrl), first);
        },
      ),
      RUNS,
    );
  });

  test('hosts that merely contain or resemble tiktok.com are never accepted', () => {
    fc.assert(
      fc.property(
        lookalikeHost,
        fc.constantFrom('', 'https://', 'http://'),
        postPath,
        (host, scheme, path) => {
          fc.pre(!isTikTokHost(host));
          const result = parseTikTokUrl(`${scheme}${host}${path}`);
          assert.equal(result.ok, false);
          assert.ok(
            !result.ok && (result.reason === 'lookalike_host' || result.reason === 'not_tiktok'),
            host,
          );
        },
      ),
      RUNS,
    );
  });

  test('a host with "tiktok" in one of its labels is named a look-alike', () => {
    fc.assert(
      fc.property(labelWithTikTok, otherDomain, fc.boolean(), postPath, (label, domain, before, path) => {
        const host = before ? `${label}.${domain}` : `${domain.split('.')[0]}.${label}.io`;
        fc.pre(!isTikTokHost(host));
        const result = parseTikTokUrl(`https://${host}${path}`);
        assert.deepEqual(result.ok ? 'accepted' : result.reason, 'lookalike_host', host);
      }),
      RUNS,
    );
  });

  test('TikTok named in the userinfo never hides another host', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('www.tiktok.com', 'tiktok.com', 'vm.tiktok.com', 'www.tiktok.com:443'),
        otherDomain,
        postPath,
        (fake, real, path) => {
          const result = parseTikTokUrl(`https://${fake}@${real}${path}`);
          assert.equal(result.ok ? 'accepted' : result.reason, 'lookalike_host');
        },
      ),
      RUNS,
    );
  });

  test('every post shape is accepted with its id, whatever the scheme, case, junk and whitespace', () => {
    fc.assert(
      fc.property(validPostUrl, ({ url, id, kind, username }) => {
        const result = parseTikTokUrl(url);
        assert.ok(result.ok, `${url} → ${result.ok ? '' : result.reason}`);
        assert.ok(result.kind !== 'short_link');
        assert.equal(result.id, id);
        assert.equal(result.kind, kind);
        assert.equal(result.username, username);
      }),
      RUNS,
    );
  });

  test('every short-link shape is accepted with its code', () => {
    fc.assert(
      fc.property(validShortUrl, ({ url, code, canonicalUrl }) => {
        const result = parseTikTokUrl(url);
        assert.deepEqual(result, { ok: true, kind: 'short_link', code, canonicalUrl }, url);
      }),
      RUNS,
    );
  });
});
