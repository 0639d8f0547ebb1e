import { protectedProcedure } from '../../trpc.ts';
import { DownloadIdSchema } from './downloads.schema.ts';
import { getDownload } from './get.handler.ts';

/** One of the user's Downloads, with its files. */
export const get = protectedProcedure
  .input(DownloadIdSchema)
  .query(({ ctx, input }) => getDownload(ctx, input));
