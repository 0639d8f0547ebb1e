import { AppError } from '../errors.ts';
import { type ParsedPostLink, parseTikTokUrl } from '../url/parse-tiktok-url.ts';
import { pageRequestHeaders } from './browser-headers.ts';
import { errorForHttpStatus, httpGet } from './http-get.ts';
import { keepCookies, type ResolveSession } from './resolve-session.ts';

/**
 * Follows a short link (`vm.tiktok.com/CODE`, `vt.tiktok.com/CODE`, `www.tiktok.com/t/CODE`)
 * one hop, without following the redirect automatically (tiktok-upstream.md §2A):
 * - 301 to a post URL → that post;
 * - 301 to the home page (an unknown or expired code) or to another short link → `short_link_dead`
 *   (a short link pointing at a short link would be a loop; yt-dlp stops there too);
 * - a redirect off TikTok (or to an address TikTok never uses) → `blocked_redirect`.
 */
export async function resolveShortLink(
  session: ResolveSession,
  shortLinkUrl: string,
): Promise<ParsedPostLink> {
  const url = session.upstream.fetchUrlOf(new URL(shortLinkUrl));
  const reply = await httpGet(url, {
    fetch: session.fetch,
    beforeRequest: session.beforeRequest,
    headers: pageRequestHeaders(session.userAgent, ''),
    timeoutMs: session.timeoutMs,
    maxBytes: session.maxPageBytes,
    signal: session.signal,
  });
  keepCookies(session, reply);
  const location = reply.headers.get('location');
  if (reply.status < 300 || reply.status >= 400 || location === null) {
    throw (
      errorForHttpStatus(reply, 'short_link_dead') ??
      new AppError('short_link_dead', `Short link answered ${reply.status} without a redirect`, {
        detail: { httpStatus: reply.status },
      })
    );
  }

  let target: URL;
  try {
    target = new URL(location, url);
  } catch (cause) {
    throw new AppError('short_link_dead', 'Short link redirected to an unreadable Location', { cause });
  }
  if (!session.upstream.mayFollow(target)) {
    throw new AppError('blocked_redirect', `Short link redirected off TikTok to ${target.origin}`, {
      detail: { target: target.origin },
    });
  }
  const parsed = parseTikTokUrl(session.upstream.tiktokFormOf(target).href);
  if (!parsed.ok || parsed.kind === 'short_link') {
    throw new AppError('short_link_dead', `Short link leads to ${target.pathname}, not to a post`, {
      detail: { reason: parsed.ok ? 'short_link' : parsed.reason },
    });
  }
  return parsed;
}
