import { isTikTokHost, isTikTokPostLinkHost, isTikTokShortLinkHost } from '../url/tiktok-hosts.ts';
import { looksLikeTikTokHost } from '../url/tiktok-lookalike-host.ts';

/**
 * Which TikTok account a person means, from what they typed or pasted:
 * - a profile link on any TikTok web host (`https://www.tiktok.com/@name`, `tiktok.com/@name`,
 *   `m.tiktok.com/@name?lang=en`, also a post link `…/@name/video/<id>`, whose author it names);
 * - `@name`, or the bare `name`.
 * The handle keeps the case it was typed in; TikTok handles are case-insensitive, so compare
 * them by `creatorHandleKey`. Short links (`vm.tiktok.com/CODE`) name a post, not an account,
 * and can only be read over the network: they are refused here.
 */
export type CreatorRef = { readonly handle: string };

export type CreatorRefResult = { ok: true; ref: CreatorRef } | { ok: false; reason: CreatorRefRejectReason };

export type CreatorRefRejectReason =
  | 'empty'
  | 'too_long'
  | 'not_a_url'
  | 'not_tiktok'
  | 'lookalike_host'
  | 'short_link'
  | 'no_handle'
  | 'bad_handle';

/** TikTok usernames: letters, digits, `_` and `.`; 2–24 today, up to 30 accepted as parse-tiktok-url does. */
const HANDLE = /^[A-Za-z0-9._]{2,30}$/;
const MAX_INPUT_LENGTH = 2048;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The comparison key of a handle (lower-cased, no `@`): the same account whatever the case typed. */
export function creatorHandleKey(handle: string): string {
  return handle.replace(/^@/, '').toLowerCase();
}

function handleFrom(raw: string): CreatorRefResult {
  let handle = raw;
  if (handle.includes('%')) {
    try {
      handle = decodeURIComponent(handle);
    } catch {
      return { ok: false, reason: 'bad_handle' };
    }
  }
  if (handle.startsWith('@')) handle = handle.slice(1);
  return HANDLE.test(handle) ? { ok: true, ref: { handle } } : { ok: false, reason: 'bad_handle' };
}

function fromUrl(text: string): CreatorRefResult {
  const url = URL.parse(SCHEME.test(text) ? text : `https://${text}`);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return { ok: false, reason: 'not_a_url' };
  }
  const host = url.hostname.replace(/\.$/, '');
  const hidesHost = url.username !== '' || url.password !== '' || url.port !== '';
  if (isTikTokShortLinkHost(host)) return { ok: false, reason: 'short_link' };
  if (!isTikTokPostLinkHost(host)) {
    if (isTikTokHost(host)) return { ok: false, reason: 'no_handle' };
    return { ok: false, reason: looksLikeTikTokHost(host) ? 'lookalike_host' : 'not_tiktok' };
  }
  if (hidesHost) return { ok: false, reason: 'lookalike_host' };
  const first = url.pathname.split('/').find((segment) => segment !== '');
  if (first === undefined) return { ok: false, reason: 'no_handle' };
  if (first === 't') return { ok: false, reason: 'short_link' };
  const isUser = first.startsWith('@') || first.toLowerCase().startsWith('%40');
  return isUser
    ? handleFrom(first.startsWith('@') ? first : `@${first.slice(3)}`)
    : { ok: false, reason: 'no_handle' };
}

export function parseCreatorRef(input: string): CreatorRefResult {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_INPUT_LENGTH) return { ok: false, reason: 'too_long' };
  if (/\s/.test(text)) return { ok: false, reason: 'not_a_url' };
  if (text.startsWith('@')) return handleFrom(text);
  // A bare handle may contain dots (`sunny.kitchen`), so only something with a path, a scheme or
  // a TikTok host name is read as a link; `tiktok.com` alone is TikTok, not an account called so.
  const looksLikeUrl = SCHEME.test(text) || text.includes('/') || isTikTokHost(text.toLowerCase());
  return looksLikeUrl ? fromUrl(text) : handleFrom(text);
}
