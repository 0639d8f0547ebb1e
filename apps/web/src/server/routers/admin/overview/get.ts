import { loadOverview } from '../../../admin/overview.ts';
import { toWire } from '../../../admin/wire-dates.ts';
import { adminProcedure } from '../../../trpc.ts';

/** Jobs per state and queue, throughput, wait/run percentiles and the story deadline share. */
export const overviewGet = adminProcedure.query(async ({ ctx }) =>
  toWire(await loadOverview(ctx, new Date())),
);
