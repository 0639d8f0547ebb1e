import { deleteJobIds } from '../../../admin/delete-jobs.ts';
import { runJobAction } from '../../../admin/job-action.ts';
import { DOWNLOAD_STATES } from '../../../downloads/download-states.ts';
import { adminProcedure } from '../../../trpc.ts';
import { JobTargetSchema } from './jobs.schema.ts';

/** Deletes Downloads (and files no other Download uses): by ids, or everything matching a filter. */
export const jobsDelete = adminProcedure
  .input(JobTargetSchema)
  .mutation(({ ctx, input }) =>
    runJobAction(ctx, input, { states: DOWNLOAD_STATES, apply: (ids) => deleteJobIds(ctx, ids) }),
  );
