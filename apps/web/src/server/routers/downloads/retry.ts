import { protectedProcedure } from '../../trpc.ts';
import { DownloadIdSchema } from './downloads.schema.ts';
import { retryDownload } from './retry.handler.ts';

/** Tries a failed, expired or canceled Download again. */
export const retry = protectedProcedure
  .input(DownloadIdSchema)
  .mutation(({ ctx, input }) => retryDownload(ctx, input));
