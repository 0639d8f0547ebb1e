import { protectedProcedure } from '../../trpc.ts';
import { PastedTextSchema } from './downloads.schema.ts';
import { submitLinks } from './submit.handler.ts';

/** Saves every TikTok link in the pasted text (at most 50): one Download + one job per link. */
export const submit = protectedProcedure
  .input(PastedTextSchema)
  .mutation(({ ctx, input }) => submitLinks(ctx, input));
