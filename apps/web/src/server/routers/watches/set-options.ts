import { protectedProcedure } from '../../trpc.ts';
import { setWatchOptions } from './change-watch.handler.ts';
import { WatchOptionsSchema } from './watches.schema.ts';

/** Capture stories (on by default) and/or new posts (off by default). */
export const setOptions = protectedProcedure
  .input(WatchOptionsSchema)
  .mutation(({ ctx, input }) => setWatchOptions(ctx, input));
