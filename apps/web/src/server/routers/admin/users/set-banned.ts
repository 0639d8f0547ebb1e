import { setUserBanned } from '../../../admin/user-ban.ts';
import { adminProcedure } from '../../../trpc.ts';
import { UserBanInputSchema } from './users.schema.ts';

/** Disables an account (and signs it out everywhere), or enables it again. */
export const usersSetBanned = adminProcedure
  .input(UserBanInputSchema)
  .mutation(({ ctx, input }) => setUserBanned(ctx, input));
