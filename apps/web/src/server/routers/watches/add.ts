import { protectedProcedure } from '../../trpc.ts';
import { addWatch } from './add.handler.ts';
import { AddWatchSchema } from './watches.schema.ts';

/** Watches a creator from a profile link, `@name` or `name`; the first check runs at once. */
export const add = protectedProcedure
  .input(AddWatchSchema)
  .mutation(({ ctx, input }) => addWatch(ctx, input));
