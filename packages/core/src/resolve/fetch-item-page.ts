import { AppError } from '../errors.ts';
import { extractItemFromPage } from '../page/extract-item-from-page.ts';
import { pageErrorToAppError } from '../page/page-error.ts';
import type { TikTokItem } from '../page/tiktok-item.ts';
import { solveWafChallenge, type WafSolution } from '../page/waf-challenge.ts';
import { errorCodeForStoryPage } from '../story/story-policy.ts';
import { pageRequestHeaders } from './browser-headers.ts';
import { errorForHttpStatus, type HttpReply, httpGet } from './http-get.ts';
import { reportPushback } from './pushback.ts';
import { cookieHeaderFor, keepCookies, type ResolveSession } from './resolve-session.ts';
import { TIKTOK_WEB_ORIGIN } from './upstream.ts';

/**
 * Fetches a post's page and reads the item (tiktok-upstream.md §2B, §5):
 * - `/@<user or _>/video/<id>` for videos and photo posts alike (only `/video/` pages carry data);
 * - redirects followed by hand, only to TikTok (or the configured origin); one to `/login` is the
 *   login wall (`login_required`);
 * - the WAF challenge page is solved once and the page fetched once more with the answer cookies,
 *   which are sent on that one request only (the real page sets them with Max-Age=1);
 * - a photo page pointing at its canonical `/video/` URL is followed once;
 * - TikTok's status becomes the matching `AppError`, with the story rules applied.
 */
const MAX_REDIRECTS = 5;
/** First fetch, one retry after a challenge, one canonical refetch, and the retry's challenge. */
const MAX_PAGE_FETCHES = 4;

/** The `Cookie` header part that answers a solved challenge (sent on one request, then dropped). */
export function wafAnswerCookie(solution: WafSolution): string {
  return solution.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

export type PageTarget = {
  readonly id: string;
  readonly username?: string | undefined;
};

export type FetchedItem = {
  readonly item: TikTokItem;
  /** The page URL that carried the item, as fetched (on the configured origin if any). */
  readonly pageUrl: URL;
};

/**
 * One page GET with redirects followed by hand (at most 5, only where `mayFollow` allows) and the
 * cookies kept; a redirect to `/login` is the login wall (`login_required`). `oneShotCookie` (a
 * challenge answer, good for one page) is added to this GET's requests and kept nowhere.
 */
export async function getFollowingRedirects(
  session: ResolveSession,
  start: URL,
  oneShotCookie: string,
): Promise<HttpReply> {
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const cookie = [cookieHeaderFor(session, url), oneShotCookie].filter((part) => part !== '').join('; ');
    const reply = await httpGet(url, {
      fetch: session.fetch,
      beforeRequest: session.beforeRequest,
      headers: pageRequestHeaders(session.userAgent, cookie),
      timeoutMs: session.timeoutMs,
      maxBytes: session.maxPageBytes,
      signal: session.signal,
    });
    keepCookies(session, reply);
    const location = reply.headers.get('location');
    if (reply.status < 300 || reply.status >= 400 || location === null) return reply;

    const target = new URL(location, url);
    const path = session.upstream.tiktokFormOf(target).pathname;
    if (path === '/login' || path.startsWith('/login/')) {
      throw new AppError('login_required', 'TikTok redirected the page to /login', {
        detail: { httpStatus: reply.status },
      });
    }
    if (!session.upstream.mayFollow(target)) {
      throw new AppError('blocked_redirect', `The page redirected off TikTok to ${target.origin}`, {
        detail: { target: target.origin },
      });
    }
    url = session.upstream.fetchUrlOf(target);
  }
  throw new AppError('upstream_error', `More than ${MAX_REDIRECTS} redirects for ${start.pathname}`);
}

export async function fetchItemPage(
  session: ResolveSession,
  target: PageTarget,
  story: { readonly knownStory: boolean },
): Promise<FetchedItem> {
  const user = target.username === undefined || target.username === '' ? '_' : target.username;
  let pageUrl = session.upstream.fetchUrlOf(
    new URL(`/@${encodeURIComponent(user)}/video/${target.id}`, TIKTOK_WEB_ORIGIN),
  );
  const extraOrigins = session.upstream.origin === null ? [] : [session.upstream.origin];
  let challengeAnswer = '';
  let solvedChallenge = false;
  let followedCanonical = false;

  for (let fetchCount = 0; fetchCount < MAX_PAGE_FETCHES; fetchCount += 1) {
    const reply = await getFollowingRedirects(session, pageUrl, challengeAnswer);
    challengeAnswer = '';
    const statusError = errorForHttpStatus(reply, 'not_found');
    if (statusError !== null) throw statusError;

    const result = extractItemFromPage(reply.text, { itemId: target.id, extraOrigins });
    if (result.kind === 'item') {
      if (result.item.id !== target.id) {
        throw new AppError(
          'upstream_error',
          `Asked for item ${target.id}, the page carried ${result.item.id}`,
        );
      }
      return { item: result.item, pageUrl: reply.url };
    }
    if (result.kind === 'refetch') {
      if (followedCanonical)
        throw new AppError('upstream_error', 'The canonical page pointed elsewhere again');
      followedCanonical = true;
      pageUrl = session.upstream.fetchUrlOf(new URL(result.canonicalUrl));
      continue;
    }

    const { error } = result;
    if (error.code === 'challenge') reportPushback(session.onPushback, { kind: 'challenge' });
    if (error.code === 'challenge' && error.statusCode === null) {
      // The WAF page (no JSON). Status 10000 (a captcha inside the JSON) cannot be solved here.
      const solution = solvedChallenge ? null : solveWafChallenge(reply.text);
      if (solution === null) {
        throw pageErrorToAppError(error, 'challenge');
      }
      solvedChallenge = true;
      challengeAnswer = wafAnswerCookie(solution);
      continue;
    }
    const code = errorCodeForStoryPage(error.code, {
      knownStory: story.knownStory,
      itemId: target.id,
      now: session.now(),
    });
    throw pageErrorToAppError(error, code);
  }
  throw new AppError('upstream_error', `No item after ${MAX_PAGE_FETCHES} page fetches for ${target.id}`);
}
