import { listAtRiskStories } from '../../../admin/at-risk-stories.ts';
import { toWire } from '../../../admin/wire-dates.ts';
import { adminProcedure } from '../../../trpc.ts';
import { AtRiskInputSchema } from './stories.schema.ts';

/** Queued and retrying stories, least time left first, with an estimated start. */
export const storiesAtRisk = adminProcedure
  .input(AtRiskInputSchema)
  .query(async ({ ctx, input }) => toWire(await listAtRiskStories(ctx.db, new Date(), input.limit)));
