import type { Db } from '@tiksavr/db';
import { estimateStarts, type StartEstimate } from './start-estimate.ts';
import { listWorkers, liveCapacity } from './worker-list.ts';

/** Used when nothing finished in the last hour to take a median from. */
export const DEFAULT_RUN_SECONDS = 30;

export type AtRiskStory = StartEstimate & {
  id: string;
  userEmail: string;
  canonicalUrl: string;
  deadline: Date;
  /** Milliseconds until the deadline (negative once it has passed). */
  timeLeftMs: number;
  attempts: number;
  /** Waiting out a retry back-off after a failed attempt. */
  retrying: boolean;
  failureCode: string | null;
  failureMessage: string | null;
  notBefore: Date | null;
  createdAt: Date;
};

export type AtRiskStories = {
  stories: AtRiskStory[];
  /**
   * Waiting short links not identified yet (kind and deadline unknown): each may be a story whose
   * 24 hours already run, so they are counted apart instead of being left out.
   */
  unidentified: { count: number; oldestQueuedAt: Date | null };
  model: { slots: number; busy: number; liveWorkers: number; typicalRunSeconds: number };
  /** More queued stories exist than `limit`. */
  truncated: boolean;
};

type Row = {
  id: string;
  email: string;
  canonicalUrl: string;
  storyDeadline: Date;
  attempts: number;
  failureCode: string | null;
  failureMessage: string | null;
  createdAt: Date;
  priority: number | null;
  jobCreatedOn: Date | null;
  startAfter: Date | null;
};

/**
 * Queued stories (first tries and retries) with the least time left first, each with an estimated
 * start from the model in start-estimate.ts. Reads the queued rows through the (state, createdAt)
 * index (the queue is short compared with the history) and each row's pg-boss job by id.
 */
export async function listAtRiskStories(db: Db, now: Date, limit: number): Promise<AtRiskStories> {
  const [rows, workers, typicalRunSeconds, unidentified] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT d.id::text AS id, u.email, d."canonicalUrl", d."storyDeadline", d.attempts, d."failureCode",
        d."failureMessage", d."createdAt", j.priority, j.created_on AS "jobCreatedOn", j.start_after AS "startAfter"
      FROM "Download" d
      JOIN "user" u ON u.id = d."userId"
      LEFT JOIN pgboss.job j ON j.name = 'media.download' AND j.id = d."jobId" AND j.state IN ('created', 'retry')
      WHERE d.state = 'queued' AND d."storyDeadline" IS NOT NULL
      ORDER BY d."storyDeadline" ASC, d.id ASC
      LIMIT ${limit + 1}`,
    listWorkers(db, now),
    medianRunSeconds(db, now),
    countUnidentified(db),
  ]);
  const page = rows.slice(0, limit);
  const capacity = liveCapacity(workers);
  const estimates = estimateStarts(
    page.map((row) => ({
      priority: row.priority ?? 0,
      queuedAt: row.jobCreatedOn ?? row.createdAt,
      notBefore: backOffEnd(row, now),
      deadline: row.storyDeadline,
    })),
    { now, slots: capacity.slots, busy: capacity.busy, typicalRunSeconds },
  );
  return {
    stories: page.map((row, index) => {
      const notBefore = backOffEnd(row, now);
      return {
        ...(estimates[index] as StartEstimate),
        id: row.id,
        userEmail: row.email,
        canonicalUrl: row.canonicalUrl,
        deadline: row.storyDeadline,
        timeLeftMs: row.storyDeadline.getTime() - now.getTime(),
        attempts: row.attempts,
        retrying: row.attempts > 0,
        failureCode: row.failureCode,
        failureMessage: row.failureMessage,
        notBefore,
        createdAt: row.createdAt,
      };
    }),
    unidentified,
    model: { slots: capacity.slots, busy: capacity.busy, liveWorkers: capacity.live, typicalRunSeconds },
    truncated: rows.length > limit,
  };
}

/**
 * Waiting downloads whose kind is still unknown: only a short link is submitted without one, and it
 * keeps it until the worker's identify step (or its download) learns what the link is. Read
 * through the (state, createdAt) index, like the queue itself.
 */
async function countUnidentified(db: Db): Promise<AtRiskStories['unidentified']> {
  const [row] = await db.$queryRaw<{ count: number; oldest: Date | null }[]>`
    SELECT count(*)::int AS count, min("createdAt") AS oldest
    FROM "Download"
    WHERE state IN ('queued', 'resolving') AND kind IS NULL AND "storyDeadline" IS NULL`;
  return { count: row?.count ?? 0, oldestQueuedAt: row?.oldest ?? null };
}

/**
 * When a job was sent with a delay (a retry's back-off) that has not passed yet, its end. A job
 * sent without one has start_after = its creation time, which is not a back-off.
 */
function backOffEnd(row: Row, now: Date): Date | null {
  if (!row.startAfter || !row.jobCreatedOn) return null;
  const deliberate = row.startAfter.getTime() - row.jobCreatedOn.getTime() > 1000;
  return deliberate && row.startAfter.getTime() > now.getTime() ? row.startAfter : null;
}

async function medianRunSeconds(db: Db, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 60 * 60 * 1000);
  const [row] = await db.$queryRaw<{ p50: number | null }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "startedAt"))::float8 AS p50
    FROM "Download"
    WHERE state = 'done' AND "finishedAt" >= ${since} AND "startedAt" IS NOT NULL`;
  const p50 = row?.p50;
  return p50 != null && p50 > 0 ? p50 : DEFAULT_RUN_SECONDS;
}
