import { asArray, asBoolean, asIdString, asNumber, asRecord, asString } from '../page/lenient-json.ts';

/**
 * The answer of `GET /api/story/item_list/?authorId=…&count=…&cursor=…&loadBackward=false`
 * (tiktok-upstream.md §6, from gallery-dl): `{ itemList: [itemStruct…], HasMoreAfter, MaxCursor }`
 * with capitalised keys (`hasMore` is absent). A missing `itemList` means "no stories".
 */
export type StoryList = {
  readonly itemIds: readonly string[];
  readonly hasMoreAfter: boolean;
  /** A forward time cursor, kept as TikTok sent it. */
  readonly maxCursor: string | null;
};

/** Reads a story list answer; anything that is not one reads as an empty list. */
export function parseStoryList(json: unknown): StoryList {
  const body = asRecord(json);
  const itemIds: string[] = [];
  for (const entry of asArray(body?.itemList)) {
    const id = asIdString(asRecord(entry)?.id);
    if (id !== undefined && !itemIds.includes(id)) itemIds.push(id);
  }
  const cursor = asString(body?.MaxCursor) ?? asNumber(body?.MaxCursor)?.toString() ?? null;
  return { itemIds, hasMoreAfter: asBoolean(body?.HasMoreAfter) === true, maxCursor: cursor };
}

/** The story rule: an item is a story when its id is in its author's story list. */
export function isListedStory(list: StoryList, itemId: string): boolean {
  return list.itemIds.includes(itemId);
}
