import { isAppError } from '../errors.ts';
import type { TikTokItem } from '../page/tiktok-item.ts';
import { isListedStory, parseStoryList } from '../story/story-list.ts';
import { apiRequestHeaders } from './browser-headers.ts';
import { httpGet, retryAfterSeconds } from './http-get.ts';
import { reportPushback } from './pushback.ts';
import { cookieHeaderFor, type ResolveSession } from './resolve-session.ts';
import { storyListUrl } from './web-api-url.ts';

/**
 * Story rule 1 (story-policy.ts): an item is a story when its author's story list names it.
 * `GET /api/story/item_list/?authorId=…&count=30&cursor=0&loadBackward=false` plus the web
 * parameters gallery-dl sends (tiktok-upstream.md §6). Any failure (HTTP error, not JSON,
 * timeout) means "not known to be a story"; only the caller's cancel is passed on.
 */
const STORY_LIST_COUNT = 30;
const MAX_STORY_LIST_BYTES = 4 * 1024 * 1024;

export async function isStoryItem(
  session: ResolveSession,
  item: TikTokItem,
  referer: string,
): Promise<boolean> {
  if (item.author.id === '') return false;
  const url = storyListUrl(session.upstream.webOrigin, item.author.id, { count: STORY_LIST_COUNT });
  try {
    const reply = await httpGet(url, {
      fetch: session.fetch,
      beforeRequest: session.beforeRequest,
      headers: apiRequestHeaders(session.userAgent, cookieHeaderFor(session, url), referer),
      timeoutMs: session.timeoutMs,
      maxBytes: MAX_STORY_LIST_BYTES,
      signal: session.signal,
    });
    // Its cookies are not kept: a new `tt_chain_token` would no longer match the page's media URLs.
    if (reply.status === 429) {
      const seconds = retryAfterSeconds(reply.headers);
      reportPushback(session.onPushback, {
        kind: 'rate_limited',
        ...(seconds === null ? {} : { retryAfterSeconds: seconds }),
      });
    }
    if (reply.status !== 200) return false;
    return isListedStory(parseStoryList(JSON.parse(reply.text)), item.id);
  } catch (error) {
    if (isAppError(error) && error.code === 'canceled') throw error;
    return false;
  }
}
