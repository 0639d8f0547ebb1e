import { revokeAnyApiToken } from '../../../tokens/admin-tokens.ts';
import { adminProcedure } from '../../../trpc.ts';
import { ApiTokenIdSchema } from '../../tokens/tokens.schema.ts';

/** Revokes anyone's token. */
export const tokensRevoke = adminProcedure
  .input(ApiTokenIdSchema)
  .mutation(({ ctx, input }) => revokeAnyApiToken(ctx.db, input.id));
