import { setUserRole } from '../../../admin/user-role.ts';
import { adminProcedure } from '../../../trpc.ts';
import { UserRoleInputSchema } from './users.schema.ts';

/** Makes an account an admin or a plain user (never demotes the caller). */
export const usersSetRole = adminProcedure
  .input(UserRoleInputSchema)
  .mutation(({ ctx, input }) => setUserRole(ctx, input));
