/**
 * A TikTok item id is a snowflake: its upper bits (`id >> 32`) are the unix second the item was
 * minted, 1–11 s before the `createTime` TikTok reports (checked on 12 yt-dlp fixtures, see
 * tiktok-upstream.md §1). Stories' deadlines are computed from this when no `createTime` is known.
 *
 * Ids exceed 2^53, so the arithmetic runs on BigInt, never on number.
 */

/** 2016-01-01T00:00:00Z. TikTok's id scheme starts later; anything earlier is not a real item id. */
export const EARLIEST_PLAUSIBLE_ITEM_SECONDS = 1_451_606_400;

/** How far ahead of `now` an id may claim to be (clock skew between TikTok and this server). */
export const MAX_ITEM_CLOCK_SKEW_SECONDS = 24 * 60 * 60;

const ITEM_ID = /^[1-9]\d{0,20}$/;

/**
 * The creation time encoded in an item id, or null when the id is not a decimal id or encodes a
 * time before 2016 or more than a day after `now`.
 */
export function itemIdToDate(id: string, now: Date = new Date()): Date | null {
  if (!ITEM_ID.test(id)) return null;
  const seconds = Number(BigInt(id) >> 32n);
  if (seconds < EARLIEST_PLAUSIBLE_ITEM_SECONDS) return null;
  if (seconds > now.getTime() / 1000 + MAX_ITEM_CLOCK_SKEW_SECONDS) return null;
  return new Date(seconds * 1000);
}
