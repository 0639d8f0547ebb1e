import { AppError } from '@tiksavr/core';
import type { UserRoleInput } from '../routers/admin/users/users.schema.ts';
import type { UserContext } from '../trpc.ts';

/**
 * Makes an account an admin or a plain user. An admin cannot demote themselves, so an instance is
 * never left without the admin who was using it.
 */
export async function setUserRole(ctx: Pick<UserContext, 'db' | 'user'>, input: UserRoleInput) {
  if (input.userId === ctx.user.id && input.role !== 'admin') {
    throw new AppError('admin_self_change', `admin ${ctx.user.id} tried to drop their own role`);
  }
  const { count } = await ctx.db.user.updateMany({ where: { id: input.userId }, data: { role: input.role } });
  if (count === 0) throw new AppError('user_not_found', `user ${input.userId} not found`);
  return { userId: input.userId, role: input.role };
}
