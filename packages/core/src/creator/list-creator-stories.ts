import { AppError } from '../errors.ts';
import { reportingPushback } from '../resolve/pushback.ts';
import { newResolveSession, type ResolveSession } from '../resolve/resolve-session.ts';
import { newDeviceId, storyListUrl } from '../resolve/web-api-url.ts';
import { storyDeadline } from '../story/story-deadline.ts';
import { parseStoryList } from '../story/story-list.ts';
import { itemIdToDate } from '../url/id-time.ts';
import type { CreatorFetchOptions } from './creator-fetch-options.ts';
import { STORY_LIST_MAX_PAGES, STORY_LIST_PAGE_COUNT } from './creator-policy.ts';
import { fetchWebApi, webApiStatusError } from './fetch-web-api.ts';
import type { ItemListEntry } from './item-list-entry.ts';

/**
 * Every story a creator has up right now, from `/api/story/item_list/?authorId=…` (all pages,
 * bounded, with the duplicate-page guard; creator-policy.ts rules 5–9). Unlike the resolver's
 * story check, which reads "not a story" into any failure, this throws: `private_account`,
 * `account_not_found`, `rate_limited`, `challenge`, `login_required`, `network`, `upstream_error`.
 * An account with no stories gives []. Sorted by deadline, soonest first.
 */
export type ListedStory = { id: string; createTime: Date; deadline: Date; kind: 'video' | 'photo' };

const AUTHOR_ID = /^\d{1,25}$/;

function listedStoryOf(entry: ItemListEntry, now: Date): ListedStory | null {
  const createTime =
    entry.createTimeSeconds === null ? itemIdToDate(entry.id, now) : new Date(entry.createTimeSeconds * 1000);
  if (createTime === null) return null;
  return { id: entry.id, createTime, deadline: storyDeadline(createTime), kind: entry.kind };
}

async function storiesInSession(session: ResolveSession, authorId: string): Promise<ListedStory[]> {
  const referer = `${session.upstream.webOrigin}/`;
  const subject = { what: `the stories of ${authorId}` };
  const found = new Map<string, ListedStory>();
  let deviceId = newDeviceId();
  let cursor = '0';
  let retriedDuplicate = false;
  for (let page = 0; page < STORY_LIST_MAX_PAGES; page += 1) {
    const url = storyListUrl(session.upstream.webOrigin, authorId, {
      deviceId,
      cursor,
      count: STORY_LIST_PAGE_COUNT,
    });
    const body = await fetchWebApi(session, url, referer);
    const statusError = webApiStatusError(session, body, subject);
    if (statusError !== null) throw statusError;

    const list = parseStoryList(body);
    const fresh = list.items.filter((entry) => !found.has(entry.id));
    if (list.items.length > 0 && fresh.length === 0) {
      // The same page again: a stuck device_id (yt-dlp#14031). A new one, one more try, then stop.
      if (retriedDuplicate) break;
      retriedDuplicate = true;
      deviceId = newDeviceId();
      continue;
    }
    for (const entry of fresh) {
      const story = listedStoryOf(entry, session.now());
      if (story !== null) found.set(story.id, story);
    }
    if (!list.hasMoreAfter || list.maxCursor === null || list.maxCursor === cursor) break;
    cursor = list.maxCursor;
  }
  return [...found.values()].sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
}

export async function listCreatorStories(
  creator: { tiktokId: string },
  options: CreatorFetchOptions = {},
): Promise<ListedStory[]> {
  const authorId = String(creator?.tiktokId ?? '');
  if (!AUTHOR_ID.test(authorId)) {
    throw new AppError('invalid_creator', `Not a TikTok account id: ${authorId.slice(0, 40)}`);
  }
  const session = newResolveSession(options);
  return reportingPushback(session.onPushback, () => storiesInSession(session, authorId));
}
