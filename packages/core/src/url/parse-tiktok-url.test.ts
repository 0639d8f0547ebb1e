import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LINK_REJECT_MESSAGES, LINK_REJECT_REASONS, type LinkRejectReason } from './link-reject-reason.ts';
import { MAX_LINK_LENGTH, parseTikTokUrl } from './parse-tiktok-url.ts';

const VIDEO_ID = '7524919459643919624';
const OLD_ID = '6748451240264420610';
/** Made up for the shapes added after comparing with other downloaders' tests. */
const MADE_UP_ID = '7390000011112222333';

type Accepted = { kind: 'video' | 'photo'; id: string; username?: string; canonicalUrl: string };
type Short = { kind: 'short_link'; code: string; canonicalUrl: string };

const video = (id: string, username?: string): Accepted => ({
  kind: 'video',
  id,
  ...(username === undefined ? {} : { username }),
  canonicalUrl: `https://www.tiktok.com/@${username ?? '_'}/video/${id}`,
});
const photo = (id: string, username?: string): Accepted => ({
  kind: 'photo',
  id,
  ...(username === undefined ? {} : { username }),
  canonicalUrl: `https://www.tiktok.com/@${username ?? '_'}/photo/${id}`,
});
const short = (code: string, canonicalUrl: string): Short => ({ kind: 'short_link', code, canonicalUrl });

