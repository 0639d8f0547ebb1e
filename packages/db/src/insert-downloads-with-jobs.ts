import { randomUUID } from 'node:crypto';
import type { JobInsert, PgBoss } from 'pg-boss';
import type { Prisma } from './generated/prisma/client.ts';
import { DOWNLOAD_EVENTS_CHANNEL } from './notify.ts';
import { bossDbFor } from './queue.ts';

/** A Download to create: its id, owner and pg-boss priority are chosen by the caller. */
export type NewDownload = Prisma.DownloadCreateManyInput & {
  readonly id: string;
  readonly userId: string;
  readonly priority: number;
};

export type NewDownloadWithJob = {
  readonly download: NewDownload;
  /** The queue of the Download's first job (`media.download`, or `media.identify` for a short link). */
  readonly queue: string;
};

/** Per-queue job defaults, e.g. core's `JOBS` table (`{ [name]: { queue: {...} } }`). */
export type QueueDefaults = Readonly<Record<string, { readonly queue: object }>>;

/**
 * Creates Downloads and their first jobs (payload `{ downloadId }`) inside the caller's
 * transaction: one batched row insert and one job insert per queue, whatever the number of
 * Downloads, so there is never a row without a job or a job without a row. Each owner's open tabs
 * hear about the new rows by NOTIFY, delivered on commit. Used by the web app's submit (pasted
 * links) and the worker's watch checks (items a watch found). Returns the job id per Download.
 */
export async function insertDownloadsWithJobs(
  tx: Prisma.TransactionClient,
  boss: PgBoss,
  entries: readonly NewDownloadWithJob[],
  queues: QueueDefaults,
): Promise<Map<string, string>> {
  const jobIds = new Map<string, string>();
  if (entries.length === 0) return jobIds;
  const jobsByQueue = new Map<string, JobInsert[]>();
  const rows: Prisma.DownloadCreateManyInput[] = [];
  for (const { download, queue } of entries) {
    const defaults = queues[queue];
    if (defaults === undefined) throw new Error(`no queue defaults for ${queue}`);
    const jobId = download.jobId ?? randomUUID();
    jobIds.set(download.id, jobId);
    rows.push({ ...download, jobId });
    const jobs = jobsByQueue.get(queue) ?? [];
    jobs.push({
      ...defaults.queue,
      id: jobId,
      priority: download.priority,
      data: { downloadId: download.id },
    });
    jobsByQueue.set(queue, jobs);
  }
  await tx.download.createMany({ data: rows });
  for (const [queue, jobs] of jobsByQueue) await boss.insert(queue, jobs, { db: bossDbFor(tx) });
  const events = entries.map(({ download }) =>
    JSON.stringify({ downloadId: download.id, userId: download.userId, state: download.state ?? 'queued' }),
  );
  await tx.$executeRaw`SELECT pg_notify(${DOWNLOAD_EVENTS_CHANNEL}, e) FROM unnest(${events}::text[]) AS e`;
  return jobIds;
}
