import { runJobAction } from '../../../admin/job-action.ts';
import { retryJobIds } from '../../../admin/retry-jobs.ts';
import { RETRYABLE_STATES } from '../../../downloads/download-states.ts';
import { adminProcedure } from '../../../trpc.ts';
import { JobTargetSchema } from './jobs.schema.ts';

/** Retries failed, expired or canceled Downloads: by ids, or everything matching a filter. */
export const jobsRetry = adminProcedure
  .input(JobTargetSchema)
  .mutation(({ ctx, input }) =>
    runJobAction(ctx, input, { states: RETRYABLE_STATES, apply: (ids) => retryJobIds(ctx, ids, new Date()) }),
  );
