import type { Db } from '@tiksavr/db';
import { inTransaction } from '../download/download-deps.ts';

/**
 * Two Creator rows turned out to be one TikTok account (watched once as @old and once as @new,
 * found when a profile read gave an id another row already has): the watches of `fromId` move to
 * `intoId`, and `fromId` is removed. A person who watched both keeps the watch of `intoId`, with
 * the items the other one already captured, so nothing is captured twice. `intoId` is checked
 * next.
 */
export async function mergeCreatorInto(db: Db, fromId: string, intoId: string, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "WatchCapture" ("watchId", "itemId", "downloadId", "createdAt")
      SELECT kept.id, c."itemId", c."downloadId", c."createdAt"
      FROM "WatchCapture" c
      JOIN "Watch" dup ON dup.id = c."watchId" AND dup."creatorId" = ${fromId}::uuid
      JOIN "Watch" kept ON kept."creatorId" = ${intoId}::uuid AND kept."userId" = dup."userId"
      ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`
      UPDATE "Watch" w SET "creatorId" = ${intoId}::uuid, "updatedAt" = now()
      WHERE w."creatorId" = ${fromId}::uuid
        AND NOT EXISTS (SELECT 1 FROM "Watch" o WHERE o."creatorId" = ${intoId}::uuid AND o."userId" = w."userId")`;
    // The watches left are duplicates of kept ones; they go with the row (their downloads stay).
    await tx.creator.delete({ where: { id: fromId } });
    await tx.creator.updateMany({
      where: { id: intoId, nextCheckAt: { gt: now } },
      data: { nextCheckAt: now },
    });
  });
}
