import {
  JOB_ACTION_MAX,
  JOB_BATCH_SIZE,
  type JOB_STATES,
  type JobActionResult,
  type JobTarget,
} from '../routers/admin/jobs/jobs.schema.ts';
import type { Context } from '../trpc.ts';
import { findJobs, resolveJobFilter } from './job-query.ts';

type JobState = (typeof JOB_STATES)[number];

export type JobAction = {
  /** States the action can change; a filter is narrowed to them before rows are read. */
  states: readonly JobState[];
  /** Acts on up to one batch of ids; returns how many rows changed. */
  apply: (ids: readonly string[]) => Promise<number>;
};

/**
 * Runs a bulk action on explicit ids, or on everything matching a filter in batches of
 * JOB_BATCH_SIZE (one transaction each), up to JOB_ACTION_MAX rows per call. `more` says rows may
 * remain: the caller calls again. Batches walk the keyset from newest to oldest, so rows the action
 * moves out of the filter are not read twice.
 */
export async function runJobAction(
  ctx: Pick<Context, 'db'>,
  target: JobTarget,
  action: JobAction,
): Promise<JobActionResult> {
  if ('ids' in target) {
    const changed = await action.apply(target.ids);
    return { matched: target.ids.length, changed, more: false };
  }
  const filter = await resolveJobFilter(ctx.db, target.filter, action.states);
  let matched = 0;
  let changed = 0;
  let after: { createdAt: Date; id: string } | null = null;
  while (matched < JOB_ACTION_MAX) {
    const wanted = Math.min(JOB_BATCH_SIZE, JOB_ACTION_MAX - matched);
    const batch = await findJobs(ctx.db, filter, after, wanted);
    matched += batch.length;
    if (batch.length > 0) changed += await action.apply(batch.map((row) => row.id));
    if (batch.length < wanted) return { matched, changed, more: false };
    const last = batch.at(-1);
    if (!last) break;
    after = { createdAt: last.createdAt, id: last.id };
  }
  return { matched, changed, more: true };
}
