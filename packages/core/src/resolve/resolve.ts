import { AppError } from '../errors.ts';
import { chooseMedia, type MediaPlan, type MediaQuality } from '../media/choose-media.ts';
import type { TikTokItem } from '../page/tiktok-item.ts';
import { storyDeadline } from '../story/story-deadline.ts';
import { type AcceptedLink, parseTikTokUrl } from '../url/parse-tiktok-url.ts';
import { isStoryItem } from './detect-story.ts';
import { fetchItemPage } from './fetch-item-page.ts';
import type { BeforeRequest } from './http-get.ts';
import { type PushbackListener, reportingPushback } from './pushback.ts';
import { cookieHeaderFor, newResolveSession, type ResolveSession } from './resolve-session.ts';
import { resolveShortLink } from './resolve-short-link.ts';
import { TIKTOK_WEB_ORIGIN } from './upstream.ts';

/**
 * From a pasted link to everything a download needs (tiktok-upstream.md §2):
 * link → (short link followed) → post page (challenge solved, photo page followed) → item →
 * story check → media plan, plus the headers the media requests must carry (the page's cookie
 * jar with `tt_chain_token`, a TikTok Referer, the same User-Agent).
 *
 * Core does no I/O of its own: `fetch` is injected (default: the global one). Every failure is
 * an `AppError` with a stable code. Media URLs expire (hours): resolve again right before each
 * download attempt rather than storing them.
 */
export type ResolveOptions = {
  readonly fetch?: typeof globalThis.fetch;
  /** Serve every TikTok host from this origin (a local simulator, e.g. `http://127.0.0.1:4000`). */
  readonly origin?: string;
  readonly userAgent?: string;
  /** Per HTTP request (default 15 s). */
  readonly timeoutMs?: number;
  /** Largest page body accepted (default 8 MiB; real pages are 0.5–1 MB). */
  readonly maxPageBytes?: number;
  readonly quality?: MediaQuality;
  readonly includeCover?: boolean;
  /** The item was reached as a story before (e.g. an earlier attempt of the same job). */
  readonly knownStory?: boolean;
  /** Ask the author's story list whether the item is a story (default true). */
  readonly detectStory?: boolean;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
  /**
   * Called when TikTok pushes back: a 429 (`retryAfterSeconds` from its Retry-After), the WAF
   * challenge (solved or not), the login wall. The call still succeeds or fails as it would.
   */
  readonly onPushback?: PushbackListener /**
   * Awaited before every request to TikTok, outside that request's timeout: the worker's
   * politeness budget waits here (a long wait for a slot is not a slow TikTok).
   */;
  readonly beforeRequest?: BeforeRequest;
};

export type MediaRequestHeaders = {
  readonly Cookie: string;
  readonly Referer: string;
  readonly 'User-Agent': string;
};

export type ResolvedPost = {
  readonly item: TikTokItem;
  /** `https://www.tiktok.com/@<user>/<video|photo>/<id>`: for people and storage, not for fetching. */
  readonly canonicalUrl: string;
  /** The page the item came from, as fetched (on the configured origin if any). */
  readonly pageUrl: string;
  readonly isStory: boolean;
  /** Stories only: creation + 24 h. */
  readonly storyDeadline?: Date;
  readonly plan: MediaPlan;
  readonly mediaRequest: { readonly headers: MediaRequestHeaders };
};

function canonicalUrlOf(item: TikTokItem): string {
  const user = item.author.uniqueId === '' ? '_' : item.author.uniqueId;
  return `${TIKTOK_WEB_ORIGIN}/@${user}/${item.kind === 'photo' ? 'photo' : 'video'}/${item.id}`;
}

function createdAtOf(item: TikTokItem): Date {
  return new Date(item.createTime * 1000);
}

export async function resolve(link: string, options: ResolveOptions = {}): Promise<ResolvedPost> {
  const parsed = parseTikTokUrl(link);
  if (!parsed.ok) {
    throw new AppError('invalid_link', `Not a TikTok post link (${parsed.reason})`, {
      detail: { reason: parsed.reason },
    });
  }
  const session = newResolveSession(options);
  return reportingPushback(session.onPushback, () => resolveInSession(session, parsed, options));
}

async function resolveInSession(
  session: ResolveSession,
  parsed: AcceptedLink,
  options: ResolveOptions,
): Promise<ResolvedPost> {
  const post = parsed.kind === 'short_link' ? await resolveShortLink(session, parsed.canonicalUrl) : parsed;
  const knownStory = options.knownStory === true;
  const { item, pageUrl } = await fetchItemPage(
    session,
    { id: post.id, username: post.username },
    { knownStory },
  );

  // Taken before the story list call, so the media cookies are exactly the page's.
  const cookie = cookieHeaderFor(session, pageUrl);
  const referer = `${session.upstream.webOrigin}/`;
  const listed = options.detectStory === false ? false : await isStoryItem(session, item, referer);
  const isStory = knownStory || listed;
  const plan = chooseMedia(item, {
    ...(options.quality === undefined ? {} : { quality: options.quality }),
    ...(options.includeCover === undefined ? {} : { includeCover: options.includeCover }),
  });

  return {
    item,
    canonicalUrl: canonicalUrlOf(item),
    pageUrl: pageUrl.href,
    isStory,
    ...(isStory ? { storyDeadline: storyDeadline(createdAtOf(item)) } : {}),
    plan,
    mediaRequest: { headers: { Cookie: cookie, Referer: referer, 'User-Agent': session.userAgent } },
  };
}
