import { protectedProcedure } from '../../trpc.ts';
import { deleteDownload } from './delete.handler.ts';
import { DownloadIdSchema } from './downloads.schema.ts';

/** Removes a Download from the history (and its files when nobody else has them). */
export const remove = protectedProcedure
  .input(DownloadIdSchema)
  .mutation(({ ctx, input }) => deleteDownload(ctx, input));
