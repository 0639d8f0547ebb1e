import { loadUpstreamStatus } from '../../../admin/upstream-status.ts';
import { toWire } from '../../../admin/wire-dates.ts';
import { adminProcedure } from '../../../trpc.ts';

/** The request budget toward TikTok, the watch settings, and whether watch checks keep up. */
export const upstreamGet = adminProcedure.query(async ({ ctx }) =>
  toWire(await loadUpstreamStatus(ctx.db, new Date())),
);
