import { protectedProcedure } from '../../trpc.ts';
import { HistoryQuerySchema } from './downloads.schema.ts';
import { listDownloads } from './list.handler.ts';

/** The signed-in user's history, newest first, searchable and filterable, by keyset pages. */
export const list = protectedProcedure
  .input(HistoryQuerySchema)
  .query(({ ctx, input }) => listDownloads(ctx, input));
