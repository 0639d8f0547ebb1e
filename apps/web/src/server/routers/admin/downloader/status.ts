import { loadStuckDownloads } from '../../../admin/downloader-health.ts';
import { toWire } from '../../../admin/wire-dates.ts';
import { adminProcedure } from '../../../trpc.ts';

/** Whether any worker is alive, and how many downloads are stuck when none is (the admin banner). */
export const downloaderStatus = adminProcedure.query(async ({ ctx }) =>
  toWire(await loadStuckDownloads(ctx.db, new Date())),
);
