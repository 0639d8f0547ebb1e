import { protectedProcedure } from '../../trpc.ts';
import { checkNow as checkNowHandler } from './check-now.handler.ts';
import { WatchIdSchema } from './watches.schema.ts';

/** Checks the creator now instead of at the next scheduled time. */
export const checkNow = protectedProcedure
  .input(WatchIdSchema)
  .mutation(({ ctx, input }) => checkNowHandler(ctx, input));
