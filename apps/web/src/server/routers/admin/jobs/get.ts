import { loadJobDetail } from '../../../admin/job-detail.ts';
import { toWire } from '../../../admin/wire-dates.ts';
import { adminProcedure } from '../../../trpc.ts';
import { JobIdSchema } from './jobs.schema.ts';

/** One Download with its pg-boss job, payload, errors and timeline. */
export const jobsGet = adminProcedure
  .input(JobIdSchema)
  .query(async ({ ctx, input }) => toWire(await loadJobDetail(ctx.db, input.id)));
