import { protectedProcedure } from '../../trpc.ts';
import { pauseWatch, resumeWatch } from './change-watch.handler.ts';
import { WatchIdSchema } from './watches.schema.ts';

/** No checks for this watch until it is resumed. */
export const pause = protectedProcedure
  .input(WatchIdSchema)
  .mutation(({ ctx, input }) => pauseWatch(ctx, input));

/** Checks on the usual schedule again. */
export const resume = protectedProcedure
  .input(WatchIdSchema)
  .mutation(({ ctx, input }) => resumeWatch(ctx, input));
