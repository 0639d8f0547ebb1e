import { randomUUID } from 'node:crypto';
import { parseTikTokUrl, priorityFor } from '@tiksavr/core';
import { bossDbFor } from '@tiksavr/db';
import { type DownloadDeps, inTransaction } from './download-deps.ts';
import { notifyDownload } from './download-events.ts';

type LostRow = {
  id: string;
  userId: string;
  jobId: string;
  jobName: string | null;
  jobState: string | null;
  storyDeadline: Date | null;
  itemId: string | null;
  inputUrl: string;
};

/**
 * Where a Download whose job was lost goes next: a short link never resolved to its item starts
 * at `media.identify` again (so the dashboard learns what it is while it waits), anything else at
 * `media.download`.
 */
export function queueForLostDownload(row: { itemId: string | null; inputUrl: string }) {
  const link = parseTikTokUrl(row.inputUrl);
  return row.itemId === null && link.ok && link.kind === 'short_link' ? 'media.identify' : 'media.download';
}

/**
 * The safety net under "a job is never lost": finds active Downloads whose recorded job (a
 * `media.download` or a `media.identify` one) is gone,
 * settled, or running without a heartbeat for `staleJobSeconds` (its worker was killed), and
 * gives each a new job in the same transaction that points the Download at it. The old job, if
 * still marked active, is cancelled; should its worker still be alive, every write it tries is
 * fenced out by the new jobId. Runs at start and then periodically in every worker.
 */
export async function reclaimLostJobs(
  deps: Pick<DownloadDeps, 'db' | 'boss' | 'config' | 'log' | 'now'>,
  limit = 100,
): Promise<number> {
  const rows = await deps.db.$queryRaw<LostRow[]>`
    SELECT d.id, d."userId", d."jobId"::text AS "jobId", j.name AS "jobName", j.state::text AS "jobState",
           d."storyDeadline", d."itemId", d."inputUrl"
    FROM "Download" d
    LEFT JOIN pgboss.job j ON j.id = d."jobId" AND j.name IN ('media.download', 'media.identify')
    WHERE d.state IN ('queued', 'resolving', 'downloading')
      AND d."jobId" IS NOT NULL
      AND (j.id IS NULL
           OR j.state IN ('completed', 'failed', 'cancelled')
           OR (j.state = 'active'
               AND COALESCE(j.heartbeat_on, j.started_on) < now() - make_interval(secs => ${deps.config.staleJobSeconds})))
    LIMIT ${limit}`;
  let reclaimed = 0;
  for (const row of rows) {
    const nextJobId = randomUUID();
    const priority = priorityFor(row.storyDeadline, deps.now());
    const queue = queueForLostDownload(row);
    const moved = await inTransaction(deps.db, async (tx) => {
      const { count } = await tx.download.updateMany({
        where: { id: row.id, jobId: row.jobId, state: { in: ['queued', 'resolving', 'downloading'] } },
        data: { state: 'queued', jobId: nextJobId, priority },
      });
      if (count === 0) return false;
      await deps.boss.send(queue, { downloadId: row.id }, { id: nextJobId, priority, db: bossDbFor(tx) });
      await notifyDownload(tx, { downloadId: row.id, userId: row.userId, state: 'queued' });
      return true;
    });
    if (!moved) continue;
    reclaimed++;
    if (row.jobState === 'active' && row.jobName !== null) {
      await deps.boss.cancel(row.jobName, row.jobId).catch(() => {});
    }
    deps.log.warn(
      { downloadId: row.id, lostJobId: row.jobId, lostQueue: row.jobName, jobState: row.jobState, queue },
      'lost job: download requeued',
    );
  }
  return reclaimed;
}
