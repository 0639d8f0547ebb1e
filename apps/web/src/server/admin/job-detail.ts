import { AppError } from '@tiksavr/core';
import type { Db } from '@tiksavr/db';
import { findJobById, type JobRow } from './job-query.ts';

export type BossJobView = {
  id: string;
  state: string;
  priority: number;
  retryCount: number;
  retryLimit: number;
  startAfter: Date;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  heartbeatOn: Date | null;
  data: unknown;
  output: unknown;
};

export type JobDetail = {
  download: JobRow & {
    bytesDone: string;
    bytesTotal: string | null;
    updatedAt: Date;
    author: string | null;
    caption: string | null;
  };
  /** The Download's current pg-boss job, while pg-boss still keeps it (empty otherwise). */
  bossJobs: BossJobView[];
  timeline: { at: Date; event: string }[];
};

const NO_JOB = '00000000-0000-0000-0000-000000000000';

/**
 * One Download with everything an admin needs to understand it: the row, its pg-boss jobs
 * (payload, pg-boss retries, output of the last attempt) and a timeline built from both.
 */
export async function loadJobDetail(db: Db, id: string): Promise<JobDetail> {
  const row = await findJobById(db, id);
  if (!row) throw new AppError('download_not_found', `download ${id} not found`);
  const extra = await db.download.findUniqueOrThrow({
    where: { id },
    select: { bytesDone: true, bytesTotal: true, updatedAt: true, author: true, caption: true },
  });
  const bossJobs = await db.$queryRaw<BossJobView[]>`
    SELECT id::text AS id, state::text AS state, priority, retry_count AS "retryCount", retry_limit AS "retryLimit",
      start_after AS "startAfter", created_on AS "createdOn", started_on AS "startedOn",
      completed_on AS "completedOn", heartbeat_on AS "heartbeatOn", data, output
    FROM pgboss.job
    WHERE name = 'media.download' AND id = ${row.jobId ?? NO_JOB}::uuid`;
  const timeline: { at: Date; event: string }[] = [{ at: row.createdAt, event: 'Submitted' }];
  for (const job of [...bossJobs].reverse()) {
    timeline.push({
      at: job.createdOn,
      event: `Job ${job.id.slice(0, 8)} queued (priority ${job.priority})`,
    });
    if (job.startAfter.getTime() > job.createdOn.getTime() + 1000) {
      timeline.push({ at: job.startAfter, event: `Job ${job.id.slice(0, 8)} may start (back-off)` });
    }
    if (job.startedOn)
      timeline.push({ at: job.startedOn, event: `Job ${job.id.slice(0, 8)} picked up by a worker` });
    if (job.completedOn)
      timeline.push({ at: job.completedOn, event: `Job ${job.id.slice(0, 8)} ${job.state}` });
  }
  if (row.startedAt) timeline.push({ at: row.startedAt, event: `Attempt ${row.attempts} started` });
  if (row.finishedAt) timeline.push({ at: row.finishedAt, event: `Finished: ${row.state}` });
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    download: {
      ...row,
      bytesDone: extra.bytesDone.toString(),
      bytesTotal: extra.bytesTotal === null ? null : extra.bytesTotal.toString(),
      updatedAt: extra.updatedAt,
      author: extra.author,
      caption: extra.caption,
    },
    bossJobs,
    timeline,
  };
}
