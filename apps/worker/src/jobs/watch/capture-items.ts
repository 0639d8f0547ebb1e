import { randomUUID } from 'node:crypto';
import { JOBS, priorityFor } from '@tiksavr/core';
import { insertDownloadsWithJobs, type NewDownloadWithJob } from '@tiksavr/db';
import { inTransaction } from '../download/download-deps.ts';
import { searchTextOf } from '../download/record-item.ts';
import type { WatchDeps } from './watch-deps.ts';

/** Something a check found that a watch wants: a live story or a new post. */
export type FoundItem = {
  readonly id: string;
  readonly kind: 'video' | 'photo';
  readonly story: boolean;
  /** A story's end (created + 24 h); null for a post. */
  readonly deadline: Date | null;
};

/** Which watch gets which items (each watch's own rules already applied). */
export type WatchWants = {
  readonly watchId: string;
  readonly userId: string;
  readonly items: readonly FoundItem[];
};

type Pair = { watchId: string; itemId: string };

/** The link a found item is saved from (tiktok-upstream.md: a listed item's canonical URL). */
export function canonicalItemUrl(handle: string, item: Pick<FoundItem, 'id' | 'kind'>): string {
  return `https://www.tiktok.com/@${handle}/${item.kind === 'photo' ? 'photo' : 'video'}/${item.id}`;
}

/**
 * Turns what a check found into downloads in each watcher's history: a WatchCapture per (watch,
 * item) (inserted ON CONFLICT DO NOTHING, so no watcher gets an item twice, even after deleting
 * the download) and, for each new one, a Download (origin `watch`) and its `media.download` job,
 * all in one transaction. Stories get the deadline-first priority. The media is fetched once
 * however many watchers: storage is content-addressed and the download step locks per item.
 * Returns how many downloads were created.
 */
export async function captureItems(
  deps: Pick<WatchDeps, 'db' | 'boss' | 'now'>,
  handle: string,
  wants: readonly WatchWants[],
): Promise<number> {
  const candidates = wants.flatMap((want) => want.items.map((item) => ({ want, item })));
  if (candidates.length === 0) return 0;
  const watchIds = candidates.map(({ want }) => want.watchId);
  const itemIds = candidates.map(({ item }) => item.id);
  // Most checks find nothing new: one read answers that without opening a transaction.
  const known = await deps.db.$queryRaw<Pair[]>`
    SELECT c."watchId", c."itemId" FROM "WatchCapture" c
    JOIN unnest(${watchIds}::uuid[], ${itemIds}::text[]) AS p(w, i) ON c."watchId" = p.w AND c."itemId" = p.i`;
  const isKnown = new Set(known.map((pair) => `${pair.watchId}/${pair.itemId}`));
  const fresh = candidates.filter(({ want, item }) => !isKnown.has(`${want.watchId}/${item.id}`));
  if (fresh.length === 0) return 0;

  return inTransaction(deps.db, async (tx) => {
    const inserted = await tx.$queryRaw<Pair[]>`
      INSERT INTO "WatchCapture" ("watchId", "itemId")
      SELECT * FROM unnest(${fresh.map(({ want }) => want.watchId)}::uuid[], ${fresh.map(({ item }) => item.id)}::text[])
      ON CONFLICT DO NOTHING
      RETURNING "watchId", "itemId"`;
    const isNew = new Set(inserted.map((pair) => `${pair.watchId}/${pair.itemId}`));
    const now = deps.now();
    const entries: (NewDownloadWithJob & { pair: Pair })[] = fresh
      .filter(({ want, item }) => isNew.has(`${want.watchId}/${item.id}`))
      .map(({ want, item }) => {
        const url = canonicalItemUrl(handle, item);
        return {
          queue: 'media.download',
          pair: { watchId: want.watchId, itemId: item.id },
          download: {
            id: randomUUID(),
            userId: want.userId,
            inputUrl: url,
            canonicalUrl: url,
            kind: item.story ? 'story' : item.kind,
            author: handle,
            searchText: searchTextOf([handle, url]),
            storyDeadline: item.deadline,
            priority: priorityFor(item.deadline, now),
            origin: 'watch',
            watchId: want.watchId,
          },
        };
      });
    if (entries.length === 0) return 0;
    await insertDownloadsWithJobs(tx, deps.boss, entries, JOBS);
    await tx.$executeRaw`
      UPDATE "WatchCapture" c SET "downloadId" = p.d
      FROM unnest(${entries.map((e) => e.pair.watchId)}::uuid[], ${entries.map((e) => e.pair.itemId)}::text[],
                  ${entries.map((e) => e.download.id)}::uuid[]) AS p(w, i, d)
      WHERE c."watchId" = p.w AND c."itemId" = p.i`;
    return entries.length;
  });
}
