import { protectedProcedure } from '../../trpc.ts';
import { downloadsByIds } from './by-ids.handler.ts';
import { DownloadIdsSchema } from './downloads.schema.ts';

/** The current state of several of the user's Downloads at once. */
export const byIds = protectedProcedure
  .input(DownloadIdsSchema)
  .query(({ ctx, input }) => downloadsByIds(ctx, input));
