import { isDouyinHost } from './douyin-hosts.ts';
import { LINK_REJECT_MESSAGES, type LinkRejectReason } from './link-reject-reason.ts';
import { isTikTokHost, isTikTokPostLinkHost, isTikTokShortLinkHost } from './tiktok-hosts.ts';
import { looksLikeTikTokHost } from './tiktok-lookalike-host.ts';

/**
 * Says what a pasted link is, without any network: one post (video or photo), a short link that
 * must be resolved, or a reason it can never work. Stories have no URL shape of their own (a shared
 * story is an ordinary short link), so "story" is only known after resolving.
 *
 * Canonical form (what `canonicalUrl` holds, and a fixed point of this function):
 * - video: `https://www.tiktok.com/@<user>/video/<id>`
 * - photo: `https://www.tiktok.com/@<user>/photo/<id>`; the photo kind is kept because only the
 *   link says a post is a slideshow before resolving. The resolver fetches `/@_/video/<id>` for
 *   both, as TikTok serves photo posts' data only on `/video/` pages (tiktok-upstream.md §1).
 * - `<user>` is `_` when the link carries no valid username (`/embed/`, `/share/`, `/v/…html`,
 *   `/@/video/`). `_` alone is not a valid TikTok username (they have 2–24 characters), so
 *   parsing the canonical URL yields no username again.
 * - short links: `https://vm.tiktok.com/<code>/`, `https://vt.tiktok.com/<code>/` or
 *   `https://www.tiktok.com/t/<code>/`; codes are case-sensitive and kept as they are.
 * Query strings and fragments carry no meaning for TikTok and are dropped.
 */

export type ParsedPostLink = {
  readonly ok: true;
  readonly kind: 'video' | 'photo';
  /** Decimal item id, 1–21 digits, kept as a string (ids exceed 2^53). */
  readonly id: string;
  /** The `@name` in the link, without `@`; absent when the link has none or it is not a valid name. */
  readonly username?: string;
  readonly canonicalUrl: string;
};

export type ParsedShortLink = {
  readonly ok: true;
  readonly kind: 'short_link';
  readonly code: string;
  readonly canonicalUrl: string;
};

export type RejectedLink = {
  readonly ok: false;
  readonly reason: LinkRejectReason;
  readonly message: string;
};

export type AcceptedLink = ParsedPostLink | ParsedShortLink;
export type ParsedLink = AcceptedLink | RejectedLink;
export type LinkKind = AcceptedLink['kind'];

/** Real links with tracking parameters stay far below this; it bounds work on hostile input. */
export const MAX_LINK_LENGTH = 4096;

const CANONICAL_ORIGIN = 'https://www.tiktok.com';
const ITEM_ID = /^[1-9]\d{0,20}$/;
const USERNAME = /^[A-Za-z0-9._]{2,30}$/;
const SHORT_CODE = /^[A-Za-z0-9_-]{1,40}$/;
const WHITESPACE = /\s/;
const HTTP_SCHEME = /^https?:/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const REJECTIONS = Object.fromEntries(
  Object.entries(LINK_REJECT_MESSAGES).map(([reason, message]) => [
    reason,
    Object.freeze({ ok: false, reason, message }),
  ]),
) as Record<LinkRejectReason, RejectedLink>;

function reject(reason: LinkRejectReason): RejectedLink {
  return REJECTIONS[reason];
}

/**
 * Whitespace as `String#trim` sees it, plus control characters and the zero-width characters
 * (U+200B–U+200D, U+2060) chat apps leave around copied links.
 */
