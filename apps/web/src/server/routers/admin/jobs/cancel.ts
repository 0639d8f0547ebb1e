import { cancelJobIds } from '../../../admin/cancel-jobs.ts';
import { runJobAction } from '../../../admin/job-action.ts';
import { ACTIVE_STATES } from '../../../downloads/download-states.ts';
import { adminProcedure } from '../../../trpc.ts';
import { JobTargetSchema } from './jobs.schema.ts';

/** Cancels queued or running Downloads: by ids, or everything matching a filter. */
export const jobsCancel = adminProcedure
  .input(JobTargetSchema)
  .mutation(({ ctx, input }) =>
    runJobAction(ctx, input, { states: ACTIVE_STATES, apply: (ids) => cancelJobIds(ctx, ids, new Date()) }),
  );
