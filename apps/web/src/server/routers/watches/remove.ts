import { protectedProcedure } from '../../trpc.ts';
import { removeWatch } from './change-watch.handler.ts';
import { WatchIdSchema } from './watches.schema.ts';

/** Stops watching the creator; what was saved stays in the history. */
export const remove = protectedProcedure
  .input(WatchIdSchema)
  .mutation(({ ctx, input }) => removeWatch(ctx, input));
