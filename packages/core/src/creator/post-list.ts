import { asArray, asBoolean, asRecord } from '../page/lenient-json.ts';
import { type ItemListEntry, readItemListEntry } from './item-list-entry.ts';

/**
 * The answer of `GET /api/creator/item_list/?secUid&type=1&count&cursor=<ms>` (yt-dlp and
 * gallery-dl): `{ itemList: [itemStruct…], hasMorePrevious }`, newest first. A missing
 * `itemList` is an empty page.
 */
export type PostList = {
  readonly items: readonly ItemListEntry[];
  /** Older posts exist before this page. */
  readonly hasMorePrevious: boolean;
};

/** Reads a post list answer; anything that is not one reads as an empty last page. */
export function parsePostList(json: unknown): PostList {
  const body = asRecord(json);
  const items: ItemListEntry[] = [];
  for (const value of asArray(body?.itemList)) {
    const entry = readItemListEntry(value);
    if (entry !== null && !items.some((known) => known.id === entry.id)) items.push(entry);
  }
  return { items, hasMorePrevious: asBoolean(body?.hasMorePrevious) === true };
}
