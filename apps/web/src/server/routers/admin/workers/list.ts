import { toWire } from '../../../admin/wire-dates.ts';
import { listWorkers, STALE_AFTER_MS } from '../../../admin/worker-list.ts';
import { adminProcedure } from '../../../trpc.ts';

/** Every worker with a heartbeat row; stale ones (no beat for 3 intervals) are flagged. */
export const workersList = adminProcedure.query(async ({ ctx }) =>
  toWire({ workers: await listWorkers(ctx.db, new Date()), staleAfterMs: STALE_AFTER_MS }),
);
