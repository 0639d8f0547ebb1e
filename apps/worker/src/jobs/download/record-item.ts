import { priorityFor, type ResolvedPost } from '@tiksavr/core';
import type { Prisma } from '@tiksavr/db';
import { type DownloadDeps, type DownloadTicket, inTransaction } from './download-deps.ts';

/** What history search matches: lower-cased caption, author and links. */
export function searchTextOf(parts: readonly (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' ')
    .toLowerCase();
}

/**
 * Records what the resolver learned: the Item (shared by every user's Download of it) and the
 * Download's own copy of kind, author, caption, story deadline, priority and search text.
 */
export async function recordItem(
  deps: Pick<DownloadDeps, 'db' | 'now'>,
  ticket: DownloadTicket,
  inputUrl: string,
  resolved: ResolvedPost,
): Promise<void> {
  const { item } = resolved;
  const kind = resolved.isStory ? 'story' : item.kind;
  const fields = {
    kind,
    authorId: item.author.id || null,
    author: item.author.uniqueId,
    authorName: item.author.nickname || null,
    caption: item.caption,
    createdAt: item.createTime > 0 ? new Date(item.createTime * 1000) : null,
    duration: Math.round(item.duration) || null,
    width: item.width || null,
    height: item.height || null,
    musicTitle: item.music?.title ?? null,
    metadata: { stats: item.stats, flags: item.flags } as Prisma.InputJsonValue,
  } as const;
  const storyDeadline = resolved.storyDeadline ?? null;
  await inTransaction(deps.db, async (tx) => {
    await tx.item.upsert({ where: { id: item.id }, create: { id: item.id, ...fields }, update: fields });
    await tx.download.updateMany({
      where: { id: ticket.downloadId, jobId: ticket.jobId },
      data: {
        itemId: item.id,
        kind,
        author: item.author.uniqueId,
        caption: item.caption,
        canonicalUrl: resolved.canonicalUrl,
        storyDeadline,
        priority: priorityFor(storyDeadline, deps.now()),
        searchText: searchTextOf([
          item.caption,
          item.author.uniqueId,
          item.author.nickname,
          inputUrl,
          resolved.canonicalUrl,
        ]),
      },
    });
  });
}
