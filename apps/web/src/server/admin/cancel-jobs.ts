import { DOWNLOAD_EVENTS_CHANNEL } from '@tiksavr/db';
import { ACTIVE_STATES } from '../downloads/download-states.ts';
import { log } from '../logger.ts';
import type { Context } from '../trpc.ts';

/**
 * Cancels queued or running Downloads (any user's). The row's state is the truth the worker
 * checks between steps, so a running one stops soon after; waiting jobs are canceled in pg-boss
 * too (after the commit, best effort), so no worker picks them up. Rows in other states are left
 * alone; the count says how many changed.
 */
export async function cancelJobIds(ctx: Pick<Context, 'db' | 'boss'>, ids: readonly string[], now: Date) {
  if (ids.length === 0) return 0;
  const rows = await ctx.db.$transaction(async (tx) => {
    const changed = await tx.$queryRaw<{ id: string; userId: string; jobId: string | null }[]>`
      UPDATE "Download" SET state = 'canceled', "failureCode" = 'canceled', "failureMessage" = NULL,
        "finishedAt" = ${now}, "updatedAt" = ${now}
      WHERE id = ANY(${ids}::uuid[]) AND state = ANY(${[...ACTIVE_STATES]}::"DownloadState"[])
      RETURNING id::text AS id, "userId", "jobId"::text AS "jobId"`;
    const events = changed.map((row) =>
      JSON.stringify({ downloadId: row.id, userId: row.userId, state: 'canceled' }),
    );
    if (events.length > 0) {
      await tx.$executeRaw`SELECT pg_notify(${DOWNLOAD_EVENTS_CHANNEL}, e) FROM unnest(${events}::text[]) AS e`;
    }
    return changed;
  });
  const jobIds = rows.flatMap((row) => (row.jobId ? [row.jobId] : []));
  if (jobIds.length > 0) {
    const boss = await ctx.boss();
    await boss.cancel('media.download', jobIds).catch((error: unknown) => {
      log().warn(
        { err: error, count: jobIds.length },
        'could not cancel pg-boss jobs (the worker skips them anyway)',
      );
    });
  }
  return rows.length;
}
