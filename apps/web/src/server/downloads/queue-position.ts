import type { Db } from '@tiksavr/db';

export type QueuePosition = {
  downloadId: string;
  /** Waiting downloads (anyone's) that the queue runs before this one. */
  ahead: number;
};

/**
 * Where each of the user's waiting downloads stands in the queue. The queue runs jobs by priority
 * (higher first: stories near their deadline), then oldest first; `Download.priority` mirrors its
 * job's priority (set on submit and on every requeue), so counting the waiting rows that sort
 * before a row gives its position without reading pg-boss's tables. A download waiting out a retry
 * back-off is counted as waiting: the number is a guide, not a promise.
 */
export async function queuePositions(
  db: Db,
  userId: string,
  downloadIds: readonly string[],
): Promise<QueuePosition[]> {
  if (downloadIds.length === 0) return [];
  return db.$queryRaw<QueuePosition[]>`
    SELECT d."id" AS "downloadId",
      (SELECT count(*)::int FROM "Download" o
        WHERE o."state" = 'queued' AND o."id" <> d."id"
          AND (o."priority" > d."priority"
            OR (o."priority" = d."priority" AND (o."createdAt", o."id") < (d."createdAt", d."id")))) AS "ahead"
    FROM "Download" d
    WHERE d."userId" = ${userId} AND d."id" = ANY(${[...downloadIds]}::uuid[]) AND d."state" = 'queued'`;
}
