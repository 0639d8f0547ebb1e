import { protectedProcedure } from '../../trpc.ts';
import { setPinned as setDownloadPinned } from '../../usage/set-pinned.ts';
import { SetPinnedSchema } from '../../usage/storage-usage.schema.ts';

/** Pins a Download (the auto-delete keeps it) or unpins it. */
export const setPinned = protectedProcedure
  .input(SetPinnedSchema)
  .mutation(({ ctx, input }) => setDownloadPinned(ctx, input));
