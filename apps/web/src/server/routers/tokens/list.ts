import { listOwnApiTokens } from '../../tokens/own-tokens.ts';
import { protectedProcedure } from '../../trpc.ts';

/** The signed-in person's API tokens, newest first, with their last use. */
export const tokensList = protectedProcedure.query(({ ctx }) => listOwnApiTokens(ctx));
