import { protectedProcedure } from '../../trpc.ts';
import { DownloadIdsSchema } from './downloads.schema.ts';
import { waitingStatus } from './waiting.handler.ts';

/** Queue positions of the user's waiting downloads, and whether the downloader is up at all. */
export const waiting = protectedProcedure
  .input(DownloadIdsSchema)
  .query(({ ctx, input }) => waitingStatus(ctx, input));
