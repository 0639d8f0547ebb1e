import { parseJobPayload } from '@tiksavr/core';
import type { JobInsert } from '@tiksavr/db';
import { CLAIM_STALE_SECONDS } from './claim-creator.ts';
import type { WatchDeps } from './watch-deps.ts';

/** pg-boss cron: the tick runs every minute (the finest step cron has). */
export const WATCH_TICK_CRON = '* * * * *';
/** A tick enqueues the checks due before the next tick, plus a margin for a late tick. */
export const TICK_LOOKAHEAD_SECONDS = 90;
/** At most this many checks per tick; a longer backlog is taken in due order by the next ticks. */
const TICK_LIMIT = 5000;

export type TickResult = {
  /** Watched creators due within the lookahead and not being checked. */
  readonly due: number;
  /** New `creator.check` jobs (the others already had one waiting). */
  readonly enqueued: number;
};

type DueCreator = { id: string; nextCheckAt: Date };

/**
 * One scheduler tick (sent by pg-boss's cron every minute, or called directly by tests): every
 * watched creator (at least one watch not paused, wanting stories or posts) due within the
 * lookahead gets a `creator.check` job that starts at its due time. The queue is `stately` with
 * singletonKey = creatorId, so a creator that already has a job waiting gets no second one, however
 * many ticks or workers run. Nothing here waits in a process timer: a job outlives its worker.
 */
export async function runWatchTick(
  deps: Pick<WatchDeps, 'db' | 'boss' | 'now'>,
  options: { readonly lookaheadSeconds?: number; readonly limit?: number } = {},
): Promise<TickResult> {
  const now = deps.now();
  const horizon = new Date(now.getTime() + (options.lookaheadSeconds ?? TICK_LOOKAHEAD_SECONDS) * 1000);
  const staleBefore = new Date(now.getTime() - CLAIM_STALE_SECONDS * 1000);
  const due = await deps.db.$queryRaw<DueCreator[]>`
    SELECT c.id, c."nextCheckAt" FROM "Creator" c
    WHERE c."nextCheckAt" <= ${horizon}
      AND (c."checkingSince" IS NULL OR c."checkingSince" < ${staleBefore})
      AND EXISTS (
        SELECT 1 FROM "Watch" w
        WHERE w."creatorId" = c.id AND w."pausedAt" IS NULL AND (w.stories OR w.posts)
      )
    ORDER BY c."nextCheckAt"
    LIMIT ${options.limit ?? TICK_LIMIT}`;
  const enqueued = await enqueueChecks(deps, due, now);
  return { due: due.length, enqueued };
}

/**
 * Sends one scheduled `creator.check` per creator, starting at its due time (now if overdue).
 * Returns how many were new; a creator that already has a waiting job is skipped by the queue.
 */
export async function enqueueChecks(
  deps: Pick<WatchDeps, 'boss'>,
  creators: readonly DueCreator[],
  now: Date,
): Promise<number> {
  if (creators.length === 0) return 0;
  // Retry, expiry and heartbeat come from the queue's own options (pg-boss fills them in).
  const jobs: JobInsert[] = creators.map((creator) => ({
    data: parseJobPayload('creator.check', { creatorId: creator.id, reason: 'scheduled' }),
    singletonKey: creator.id,
    // In seconds from now, so pg-boss counts it on the database's clock: a worker whose clock
    // differs (or a test's moved clock) cannot push a check hours away.
    ...(creator.nextCheckAt > now
      ? { startAfter: (creator.nextCheckAt.getTime() - now.getTime()) / 1000 }
      : {}),
  }));
  const ids = await deps.boss.insert('creator.check', jobs, { returnId: true });
  return ids?.length ?? 0;
}
