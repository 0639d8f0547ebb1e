import { AppError } from '../errors.ts';
import { reportingPushback } from '../resolve/pushback.ts';
import { newResolveSession, type ResolveSession } from '../resolve/resolve-session.ts';
import { newDeviceId, postListUrl } from '../resolve/web-api-url.ts';
import { itemIdToDate } from '../url/id-time.ts';
import type { CreatorFetchOptions } from './creator-fetch-options.ts';
import {
  POST_LIST_DEFAULT_PAGES,
  POST_LIST_EMPTY_PAGE_STEP_MS,
  POST_LIST_FLOOR_MS,
  POST_LIST_MAX_PAGES,
  POST_LIST_PAGE_COUNT,
} from './creator-policy.ts';
import { fetchWebApi, webApiStatusError } from './fetch-web-api.ts';
import { parsePostList } from './post-list.ts';

/**
 * A creator's posts made at or after `since`, newest first, from `/api/creator/item_list/`
 * with its millisecond cursor going back from now (creator-policy.ts rules 10–12). Stops at the
 * first post older than `since`, at `maxPages` (default 5, at most 50) pages, or when TikTok has
 * nothing older. Throws like listCreatorStories; an account without new posts gives [].
 */
export type ListedPost = { id: string; createTime: Date; kind: 'video' | 'photo'; authorHandle: string };

export type ListPostsOptions = CreatorFetchOptions & {
  readonly since: Date;
  readonly maxPages?: number;
};

const SEC_UID = /^[A-Za-z0-9_-]{8,200}$/;

function pageLimitOf(maxPages: number | undefined): number {
  if (maxPages === undefined || !Number.isFinite(maxPages)) return POST_LIST_DEFAULT_PAGES;
  return Math.min(POST_LIST_MAX_PAGES, Math.max(1, Math.trunc(maxPages)));
}

async function postsInSession(
  session: ResolveSession,
  secUid: string,
  sinceMs: number,
  pageLimit: number,
): Promise<ListedPost[]> {
  const referer = `${session.upstream.webOrigin}/`;
  const subject = { what: `the posts of ${secUid.slice(0, 24)}…` };
  const found = new Map<string, ListedPost>();
  let deviceId = newDeviceId();
  let cursorMs = session.now().getTime();
  let retriedDuplicate = false;

  for (let page = 0; page < pageLimit; page += 1) {
    const url = postListUrl(session.upstream.webOrigin, secUid, {
      deviceId,
      cursorMs,
      count: POST_LIST_PAGE_COUNT,
    });
    const body = await fetchWebApi(session, url, referer);
    const statusError = webApiStatusError(session, body, subject);
    if (statusError !== null) throw statusError;

    const list = parsePostList(body);
    const seenBefore = new Set(found.keys());
    let reachedSince = false;
    let oldestMs: number | null = null;
    for (const entry of list.items) {
      const createTime =
        entry.createTimeSeconds === null
          ? itemIdToDate(entry.id, session.now())
          : new Date(entry.createTimeSeconds * 1000);
      if (createTime === null) continue;
      const createdMs = createTime.getTime();
      // Pinned posts head the first page whatever their age (rule 11): they set nothing.
      if (!entry.pinned) oldestMs = oldestMs === null ? createdMs : Math.min(oldestMs, createdMs);
      if (createdMs < sinceMs) {
        if (!entry.pinned) reachedSince = true;
        continue;
      }
      if (found.has(entry.id)) continue;
      found.set(entry.id, { id: entry.id, createTime, kind: entry.kind, authorHandle: entry.authorHandle });
    }
    if (reachedSince || !list.hasMorePrevious) break;
    const listed = list.items.filter((entry) => !entry.pinned);
    if (listed.length > 0 && listed.every((entry) => seenBefore.has(entry.id))) {
      // The same page again: a stuck device_id (yt-dlp#14031). A new one, one more try, then stop.
      if (retriedDuplicate) break;
      retriedDuplicate = true;
      deviceId = newDeviceId();
      continue;
    }
    const next = oldestMs === null ? cursorMs - POST_LIST_EMPTY_PAGE_STEP_MS : oldestMs;
    if (next >= cursorMs || next <= sinceMs || next < POST_LIST_FLOOR_MS) break;
    cursorMs = next;
  }
  return [...found.values()].sort((a, b) => b.createTime.getTime() - a.createTime.getTime());
}

export async function listCreatorPosts(
  creator: { secUid: string },
  options: ListPostsOptions,
): Promise<ListedPost[]> {
  const secUid = String(creator?.secUid ?? '');
  if (!SEC_UID.test(secUid)) {
    throw new AppError('invalid_creator', 'Not a TikTok secUid');
  }
  const sinceMs = options?.since instanceof Date ? options.since.getTime() : Number.NaN;
  if (!Number.isFinite(sinceMs)) throw new TypeError('listCreatorPosts needs `since`, a valid Date');
  const session = newResolveSession(options);
  return reportingPushback(session.onPushback, () =>
    postsInSession(session, secUid, sinceMs, pageLimitOf(options.maxPages)),
  );
}
