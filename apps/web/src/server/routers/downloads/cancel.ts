import { protectedProcedure } from '../../trpc.ts';
import { cancelDownload } from './cancel.handler.ts';
import { DownloadIdSchema } from './downloads.schema.ts';

/** Stops a queued or running Download. */
export const cancel = protectedProcedure
  .input(DownloadIdSchema)
  .mutation(({ ctx, input }) => cancelDownload(ctx, input));
