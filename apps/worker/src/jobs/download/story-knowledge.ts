import { storyDeadline, storyDeadlineFromItemId } from '@tiksavr/core';
import type { Db, Download } from '@tiksavr/db';

/**
 * What TikSavr already knows about an item being a story before asking TikTok (story-policy.ts
 * rule 1): the Download says so (identified earlier, or found in a watched creator's story list),
 * or the Item does (any user's earlier download found it listed; an Item once a story stays one).
 */
export type StoryKnowledge = {
  readonly knownStory: boolean;
  /** The item was resolved before and is not a story: a video or photo post. */
  readonly knownPost: boolean;
  /** The best deadline known: the Download's, else creation + 24 h, else the id's time + 24 h. */
  readonly deadline: Date | null;
  /** TikTok's numeric id of the author, to ask their story list again; null when unknown. */
  readonly authorId: string | null;
};

export type StoryKnowledgeSource = Pick<Download, 'kind' | 'storyDeadline' | 'author' | 'watchId'>;

export async function storyKnowledgeOf(
  db: Db,
  download: StoryKnowledgeSource,
  itemId: string | null,
  now: Date,
): Promise<StoryKnowledge> {
  const item =
    itemId === null
      ? null
      : await db.item.findUnique({
          where: { id: itemId },
          select: { kind: true, authorId: true, createdAt: true },
        });
  const knownStory = download.kind === 'story' || item?.kind === 'story';
  let deadline = download.storyDeadline;
  if (deadline === null && knownStory) {
    if (item?.createdAt != null) deadline = storyDeadline(item.createdAt);
    else if (itemId !== null) deadline = storyDeadlineFromItemId(itemId, now);
  }
  const authorId = item?.authorId ?? (await creatorIdOf(db, download));
  const knownPost = item != null && item.kind !== 'story' && !knownStory;
  return { knownStory, knownPost, deadline, authorId };
}

/** The author's id from the watched creator that found the item, or a creator of the same handle. */
async function creatorIdOf(db: Db, download: StoryKnowledgeSource): Promise<string | null> {
  if (download.watchId !== null) {
    const watch = await db.watch.findUnique({
      where: { id: download.watchId },
      select: { creator: { select: { tiktokId: true } } },
    });
    if (watch?.creator.tiktokId != null) return watch.creator.tiktokId;
  }
  if (download.author === null || download.author === '') return null;
  const creator = await db.creator.findFirst({
    where: { handleKey: download.author.toLowerCase(), tiktokId: { not: null } },
    select: { tiktokId: true },
    orderBy: { updatedAt: 'desc' },
  });
  return creator?.tiktokId ?? null;
}
