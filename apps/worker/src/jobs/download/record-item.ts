import { storyDeadline as deadlineAfter, priorityFor, type ResolvedPost } from '@tiksavr/core';
import type { Prisma } from '@tiksavr/db';
import type { DownloadDeps, DownloadTicket } from './download-deps.ts';

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
 * `story` is sticky: an Item once known as a story stays one (a later resolve that did not ask
 * the story list, or asked it after the story left it, must not turn it into a video), and every
 * Download of it is a story with its deadline. Returns the deadline recorded (null: not a story).
 */
export async function recordItem(
  deps: Pick<DownloadDeps, 'db' | 'now'>,
  ticket: DownloadTicket,
  inputUrl: string,
  resolved: ResolvedPost,
): Promise<Date | null> {
  const { item } = resolved;
  const fields = {
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
  const seenKind = resolved.isStory ? 'story' : item.kind;
  // Two single statements, no transaction around them (two round trips less per job, bench
  // worker.e2e.timeline): the upsert is atomic by itself and idempotent, and the Download's update
  // is fenced on this job; an Item recorded for a download lost meanwhile is kept either way.
  const row = await deps.db.item.upsert({
    where: { id: item.id },
    create: { id: item.id, kind: seenKind, ...fields },
    // Only ever promoted to a story, never demoted from one.
    update: resolved.isStory ? { kind: 'story', ...fields } : fields,
    select: { kind: true, createdAt: true },
  });
  const kind = row.kind;
  const storyDeadline =
    kind !== 'story'
      ? null
      : (resolved.storyDeadline ?? (row.createdAt === null ? null : deadlineAfter(row.createdAt)));
  await deps.db.download.updateMany({
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
  return storyDeadline;
}
