import type { Context } from '../trpc.ts';
import { type JobTimings, loadJobTimings } from './job-timings.ts';
import { loadQueueCounts, type QueueCounts } from './queue-counts.ts';
import { countStates, type StateCounts } from './state-counts.ts';
import { loadStoryDeadlineShare, type StoryDeadlineShare } from './story-deadline-share.ts';
import { loadThroughput, type Throughput } from './throughput.ts';

/** End states, timings and the story share are taken over this window. */
export const OVERVIEW_WINDOW_MS = 24 * 60 * 60 * 1000;

export type Overview = {
  now: Date;
  states: StateCounts;
  queues: QueueCounts[];
  throughput: Throughput;
  timings: JobTimings;
  stories: StoryDeadlineShare;
  /** Rows in the Download table as the planner estimates them (pg_class.reltuples): no count(*). */
  historyEstimate: number;
};

/** Everything the admin overview shows, read in parallel; every part is an index range or a cache. */
export async function loadOverview(ctx: Pick<Context, 'db' | 'boss'>, now: Date): Promise<Overview> {
  const since = new Date(now.getTime() - OVERVIEW_WINDOW_MS);
  const [states, queues, throughput, timings, stories, historyEstimate] = await Promise.all([
    countStates(ctx.db, since),
    ctx.boss().then(loadQueueCounts),
    loadThroughput(ctx.db, now),
    loadJobTimings(ctx.db, since),
    loadStoryDeadlineShare(ctx.db, since),
    estimateHistory(ctx),
  ]);
  return { now, states, queues, throughput, timings, stories, historyEstimate };
}

async function estimateHistory(ctx: Pick<Context, 'db'>): Promise<number> {
  const [row] = await ctx.db.$queryRaw<{ n: number }[]>`
    SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = '"Download"'::regclass`;
  return Math.round(row?.n ?? 0);
}
