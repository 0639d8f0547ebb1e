import { precheckLinks } from '../../../lib/precheck.ts';
import { withKnownStoryDeadlines } from '../../downloads/known-story-deadlines.ts';
import { protectedProcedure } from '../../trpc.ts';
import { PastedTextSchema } from './downloads.schema.ts';

/**
 * What each link in the pasted text is, or why it can never work, plus the deadline of a story the
 * person's own history already knows. No network; reads only the person's own recent rows.
 */
export const precheck = protectedProcedure.input(PastedTextSchema).query(async ({ ctx, input }) => ({
  links: await withKnownStoryDeadlines(ctx.db, ctx.user.id, precheckLinks(input.text)),
}));
