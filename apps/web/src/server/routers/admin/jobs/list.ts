import { listJobs } from '../../../admin/job-list.ts';
import { toWire } from '../../../admin/wire-dates.ts';
import { adminProcedure } from '../../../trpc.ts';
import { JobListInputSchema } from './jobs.schema.ts';

/** Every user's Downloads, filtered and searched, newest first, a keyset page at a time. */
export const jobsList = adminProcedure
  .input(JobListInputSchema)
  .query(async ({ ctx, input }) => toWire(await listJobs(ctx.db, input)));
