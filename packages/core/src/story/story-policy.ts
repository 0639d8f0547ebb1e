import type { ErrorCode } from '../errors.ts';
import { errorCodeForPageError, type PageErrorCode } from '../page/page-error.ts';
import { itemIdToDate } from '../url/id-time.ts';
import { isStoryExpired, storyDeadline } from './story-deadline.ts';

/**
 * Story rules and the choices behind them.
 *
 * The studied tools (tiktok-upstream.md §6) say little about stories, so several rules below are
 * choices made on UNVERIFIED ground. Each is written down once, here:
 *
 * 1. **What makes an item a story.** No item field marks a story (`isStory`, `ExpiredAt`, … are
 *    not in any source). An item is a story when it was reached as one: its id is listed in its
 *    author's `/api/story/item_list/?authorId=<author.id>` answer (the resolver checks, see
 *    story-list.ts), or the download was already known to be a story (an earlier resolve of the
 *    same job found it listed). If that list call fails, the item is treated as "not a story".
 *    Whether the list works without a login is itself UNVERIFIED; TikSavr never logs in.
 * 2. **Lifetime.** A story expires 24 h after creation (TikTok product behaviour, not stated by
 *    the sources). Creation is `createTime`, or the id's time (`id >> 32`) when that is missing.
 * 3. **Followers-only stories** have no public page: TikTok answers status 10216 (`private_post`).
 *    For an item known to be a story, that is reported with the followers-only advice
 *    (`adviceFor('private_post', { isStory: true })`); the error code stays `private_post`.
 * 4. **Expired stories** answer 10204 with `statusMsg: "status_deleted"` (page code `deleted`).
 *    For an item known to be a story whose id shows it is older than 24 h, that is reported as
 *    `story_expired` instead of `deleted`. A story younger than 24 h that answers "deleted" was
 *    removed early by its creator and stays `deleted`. For items not known to be stories nothing
 *    changes: an ordinary post that is gone is `deleted`, however old.
 * 5. **Share-disabled stories** have no link at all, so no page can tell; the advice
 *    (`share_disabled`) is shown by the UI when a person says the Copy link option is missing.
 * 6. A story may disappear between listing and download: the worker re-resolves before each
 *    attempt, and rule 4 turns the late "deleted" into `story_expired` once the deadline passed.
 * 7. **Watching a creator** reads the profile page, the story list (all pages) and the post
 *    list; those endpoint choices (cursors, page sizes, list statuses for private or gone
 *    accounts, renames, pinned posts, the challenge) are written down in
 *    creator/creator-policy.ts. A story found by the watcher's list is "known to be a story"
 *    (rule 1) for everything that follows.
 */

export type StoryErrorContext = {
  /** The item is known to be a story (rule 1). */
  readonly knownStory: boolean;
  /** The requested item id (the page of a gone item has no item to read a time from). */
  readonly itemId: string;
  /** Creation time when known (unix seconds), else the id's time is used. */
  readonly createTime?: number;
  readonly now: Date;
};

/** The story's creation time: `createTime` if given, else the time in its id; null if neither. */
export function storyCreatedAt(
  context: Pick<StoryErrorContext, 'itemId' | 'createTime' | 'now'>,
): Date | null {
  if (context.createTime !== undefined && context.createTime > 0) return new Date(context.createTime * 1000);
  return itemIdToDate(context.itemId, context.now);
}

/** The product error code for a page error, with the story rules applied (rules 3 and 4). */
export function errorCodeForStoryPage(code: PageErrorCode, context: StoryErrorContext): ErrorCode {
  const base = errorCodeForPageError(code);
  if (!context.knownStory || code !== 'deleted') return base;
  const createdAt = storyCreatedAt(context);
  if (createdAt === null) return base;
  return isStoryExpired(storyDeadline(createdAt), context.now) ? 'story_expired' : base;
}
