import { randomBytes } from 'node:crypto';
import { isAppError } from '../errors.ts';
import type { TikTokItem } from '../page/tiktok-item.ts';
import { isListedStory, parseStoryList } from '../story/story-list.ts';
import { apiRequestHeaders } from './browser-headers.ts';
import { httpGet } from './http-get.ts';
import { cookieHeaderFor, type ResolveSession } from './resolve-session.ts';

/**
 * Story rule 1 (story-policy.ts): an item is a story when its author's story list names it.
 * `GET /api/story/item_list/?authorId=…&count=30&cursor=0&loadBackward=false` plus the web
 * parameters gallery-dl sends (tiktok-upstream.md §6). Any failure (HTTP error, not JSON,
 * timeout) means "not known to be a story"; only the caller's cancel is passed on.
 */
const STORY_LIST_COUNT = 30;
const MAX_STORY_LIST_BYTES = 4 * 1024 * 1024;

/** A web `device_id` in the range gallery-dl draws from (7250000000000000000–7325099899999994577). */
function randomDeviceId(): string {
  const span = 7_325_099_899_999_994_577n - 7_250_000_000_000_000_000n;
  return (7_250_000_000_000_000_000n + (randomBytes(8).readBigUInt64BE() % span)).toString();
}

export function storyListUrl(webOrigin: string, authorId: string): URL {
  const url = new URL('/api/story/item_list/', webOrigin);
  const params: Record<string, string> = {
    aid: '1988',
    app_name: 'tiktok_web',
    device_platform: 'web_pc',
    device_id: randomDeviceId(),
    region: 'US',
    verifyFp: `verify_${randomBytes(4).toString('hex').slice(0, 7)}`,
    authorId,
    count: String(STORY_LIST_COUNT),
    cursor: '0',
    loadBackward: 'false',
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url;
}

export async function isStoryItem(
  session: ResolveSession,
  item: TikTokItem,
  referer: string,
): Promise<boolean> {
  if (item.author.id === '') return false;
  const url = storyListUrl(session.upstream.webOrigin, item.author.id);
  try {
    const reply = await httpGet(url, {
      fetch: session.fetch,
      headers: apiRequestHeaders(session.userAgent, cookieHeaderFor(session, url), referer),
      timeoutMs: session.timeoutMs,
      maxBytes: MAX_STORY_LIST_BYTES,
      signal: session.signal,
    });
    // Its cookies are not kept: a new `tt_chain_token` would no longer match the page's media URLs.
    if (reply.status !== 200) return false;
    return isListedStory(parseStoryList(JSON.parse(reply.text)), item.id);
  } catch (error) {
    if (isAppError(error) && error.code === 'canceled') throw error;
    return false;
  }
}
