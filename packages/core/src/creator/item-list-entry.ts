import { asBoolean, asIdString, asNumber, asRecord, asString, pathOf } from '../page/lenient-json.ts';

/**
 * The few fields a creator check reads from one `itemList` entry of TikTok's list APIs (story
 * list, post list): each entry is a full itemStruct, but listing only needs to know which item it
 * is, when it was made and whether it is a photo post. Everything else comes from the item's
 * page when it is downloaded (rule: never trust media URLs from a list, they are re-resolved).
 */
export type ItemListEntry = {
  readonly id: string;
  /** `createTime` in unix seconds; null when the entry has none (the id's time is the fallback). */
  readonly createTimeSeconds: number | null;
  readonly kind: 'video' | 'photo';
  /** `author.uniqueId`; '' when absent. */
  readonly authorHandle: string;
  /** `isPinnedItem`: pinned posts head the first page of a post list whatever their age. */
  readonly pinned: boolean;
};

/** Reads one entry; null when it carries no usable id (ids beyond 2^53 must arrive as strings). */
export function readItemListEntry(value: unknown): ItemListEntry | null {
  const entry = asRecord(value);
  const id = asIdString(entry?.id);
  if (entry === undefined || id === undefined) return null;
  const createTime = asNumber(entry.createTime);
  return {
    id,
    createTimeSeconds: createTime !== undefined && createTime > 0 ? Math.trunc(createTime) : null,
    // The presence of `imagePost` marks a photo post (tiktok-upstream.md §3).
    kind: asRecord(entry.imagePost) === undefined ? 'video' : 'photo',
    authorHandle: asString(pathOf(entry, 'author', 'uniqueId')) ?? '',
    pinned: asBoolean(entry.isPinnedItem) === true,
  };
}