const ACCEPTED: ReadonlyArray<readonly [string, Accepted | Short]> = [
  // canonical and host variants
  [`https://www.tiktok.com/@embongdaily/video/${VIDEO_ID}`, video(VIDEO_ID, 'embongdaily')],
  [`https://tiktok.com/@embongdaily/video/${VIDEO_ID}`, video(VIDEO_ID, 'embongdaily')],
  [`https://m.tiktok.com/@embongdaily/video/${VIDEO_ID}`, video(VIDEO_ID, 'embongdaily')],
  [`http://www.tiktok.com/@scout2015/video/${OLD_ID}`, video(OLD_ID, 'scout2015')],
  [`www.tiktok.com/@scout2015/video/${OLD_ID}`, video(OLD_ID, 'scout2015')],
  [`tiktok.com/@scout2015/video/${OLD_ID}`, video(OLD_ID, 'scout2015')],
  [`//www.tiktok.com/@scout2015/video/${OLD_ID}`, video(OLD_ID, 'scout2015')],
  [`HTTPS://WWW.TikTok.COM/@scout2015/video/${OLD_ID}`, video(OLD_ID, 'scout2015')],
  [`https://www.tiktok.com./@scout2015/video/${OLD_ID}`, video(OLD_ID, 'scout2015')],
  [`https://www.tiktok.com:443/@scout2015/video/${OLD_ID}`, video(OLD_ID, 'scout2015')],
  // usernames
  [`https://www.tiktok.com/@zg.520/video/${VIDEO_ID}`, video(VIDEO_ID, 'zg.520')],
  [`https://www.tiktok.com/@the_real.user__/video/${VIDEO_ID}`, video(VIDEO_ID, 'the_real.user__')],
  [`https://www.tiktok.com/%40encoded.user/video/${VIDEO_ID}`, video(VIDEO_ID, 'encoded.user')],
  [`https://www.tiktok.com/@user%2Ename%5F1/video/${VIDEO_ID}`, video(VIDEO_ID, 'user.name_1')],
  [`https://www.tiktok.com/@/video/${VIDEO_ID}`, video(VIDEO_ID)],
  [`https://www.tiktok.com/@_/video/${VIDEO_ID}`, video(VIDEO_ID)],
  [`https://www.tiktok.com/@bad%ZZname/video/${VIDEO_ID}`, video(VIDEO_ID)],
  [`https://www.tiktok.com/@name-with-dash/video/${VIDEO_ID}`, video(VIDEO_ID)],
  // photo posts keep their kind
  [`https://www.tiktok.com/@zg.520/photo/${VIDEO_ID}`, photo(VIDEO_ID, 'zg.520')],
  [`https://www.tiktok.com/@/photo/${VIDEO_ID}`, photo(VIDEO_ID)],
  [`https://m.tiktok.com/@zg.520/PHOTO/${VIDEO_ID}/`, photo(VIDEO_ID, 'zg.520')],
  // aliases without a username
  [`https://m.tiktok.com/v/${OLD_ID}.html`, video(OLD_ID)],
  [`https://m.tiktok.com/v/${OLD_ID}`, video(OLD_ID)],
  [`https://www.tiktok.com/embed/${VIDEO_ID}`, video(VIDEO_ID)],
  [`https://www.tiktok.com/embed/v2/${VIDEO_ID}`, video(VIDEO_ID)],
  [`https://www.tiktok.com/player/v1/${VIDEO_ID}?music_info=1`, video(VIDEO_ID)],
  [`https://www.tiktok.com/share/video/${VIDEO_ID}`, video(VIDEO_ID)],
  [`https://www.tiktokv.com/share/video/${VIDEO_ID}/?u_code=abc`, video(VIDEO_ID)],
  [`https://tiktokv.com/share/video/${VIDEO_ID}`, video(VIDEO_ID)],
  [`https://m.tiktok.com/i18n/share/video/${VIDEO_ID}`, video(VIDEO_ID)],
  // tracking params, fragments, slashes, whitespace
  [
    `https://www.tiktok.com/@zg.520/video/${VIDEO_ID}?is_from_webapp=1&sender_device=pc&web_id=7${VIDEO_ID}`,
    video(VIDEO_ID, 'zg.520'),
  ],
  [`https://www.tiktok.com/@zg.520/video/${VIDEO_ID}?_r=1&_t=8abc#comments`, video(VIDEO_ID, 'zg.520')],
  [`https://www.tiktok.com/@zg.520/video/${VIDEO_ID}/`, video(VIDEO_ID, 'zg.520')],
  [`https://www.tiktok.com//@zg.520//video//${VIDEO_ID}//`, video(VIDEO_ID, 'zg.520')],
  [`   https://www.tiktok.com/@zg.520/video/${VIDEO_ID}\n`, video(VIDEO_ID, 'zg.520')],
  [`\u200bhttps://www.tiktok.com/@zg.520/video/${VIDEO_ID}\u200b`, video(VIDEO_ID, 'zg.520')],
  [
    `https://www.tiktok.com/@zg.520/video/${VIDEO_ID}?lang=en&langCountry=en-US&is_copy_url=1&k=1`,
    video(VIDEO_ID, 'zg.520'),
  ],
  // ids at the edges of the accepted range
  ['https://www.tiktok.com/@ab/video/1', video('1', 'ab')],
  ['https://www.tiktok.com/@ab/video/999999999999999999999', video('999999999999999999999', 'ab')],
  // short links
  ['https://vm.tiktok.com/ZMabc123/', short('ZMabc123', 'https://vm.tiktok.com/ZMabc123/')],
  ['vm.tiktok.com/ZMabc123', short('ZMabc123', 'https://vm.tiktok.com/ZMabc123/')],
  ['https://VM.TIKTOK.COM/ZMabc123?_t=1', short('ZMabc123', 'https://vm.tiktok.com/ZMabc123/')],
  ['https://vt.tiktok.com/ZSxY_z-9/', short('ZSxY_z-9', 'https://vt.tiktok.com/ZSxY_z-9/')],
  ['https://www.tiktok.com/t/ZT8abcDEF/', short('ZT8abcDEF', 'https://www.tiktok.com/t/ZT8abcDEF/')],
  ['tiktok.com/t/ZT8abcDEF', short('ZT8abcDEF', 'https://www.tiktok.com/t/ZT8abcDEF/')],
  ['https://m.tiktok.com/t/ZT8abcDEF?k=1', short('ZT8abcDEF', 'https://www.tiktok.com/t/ZT8abcDEF/')],
  // TikTok Lite and other page hosts
  [`https://t.tiktok.com/i18n/share/video/${MADE_UP_ID}/`, video(MADE_UP_ID)],
  [`https://t.tiktok.com/@wren.pilot/video/${MADE_UP_ID}`, video(MADE_UP_ID, 'wren.pilot')],
  [`https://pro.tiktok.com/@wren.pilot/photo/${MADE_UP_ID}`, photo(MADE_UP_ID, 'wren.pilot')],
  // a page path on a short-link host still names its post
  [`https://vm.tiktok.com/@wren.pilot/video/${MADE_UP_ID}`, video(MADE_UP_ID, 'wren.pilot')],
  [`https://vt.tiktok.com/t/ZSq7Lmn2x/`, short('ZSq7Lmn2x', 'https://www.tiktok.com/t/ZSq7Lmn2x/')],
  // the `@` lost in front of the username
  [`https://www.tiktok.com/wren.pilot/video/${MADE_UP_ID}`, video(MADE_UP_ID)],
  [`https://www.tiktok.com/wren.pilot/photo/${MADE_UP_ID}?lang=fr`, photo(MADE_UP_ID)],
  // a modern short code straight on the main host
  ['https://tiktok.com/ZSq7Lmn2x', short('ZSq7Lmn2x', 'https://www.tiktok.com/t/ZSq7Lmn2x/')],
  ['https://www.tiktok.com/ZMq7Lmn2x/', short('ZMq7Lmn2x', 'https://www.tiktok.com/t/ZMq7Lmn2x/')],
  ['https://t.tiktok.com/ZTq7Lmn2x', short('ZTq7Lmn2x', 'https://www.tiktok.com/t/ZTq7Lmn2x/')],
  // a query glued on with `&` instead of `?`
  [
    `https://www.tiktok.com/@wren.pilot/video/${MADE_UP_ID}&lang=en&is_copy_url=1`,
    video(MADE_UP_ID, 'wren.pilot'),
  ],
  ['https://vm.tiktok.com/ZMq7Lmn2x&_r=1', short('ZMq7Lmn2x', 'https://vm.tiktok.com/ZMq7Lmn2x/')],
  // quotes, brackets and sentence punctuation stuck to the link
  [`"https://www.tiktok.com/@wren.pilot/video/${MADE_UP_ID}"`, video(MADE_UP_ID, 'wren.pilot')],
  [`(https://www.tiktok.com/@wren.pilot/video/${MADE_UP_ID}).`, video(MADE_UP_ID, 'wren.pilot')],
  [`https://www.tiktok.com/@wren.pilot/video/${MADE_UP_ID}!`, video(MADE_UP_ID, 'wren.pilot')],
  ['「https://vt.tiktok.com/ZSq7Lmn2x/」', short('ZSq7Lmn2x', 'https://vt.tiktok.com/ZSq7Lmn2x/')],
  ['https://vt.tiktok.com/ZSq7Lmn2x/。', short('ZSq7Lmn2x', 'https://vt.tiktok.com/ZSq7Lmn2x/')],
  ['https://vm.tiktok.com/ZSq7Lmn2x-_', short('ZSq7Lmn2x-_', 'https://vm.tiktok.com/ZSq7Lmn2x-_/')],
  // usernames: upper case kept, characters TikTok never allows give no username
  [`https://www.tiktok.com/@Wren.Pilot/video/${MADE_UP_ID}`, video(MADE_UP_ID, 'Wren.Pilot')],
  [`https://www.tiktok.com/@.wren_/video/${MADE_UP_ID}`, video(MADE_UP_ID, '.wren_')],
  [`https://www.tiktok.com/@%C3%B1and%C3%BA/video/${MADE_UP_ID}`, video(MADE_UP_ID)],
  [`https://www.tiktok.com/@ñandú/video/${MADE_UP_ID}`, video(MADE_UP_ID)],
  [`https://www.tiktok.com/@MS4wLjABAAAAmadeUpSecUid-xyz_123/video/${MADE_UP_ID}`, video(MADE_UP_ID)],
];

