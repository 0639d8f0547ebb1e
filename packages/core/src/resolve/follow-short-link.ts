import { AppError } from '../errors.ts';
import { type ParsedPostLink, parseTikTokUrl } from '../url/parse-tiktok-url.ts';
import { reportingPushback } from './pushback.ts';
import { newResolveSession, type ResolveSessionOptions } from './resolve-session.ts';
import { resolveShortLink } from './resolve-short-link.ts';

export type FollowShortLinkOptions = Omit<ResolveSessionOptions, 'maxPageBytes'>;

/**
 * Where a pasted link leads, without fetching the post: a short link is followed one hop (the
 * same rules as `resolve`), a post link is read as it is. It tells the item id, the author's
 * handle and video/photo, which is what is known of a link whose page then turns out gone or
 * private (an id carries its creation time, see id-time.ts). One request for a short link,
 * none for a post link; a 429 is reported to `onPushback` as `resolve` does.
 */
export async function followShortLink(
  link: string,
  options: FollowShortLinkOptions = {},
): Promise<ParsedPostLink> {
  const parsed = parseTikTokUrl(link);
  if (!parsed.ok) {
    throw new AppError('invalid_link', `Not a TikTok post link (${parsed.reason})`, {
      detail: { reason: parsed.reason },
    });
  }
  if (parsed.kind !== 'short_link') return parsed;
  // A redirect's body is never read, so no page-sized limit is needed.
  const session = newResolveSession({ ...options, maxPageBytes: 1024 * 1024 });
  return reportingPushback(session.onPushback, () => resolveShortLink(session, parsed.canonicalUrl));
}
