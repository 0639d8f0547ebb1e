import { adminProcedure } from '../../../trpc.ts';
import { setUserQuota } from '../../../usage/set-user-quota.ts';
import { UserQuotaInputSchema } from '../../../usage/storage-usage.schema.ts';

/** Sets one person's own storage and item limits, or puts them back on the instance default. */
export const usersSetQuota = adminProcedure
  .input(UserQuotaInputSchema)
  .mutation(({ ctx, input }) => setUserQuota(ctx, input));
