import { revokeOwnApiToken } from '../../tokens/own-tokens.ts';
import { protectedProcedure } from '../../trpc.ts';
import { ApiTokenIdSchema } from './tokens.schema.ts';

/** Revokes one of the person's own tokens. */
export const tokensRevoke = protectedProcedure
  .input(ApiTokenIdSchema)
  .mutation(({ ctx, input }) => revokeOwnApiToken(ctx, input));
