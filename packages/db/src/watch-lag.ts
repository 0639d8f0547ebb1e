import type { PrismaClient } from './generated/prisma/client.ts';

export type WatchLag = {
  /** Watched creators whose check is overdue by more than the grace period and has not started. */
  readonly overdueCreators: number;
  /** How long the oldest of them has been due, in whole seconds; 0 when nothing is overdue. */
  readonly behindBySeconds: number;
  /** When that oldest overdue check fell due; null when nothing is overdue. */
  readonly oldestDueAt: Date | null;
};

export type WatchLagOptions = {
  readonly now?: Date;
  /**
   * A check starting this long after its due time still counts as on time (default 60 s: the
   * scheduler's tick runs every minute and checks start within a minute of their due time).
   */
  readonly graceSeconds?: number;
  /** A check claimed this recently is running, so it is not waiting (default 120 s). */
  readonly runningForSeconds?: number;
};

/**
 * Whether the watch checks are falling behind (issue #12: admin "falling behind by N min", never
 * silently): the watched creators (at least one watch not paused) whose due time passed more than
 * the grace period ago and whose check has not started. Reads the `Creator(nextCheckAt)` index
 * and only the overdue rows. For the admin page (web) and the benchmarks.
 */
export async function watchLag(db: PrismaClient, options: WatchLagOptions = {}): Promise<WatchLag> {
  const now = options.now ?? new Date();
  const dueBefore = new Date(now.getTime() - (options.graceSeconds ?? 60) * 1000);
  const runningSince = new Date(now.getTime() - (options.runningForSeconds ?? 120) * 1000);
  const rows = await db.$queryRaw<{ overdue: number; oldest: Date | null }[]>`
    SELECT count(*)::int AS overdue, min(c."nextCheckAt") AS oldest
    FROM "Creator" c
    WHERE c."nextCheckAt" < ${dueBefore}
      AND (c."checkingSince" IS NULL OR c."checkingSince" < ${runningSince})
      AND EXISTS (
        SELECT 1 FROM "Watch" w
        WHERE w."creatorId" = c.id AND w."pausedAt" IS NULL AND (w.stories OR w.posts)
      )`;
  const row = rows[0];
  const oldest = row?.oldest ?? null;
  return {
    overdueCreators: row?.overdue ?? 0,
    behindBySeconds: oldest === null ? 0 : Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)),
    oldestDueAt: oldest,
  };
}