function isPasteSpace(code: number): boolean {
  if (code <= 0x20) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Trims paste spaces from both ends; a scan, since a `\s+$` regex backtracks on long inner runs. */
function trimPasted(input: string): string {
  let start = 0;
  let end = input.length;
  while (start < end && isPasteSpace(input.charCodeAt(start))) start++;
  while (end > start && isPasteSpace(input.charCodeAt(end - 1))) end--;
  return start === 0 && end === input.length ? input : input.slice(start, end);
}

/**
 * Quotes and brackets a link was pasted inside (`"…"`, `(…)`, `「…」`) and sentence punctuation
 * glued to its end (`….`, `…!`, `…。`). No accepted shape starts or ends with one of these
 * (short codes end in `[A-Za-z0-9_-]`, ids in a digit, paths in `/`), so dropping them never
 * changes what a real link means; it keeps `https://vm.tiktok.com/ZMabc/.` from reading as a
 * damaged code, as yt-dlp's and gallery-dl's prefix regexes also ignore such tails.
 */
const OPENING_WRAPPERS = new Set([...`"'(<[{\u201c\u2018\u00ab\u300c\u300e\u3010\uff08`]);
const CLOSING_JUNK = new Set([
  ...`"'.,;:!?)>]}\u201d\u2019\u00bb\u2026\u3002\u3001\uff0c\uff01\uff1f\uff09\u300d\u300f\u3011`,
]);

function stripWrapping(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && OPENING_WRAPPERS.has(text[start]!)) start++;
  while (end > start && CLOSING_JUNK.has(text[end - 1]!)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Adds `https://` to scheme-less input; null when the input names a scheme other than http(s). */
function withWebScheme(text: string): string | null {
  if (HTTP_SCHEME.test(text)) return text;
  if (text.startsWith('//')) return `https:${text}`;
  const scheme = ANY_SCHEME.exec(text);
  if (scheme === null) return `https://${text}`;
  // `www.tiktok.com:443/...` is a host and port, not a scheme called "www.tiktok.com".
  const afterColon = text.charCodeAt(scheme[0].length);
  return afterColon >= 48 && afterColon <= 57 ? `https://${text}` : null;
}

/** No accepted shape has more than 4 segments; collecting one more is enough to reject longer paths. */
const MAX_SEGMENTS = 5;

/**
 * Non-empty path segments (leading, doubled and trailing slashes produce none), at most
 * `MAX_SEGMENTS`. A hand-written scan because `split` + filter dominated the parse profile.
 */
function pathSegments(pathname: string): string[] {
  const segments: string[] = [];
  let start = 0;
  while (start < pathname.length && segments.length < MAX_SEGMENTS) {
    let end = pathname.indexOf('/', start);
    if (end === -1) end = pathname.length;
    if (end > start) segments.push(pathname.slice(start, end));
    start = end + 1;
  }
  return segments;
}

/** `@name` or `%40name` → `name` when it is a valid TikTok username, else undefined. */
function usernameFrom(segment: string): string | undefined {
  let raw = segment.charCodeAt(0) === 64 ? segment.slice(1) : segment.slice(3);
  if (raw.includes('%')) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return USERNAME.test(raw) ? raw : undefined;
}

function isUserSegment(segment: string): boolean {
  return segment.charCodeAt(0) === 64 || (segment.length >= 3 && segment.slice(0, 3).toLowerCase() === '%40');
}

function post(kind: 'video' | 'photo', id: string | undefined, username?: string): ParsedLink {
  if (id === undefined || !ITEM_ID.test(id)) return reject('bad_id');
  const canonicalUrl = `${CANONICAL_ORIGIN}/@${username ?? '_'}/${kind}/${id}`;
  return username === undefined
    ? { ok: true, kind, id, canonicalUrl }
    : { ok: true, kind, id, username, canonicalUrl };
}

function shortLink(code: string | undefined, canonicalPrefix: string): ParsedLink {
  if (code === undefined || !SHORT_CODE.test(code)) return reject('bad_short_code');
  return { ok: true, kind: 'short_link', code, canonicalUrl: `${canonicalPrefix}${code}/` };
}

/** The tabs of a profile page (gallery-dl reads each as a list of the user's posts). */
const PROFILE_TABS = new Set([
  'avatar',
  'posts',
  'reposts',
  'stories',
  'likes',
  'liked',
  'saved',
  'favorites',
  'followers',
  'following',
  'friends',
]);

/** `/@user`, `/@user/video/<id>`, `/@user/photo/<id>`, `/@user/live`, … */
function parseUserPath(segments: string[]): ParsedLink {
  const section = segments[1];
  if (section === undefined) return reject('profile');
  const sectionName = section.toLowerCase();
  if (sectionName === 'video' || sectionName === 'photo') {
    if (segments.length > 3) return reject('not_a_post');
    return post(sectionName, segments[2], usernameFrom(segments[0]!));
  }
  if (sectionName === 'live') return reject('live');
  // `/@user/collection/<title>-<id>` (yt-dlp's TikTokCollectionIE) and `/@user/playlist/<title>-<id>`
  if (sectionName === 'collection' || sectionName === 'playlist') return reject('collection');
  if (segments.length === 2 && PROFILE_TABS.has(sectionName)) return reject('profile');
  return reject('not_a_post');
}

/**
 * A bare modern short code (`ZM`, `ZS`, `ZT`, `ZG`… then 7 letters or digits) as the whole path of
 * a page host: `tiktok.com/ZSabc1234`. gallery-dl's vmpost and cobalt's `:shortLink` accept codes on
 * the main host; the shape is required here so that page names (`/login`, `/about`) stay pages.
 */
const BARE_SHORT_CODE = /^Z[A-Z][A-Za-z0-9]{7}$/;

/**
 * TikTok paths never contain `&`; one there is a query glued on without its `?` (`…/video/<id>&lang=en`,
 * left by chat apps and by hand-edited links). yt-dlp's and gallery-dl's prefix regexes ignore it too.
 */
function withoutGluedQuery(pathname: string): string {
  const amp = pathname.indexOf('&');
  return amp < 0 ? pathname : pathname.slice(0, amp);
}

/** Page paths on www/m/bare tiktok.com and the tiktokv.com share host. */
function parsePagePath(pathname: string): ParsedLink {
  const segments = pathSegments(withoutGluedQuery(pathname));
  const first = segments[0];
  if (first === undefined) return reject('home');
  if (isUserSegment(first)) return parseUserPath(segments);
  const count = segments.length;
  switch (first.toLowerCase()) {
    case 'v': {
      // m.tiktok.com/v/<id>.html, where 2021 short links used to land
      const file = segments[1];
      if (count > 2) return reject('not_a_post');
      const id = file?.toLowerCase().endsWith('.html') ? file.slice(0, -5) : file;
      return post('video', id);
    }
    case 'embed':
      if (count === 3 && segments[1]!.toLowerCase() === 'v2') return post('video', segments[2]);
      return count > 2 ? reject('not_a_post') : post('video', segments[1]);
    case 'player':
      // The official embed player, www.tiktok.com/player/v1/<id>
      if (count === 3 && segments[1]!.toLowerCase() === 'v1') return post('video', segments[2]);
      return reject('not_a_post');
    case 'share':
      return parseSharePath(segments, 1);
    case 'i18n':
    case 'h5':
      // `i18n/share/video/<id>` (TikTok Lite), `h5/share/usr/<id>.html` (2019 profile shares)
      return segments[1]?.toLowerCase() === 'share' ? parseSharePath(segments, 2) : reject('not_a_post');
    case 't':
      return count > 2 ? reject('bad_short_code') : shortLink(segments[1], `${CANONICAL_ORIGIN}/t/`);
    case 'tag':
      return reject('tag');
    case 'music':
      return reject('sound');
    case 'sticker':
    case 'effect':
      return reject('effect');
    case 'live':
      return reject('live');
    case 'search':
    case 'discover':
    case 'explore':
      return reject('search');
    case 'foryou':
    case 'following':
    case 'friends':
      return reject('home');
    default:
      return parseUnmarkedUserPath(segments);
  }
}

/**
 * `/<name>/video/<id>` with the `@` lost (hand-typed or mangled by a chat app): cobalt's
 * `:user/video/:postId` and fxTikTok's `/*\/video/:id` accept it, and the user part is never
 * needed to fetch the post. Reserved first segments (`tag`, `music`, …) are decided before this.
 */
function parseUnmarkedUserPath(segments: string[]): ParsedLink {
  if (segments.length === 1 && BARE_SHORT_CODE.test(segments[0]!)) {
    return shortLink(segments[0], `${CANONICAL_ORIGIN}/t/`);
  }
  if (segments.length !== 3) return reject('not_a_post');
  const kind = segments[1]!.toLowerCase();
  if (kind !== 'video' && kind !== 'photo') return reject('not_a_post');
  return post(kind, segments[2]);
}

/** What `/share/<what>/…` pages show besides videos (youtube-dl and yt-dlp test these). */
const SHARE_PAGE_REJECTIONS: ReadonlyMap<string, LinkRejectReason> = new Map([
  ['user', 'profile'],
  ['usr', 'profile'],
  ['live', 'live'],
  ['music', 'sound'],
  ['tag', 'tag'],
  ['challenge', 'tag'],
  ['sticker', 'effect'],
]);

/** `/share/video/<id>` (and the `i18n/` variant): `kindIndex` points at `video`. */
function parseSharePath(segments: string[], kindIndex: number): ParsedLink {
  const what = segments[kindIndex]?.toLowerCase();
  if (what !== 'video') {
    return reject((what === undefined ? undefined : SHARE_PAGE_REJECTIONS.get(what)) ?? 'not_a_post');
  }
  if (segments.length > kindIndex + 2) return reject('not_a_post');
  return post('video', segments[kindIndex + 1]);
}

export function parseTikTokUrl(input: string): ParsedLink {
  if (typeof input !== 'string') return reject('not_a_url');
  if (input.length > MAX_LINK_LENGTH * 2) return reject('too_long');
  const text = stripWrapping(trimPasted(input));
  if (text === '') return reject('empty');
  if (text.length > MAX_LINK_LENGTH) return reject('too_long');
  if (WHITESPACE.test(text)) return reject('extra_text');
  const candidate = withWebScheme(text);
  if (candidate === null) return reject('not_a_url');
  const url = URL.parse(candidate);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) return reject('not_a_url');

  // WHATWG hostnames are lower-case already; a trailing dot (fully qualified name) is the same host.
  let host = url.hostname;
  if (host.endsWith('.')) host = host.slice(0, -1);
  // Real share links never carry credentials or a port. On a TikTok host they mean the link was
  // edited by hand; elsewhere `https://www.tiktok.com@evil.com/` uses them to hide the real host.
  const hidesRealHost = url.username !== '' || url.password !== '';
  if (isTikTokPostLinkHost(host)) {
    if (hidesRealHost || url.port !== '') return reject('lookalike_host');
    return parsePagePath(url.pathname);
  }
  if (isTikTokShortLinkHost(host)) {
    if (hidesRealHost || url.port !== '') return reject('lookalike_host');
    const segments = pathSegments(withoutGluedQuery(url.pathname));
    // A full page path on a short-link host (`vm.tiktok.com/@user/video/<id>`; cobalt accepts its
    // page patterns on every TikTok subdomain) still names its post; only a bare code is short.
    const first = segments[0];
    if (first !== undefined && (segments.length > 1 || isUserSegment(first))) {
      const page = parsePagePath(url.pathname);
      return page.ok || page.reason !== 'not_a_post' ? page : reject('bad_short_code');
    }
    return shortLink(first, `https://${host}/`);
  }
  if (isTikTokHost(host)) return hidesRealHost ? reject('lookalike_host') : reject('not_a_post');
  if (isDouyinHost(host)) return reject('douyin');
  const imitates = looksLikeTikTokHost(host) || (hidesRealHost && looksLikeTikTokHost(url.username));
  return reject(imitates ? 'lookalike_host' : 'not_tiktok');
}
