import { protectedProcedure } from '../../trpc.ts';
import { usageSummary } from '../../usage/usage-summary.ts';

/** What the signed-in person uses of their storage and item limits (under `downloads`, so a save or delete refreshes it). */
export const usage = protectedProcedure.query(({ ctx }) => usageSummary(ctx));
