import type { Context } from '../trpc.ts';
import { type ActiveCounts, countActive } from './active-counts.ts';
import { type FinishedWindow, loadFinishedWindow } from './finished-window.ts';
import { loadQueueCounts, type QueueCounts } from './queue-counts.ts';
import { loadThroughput, type Throughput } from './throughput.ts';

/** End states, timings and the story share are taken over this window. */
export const OVERVIEW_WINDOW_MS = 24 * 60 * 60 * 1000;

export type Overview = {
  now: Date;
  states: { active: ActiveCounts; finished: FinishedWindow['counts']; since: Date };
  queues: QueueCounts[];
  throughput: Throughput;
  timings: FinishedWindow['timings'];
  stories: FinishedWindow['stories'];
  /**
   * Rows in the Download table: the planner's estimate (pg_class.reltuples) once the table is
   * large, so a refresh never counts a big history; an exact count while it is small.
   */
  historyEstimate: number;
};

/**
 * Everything the admin overview shows, read in parallel. Work in progress is counted whole; what
 * finished is read over the last 24 hours only, so no part of it grows with the history, and no
 * part counts the whole table.
 */
export async function loadOverview(ctx: Pick<Context, 'db' | 'boss'>, now: Date): Promise<Overview> {
  const since = new Date(now.getTime() - OVERVIEW_WINDOW_MS);
  const [active, finished, queues, throughput, historyEstimate] = await Promise.all([
    countActive(ctx.db),
    loadFinishedWindow(ctx.db, since),
    ctx.boss().then(loadQueueCounts),
    loadThroughput(ctx.db, now),
    estimateHistory(ctx),
  ]);
  return {
    now,
    states: { active, finished: finished.counts, since },
    queues,
    throughput,
    timings: finished.timings,
    stories: finished.stories,
    historyEstimate,
  };
}

/** Below this many rows (or before the table was first analyzed) the history is counted exactly. */
const EXACT_COUNT_BELOW = 100_000;

async function estimateHistory(ctx: Pick<Context, 'db'>): Promise<number> {
  const [row] = await ctx.db.$queryRaw<{ n: number }[]>`
    SELECT CASE WHEN c.reltuples < ${EXACT_COUNT_BELOW} THEN (SELECT count(*) FROM "Download")::float8
      ELSE c.reltuples::float8 END AS n
    FROM pg_class c WHERE c.oid = '"Download"'::regclass`;
  return Math.round(row?.n ?? 0);
}
