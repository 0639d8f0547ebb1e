import { loadWatchBehind } from '../../../admin/watch-behind.ts';
import { toWire } from '../../../admin/wire-dates.ts';
import { adminProcedure } from '../../../trpc.ts';

/** Whether watch checks fall behind their schedule (the overview's banner). */
export const upstreamBehind = adminProcedure.query(async ({ ctx }) =>
  toWire(await loadWatchBehind(ctx.db, new Date())),
);
