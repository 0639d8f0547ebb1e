import { type ItemListEntry, readItemListEntry } from '../creator/item-list-entry.ts';
import { asArray, asBoolean, asNumber, asRecord, asString } from '../page/lenient-json.ts';

/**
 * The answer of `GET /api/story/item_list/?authorId=…&count=…&cursor=…&loadBackward=false`
 * (tiktok-upstream.md §6, from gallery-dl): `{ itemList: [itemStruct…], HasMoreAfter, MaxCursor }`
 * with capitalised keys (`hasMore` is absent). A missing `itemList` means "no stories".
 */
export type StoryList = {
  readonly itemIds: readonly string[];
  /** The same entries, read for listing (creation time, kind); one per id, in list order. */
  readonly items: readonly ItemListEntry[];
  readonly hasMoreAfter: boolean;
  /** A forward time cursor, kept as TikTok sent it. */
  readonly maxCursor: string | null;
};

/** Reads a story list answer; anything that is not one reads as an empty list. */
export function parseStoryList(json: unknown): StoryList {
  const body = asRecord(json);
  const items: ItemListEntry[] = [];
  for (const value of asArray(body?.itemList)) {
    const entry = readItemListEntry(value);
    if (entry !== null && !items.some((known) => known.id === entry.id)) items.push(entry);
  }
  const cursor = asString(body?.MaxCursor) ?? asNumber(body?.MaxCursor)?.toString() ?? null;
  return {
    itemIds: items.map((entry) => entry.id),
    items,
    hasMoreAfter: asBoolean(body?.HasMoreAfter) === true,
    maxCursor: cursor,
  };
}

/** The story rule: an item is a story when its id is in its author's story list. */
export function isListedStory(list: StoryList, itemId: string): boolean {
  return list.itemIds.includes(itemId);
}