const REJECTED: ReadonlyArray<readonly [string, LinkRejectReason]> = [
  ['', 'empty'],
  ['   \n\t ', 'empty'],
  ['\u200b', 'empty'],
  [`https://www.tiktok.com/@a/video/1?x=${'a'.repeat(MAX_LINK_LENGTH)}`, 'too_long'],
  ['a'.repeat(MAX_LINK_LENGTH * 3), 'too_long'],
  [`Look at this https://vm.tiktok.com/ZMabc123/`, 'extra_text'],
  [`https://vm.tiktok.com/ZM1/ https://vm.tiktok.com/ZM2/`, 'extra_text'],
  ['hello', 'not_tiktok'],
  ['javascript:alert(1)', 'not_a_url'],
  ['mailto:press@tiktok.com', 'not_a_url'],
  ['ftp://www.tiktok.com/@a/video/1', 'not_a_url'],
  ['tiktok://video/7524919459643919624', 'not_a_url'],
  ['https://', 'not_a_url'],
  ['https://exa mple.com', 'extra_text'],
  ['http://[::1', 'not_a_url'],
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'not_tiktok'],
  ['https://instagram.com/p/abc', 'not_tiktok'],
  ['https://127.0.0.1/@a/video/1', 'not_tiktok'],
  ['https://tiktok.com.evil.io/@a/video/1', 'lookalike_host'],
  ['https://www.tiktok.com.evil.io/@a/video/1', 'lookalike_host'],
  ['https://evil-tiktok.com/@a/video/1', 'lookalike_host'],
  ['https://tiktok.co/@a/video/1', 'lookalike_host'],
  ['https://tlktok.com/@a/video/1', 'lookalike_host'],
  ['https://t1kt0k.com/@a/video/1', 'lookalike_host'],
  ['https://tik-tok.com/@a/video/1', 'lookalike_host'],
  ['https://vm.tiktok.co/ZMabc/', 'lookalike_host'],
  ['https://tіktok.com/@a/video/1', 'lookalike_host'], // Cyrillic і
  ['https://xn--tktok-n2e.com/@a/video/1', 'lookalike_host'],
  ['https://www.tiktok.com@evil.com/@a/video/1', 'lookalike_host'],
  ['https://www.tiktok.com:pass@evil.com/', 'lookalike_host'],
  ['https://user@www.tiktok.com/@a/video/1', 'lookalike_host'],
  ['https://www.tiktok.com:8443/@a/video/1', 'lookalike_host'],
  ['https://vm.tiktok.com:8080/ZMabc/', 'lookalike_host'],
  ['https://www.tiktok.com/', 'home'],
  ['tiktok.com', 'home'],
  ['https://www.tiktok.com/foryou?lang=en', 'home'],
  ['https://www.tiktok.com/following', 'home'],
  ['https://www.tiktok.com/search?q=cats', 'search'],
  ['https://www.tiktok.com/discover/funny-cats', 'search'],
  ['https://www.tiktok.com/explore', 'search'],
  ['https://www.tiktok.com/@zg.520', 'profile'],
  ['https://www.tiktok.com/@zg.520/', 'profile'],
  ['https://www.tiktok.com/@zg.520?lang=en', 'profile'],
  ['https://www.tiktok.com/tag/cats', 'tag'],
  ['https://www.tiktok.com/music/original-sound-7224891738265365254', 'sound'],
  ['https://www.tiktok.com/@zg.520/live', 'live'],
  ['https://www.tiktok.com/live', 'live'],
  ['https://www.tiktok.com/@zg.520/collection/cats-7250000000000000000', 'collection'],
  ['https://www.tiktok.com/@zg.520/playlist/x-7250000000000000000', 'collection'],
  ['https://www.tiktok.com/@wren.pilot/collection/%F0%9F%90%88-7390000011112222000', 'collection'],
  ['https://www.tiktok.com/@wren.pilot/posts', 'profile'],
  ['https://www.tiktok.com/@wren.pilot/reposts', 'profile'],
  ['https://www.tiktok.com/@wren.pilot/stories', 'profile'],
  ['https://www.tiktok.com/@wren.pilot/likes', 'profile'],
  ['https://www.tiktok.com/@wren.pilot/saved', 'profile'],
  ['https://www.tiktok.com/@wren.pilot/avatar', 'profile'],
  ['https://www.tiktok.com/@wren.pilot/posts/extra', 'not_a_post'],
  ['https://vm.tiktok.com/@wren.pilot', 'profile'],
  ['https://m.tiktok.com/h5/share/usr/6800000000000000123.html', 'profile'],
  ['https://m.tiktok.com/share/live/7390000011112222444/?language=en', 'live'],
  ['https://www.tiktok.com/share/music/7390000011112222555', 'sound'],
  ['https://www.tiktok.com/share/item/list?id=1', 'not_a_post'],
  ['https://www.tiktok.com/sticker/Paper-Moon-4411223', 'effect'],
  ['https://www.tiktok.com/music/made-up-tune-7390000011112222666?lang=en', 'sound'],
  ['https://tiktok.com/tag/caf%C3%A9%E3%82%B7?is_copy_url=0', 'tag'],
  ['https://www.douyin.com/video/7390000011112222777', 'douyin'],
  ['https://v.douyin.com/aBcD12x/', 'douyin'],
  ['https://www.iesdouyin.com/share/video/7390000011112222777/?region=CN', 'douyin'],
  ['https://live.douyin.com/123456789012', 'douyin'],
  ['https://www.tiktok.com/login', 'not_a_post'],
  ['https://www.tiktok.com/about', 'not_a_post'],
  ['https://www.tiktok.com/Zsq7Lmn2x', 'not_a_post'],
  ['https://www.tiktok.com/wren.pilot/live', 'not_a_post'],
  [`https://www.tiktok.com/@zg.520/video/${VIDEO_ID}/comments`, 'not_a_post'],
  ['https://www.tiktok.com/login', 'not_a_post'],
  ['https://support.tiktok.com/en', 'not_a_post'],
  [`https://v16-webapp-prime.tiktok.com/video/tos/x.mp4?expire=1`, 'not_a_post'],
  [`https://www.tiktok.com/share/user/${VIDEO_ID}`, 'profile'],
  [`https://www.tiktok.com/embed/v9/${VIDEO_ID}`, 'not_a_post'],
  ['https://www.tiktok.com/@zg.520/video/', 'bad_id'],
  ['https://www.tiktok.com/@zg.520/video/abc', 'bad_id'],
  ['https://www.tiktok.com/@zg.520/video/0', 'bad_id'],
  [`https://www.tiktok.com/@zg.520/video/0${VIDEO_ID}`, 'bad_id'],
  ['https://www.tiktok.com/@zg.520/video/1234567890123456789012', 'bad_id'],
  [`https://www.tiktok.com/@zg.520/video/${VIDEO_ID}abc`, 'bad_id'],
  [`https://www.tiktok.com/@zg.520/photo/-${VIDEO_ID}`, 'bad_id'],
  ['https://m.tiktok.com/v/.html', 'bad_id'],
  ['https://www.tiktok.com/embed/', 'bad_id'],
  ['https://vm.tiktok.com/', 'bad_short_code'],
  ['https://vm.tiktok.com/ZM%20abc/', 'bad_short_code'],
  ['https://vm.tiktok.com/ZMabc/extra', 'bad_short_code'],
  [`https://vt.tiktok.com/${'a'.repeat(41)}/`, 'bad_short_code'],
  ['https://www.tiktok.com/t/', 'bad_short_code'],
];

