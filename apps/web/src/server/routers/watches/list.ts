import { protectedProcedure } from '../../trpc.ts';
import { listWatches } from './list.handler.ts';

/** Every creator the user watches, with the last and next check and the last problem. */
export const list = protectedProcedure.query(({ ctx }) => listWatches(ctx));
