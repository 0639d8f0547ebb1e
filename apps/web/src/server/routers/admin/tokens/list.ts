import { listAllApiTokens } from '../../../tokens/admin-tokens.ts';
import { adminProcedure } from '../../../trpc.ts';
import { AdminTokenListInputSchema } from './tokens.schema.ts';

/** Every API token on the instance with its owner, newest first. */
export const tokensList = adminProcedure
  .input(AdminTokenListInputSchema)
  .query(({ ctx, input }) => listAllApiTokens(ctx.db, input));
