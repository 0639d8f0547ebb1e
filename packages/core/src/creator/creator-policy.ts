/**
 * How TikSavr reads a creator's account from TikTok's public endpoints, and the choices behind it.
 * Only logged-out, cookie-free requests (product rule). What the studied tools show is marked
 * with its source (tiktok-upstream.md key: [YT] yt-dlp, [GDL] gallery-dl); everything else is
 * a choice made on UNVERIFIED ground and written down once, here. Story rules: story-policy.ts.
 *
 * Profile (`GET /@handle`, `webapp.user-detail`):
 * 1. The numeric `userInfo.user.id` and `secUid` come from the profile page [GDL]. The id is the
 *    account's identity: it stays when the handle changes; the handle is only the way in.
 * 2. A renamed or gone handle: TikTok answers the profile with 10221 "user banned" even for a
 *    handle that never existed (a 2026 capture), or 10202 "user not found" (TikTok-Api#403).
 *    Both become `account_not_found`; `detail.why` is 'banned' for 10221 and 'not_found' for
 *    10202 or HTTP 404. UNVERIFIED: whether 10221 ever means anything but "not here any more",
 *    so the words shown must not claim a ban. Finding the new handle of a renamed account is not
 *    possible from the old one; the caller keeps the id and asks the person.
 * 3. 10222 "private account" with user info is a profile, marked `privateAccount` ([GDL]'s
 *    videoCount "false alarm" check needs cookies, so a logged-out 10222 is taken as private).
 *    Without user info it is `private_account`.
 * 4. The WAF challenge page is solved once per call (as for post pages, fetch-item-page.ts);
 *    a second challenge is `challenge` (the plan's "blocked": TikSavr's code for it is
 *    `challenge`, retryable). Every challenge page seen is reported as pushback.
 *
 * Story list (`/api/story/item_list/?authorId&count&cursor&loadBackward=false`, [GDL]):
 * 5. Pages follow `MaxCursor` (a forward time cursor per GDL PR#8991) while `HasMoreAfter` is
 *    true. UNVERIFIED: GDL's current code advances its cursor by the number of items instead;
 *    TikSavr sends back `MaxCursor` and stops paging when an answer has none.
 * 6. Page size 30 (the resolver's story check uses 30 too; GDL sends 5; 10201 is TikTok's
 *    answer to `count > 50`). At most STORY_LIST_MAX_PAGES pages.
 * 7. Duplicate pages (the same ids again, yt-dlp#14031, GDL): a new `device_id` and one more try
 *    of the same cursor; if that repeats too, paging stops with what was read.
 * 8. UNVERIFIED: how the list answers for a private or banned account. TikSavr reads a list-level
 *    `statusCode` 10222 as `private_account`, 10221/10202 as `account_not_found`, 10204 as a
 *    block (pushback `item_hidden`, `upstream_error`), and no `itemList` as "no stories".
 * 9. UNVERIFIED: whether the list works logged out at all (gallery-dl#8924 reporters used
 *    cookies). TikSavr never logs in; an empty list is not an error.
 *
 * Post list (`/api/creator/item_list/?secUid&type=1&count=15&cursor=<ms>`, [YT] [GDL] "legacy"):
 * 10. The cursor starts at now (epoch ms) and goes back: the next cursor is the last (oldest)
 *     item's `createTime * 1000`; `hasMorePrevious` says whether older posts exist. An empty
 *     page with `hasMorePrevious` steps the cursor back 7 days, as both tools do. Paging stops
 *     at the first non-pinned post older than `since`, at `maxPages`, or before 2016-09 (GDL's
 *     floor). GDL notes that `type` does not order the list; TikSavr sorts the result itself.
 * 11. Pinned posts (`isPinnedItem`) can head the first page whatever their age: they never stop
 *     paging and never set the cursor. UNVERIFIED for creator/item_list (seen on post/item_list).
 * 12. No request signature (`X-Bogus`, `msToken`) is computed; the tools call both lists without
 *     one. If TikTok starts to require it, the lists answer empty or unreadable and the caller
 *     sees `upstream_error` for an unreadable answer (one retry first, as GDL does) or "nothing
 *     new" for an empty one.
 * 13. Every call uses a fresh cookie jar, like a resolve; the lists are not sent the profile
 *     page's cookies (UNVERIFIED whether TikTok wants `ttwid` from it).
 */

/** Story list: items asked for per page, and the most pages read in one call. */
export const STORY_LIST_PAGE_COUNT = 30;
export const STORY_LIST_MAX_PAGES = 10;

/** Post list: TikTok's page size for creator/item_list, and the default and hard page limits. */
export const POST_LIST_PAGE_COUNT = 15;
export const POST_LIST_DEFAULT_PAGES = 5;
export const POST_LIST_MAX_PAGES = 50;
/** An empty page with more to come: step back a week (YT, GDL). */
export const POST_LIST_EMPTY_PAGE_STEP_MS = 7 * 24 * 60 * 60 * 1000;
/** 2016-09-01: nothing on TikTok is older; a cursor below it ends paging (GDL's floor). */
export const POST_LIST_FLOOR_MS = 1_472_706_000_000;

/** Largest JSON answer accepted from a list API (15 full itemStructs are ~0.5 MB). */
export const WEB_API_MAX_BYTES = 8 * 1024 * 1024;
