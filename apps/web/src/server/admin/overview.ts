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
  /** Rows in the Download table as the planner estimates them (pg_class.reltuples): no count(*). */
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

async function estimateHistory(ctx: Pick<Context, 'db'>): Promise<number> {
  const [row] = await ctx.db.$queryRaw<{ n: number }[]>`
    SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = '"Download"'::regclass`;
  return Math.round(row?.n ?? 0);
}
