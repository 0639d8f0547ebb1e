import { protectedProcedure } from '../../trpc.ts';
import { DownloadIdSchema } from './downloads.schema.ts';
import { retryDownload } from './retry.handler.ts';

/** Tries a failed or canceled Download again, unless another try cannot end differently. */
export const retry = protectedProcedure
  .input(DownloadIdSchema)
  .mutation(({ ctx, input }) => retryDownload(ctx, input));