describe('parseTikTokUrl: accepted shapes', () => {
  for (const [input, expected] of ACCEPTED) {
    test(JSON.stringify(input), () => {
      assert.deepEqual(parseTikTokUrl(input), { ok: true, ...expected });
    });
  }
});

describe('parseTikTokUrl: rejections', () => {
  for (const [input, reason] of REJECTED) {
    test(`${JSON.stringify(input.length > 80 ? `${input.slice(0, 60)}…` : input)} → ${reason}`, () => {
      assert.deepEqual(parseTikTokUrl(input), { ok: false, reason, message: LINK_REJECT_MESSAGES[reason] });
    });
  }

  test('every reject reason is exercised by the table', () => {
    const covered = new Set(REJECTED.map(([, reason]) => reason));
    assert.deepEqual(
      LINK_REJECT_REASONS.filter((reason) => !covered.has(reason)),
      [],
    );
  });

  test('a profile rejection tells the person what to paste instead', () => {
    const result = parseTikTokUrl('https://www.tiktok.com/@zg.520');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /profile.*Share → Copy link/);
  });

  test('non-string input from untyped callers is rejected, not thrown', () => {
    assert.equal(parseTikTokUrl(undefined as unknown as string).ok, false);
    assert.equal(parseTikTokUrl(42 as unknown as string).ok, false);
  });
});

describe('parseTikTokUrl: canonical form', () => {
  for (const [input] of ACCEPTED) {
    test(`is a fixed point for ${JSON.stringify(input)}`, () => {
      const first = parseTikTokUrl(input);
      assert.ok(first.ok);
      assert.deepEqual(parseTikTokUrl(first.canonicalUrl), first);
    });
  }

  test('ids stay exact beyond 2^53', () => {
    const result = parseTikTokUrl(`https://www.tiktok.com/@a.b/video/${VIDEO_ID}`);
    assert.ok(result.ok && result.kind === 'video');
    assert.equal(result.id, VIDEO_ID);
    assert.notEqual(String(Number(VIDEO_ID)), VIDEO_ID);
  });
});
