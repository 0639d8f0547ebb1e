import { AppError } from '@tiksavr/core';
import type { UserBanInput } from '../routers/admin/users/users.schema.ts';
import type { UserContext } from '../trpc.ts';

/**
 * Disables (bans) or re-enables an account. Banning also deletes every session of the account in
 * the same transaction, so it is signed out everywhere at once; better-auth's admin plugin refuses
 * new sign-ins of a banned user. Written against the tables rather than `auth.api.banUser` so it
 * runs (and is tested) without an HTTP request; the columns are the admin plugin's own.
 */
export async function setUserBanned(ctx: Pick<UserContext, 'db' | 'user'>, input: UserBanInput) {
  if (input.userId === ctx.user.id && input.banned) {
    throw new AppError('admin_self_change', `admin ${ctx.user.id} tried to ban themselves`);
  }
  const revokedSessions = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: input.userId },
      data: input.banned
        ? { banned: true, banReason: input.reason ?? null, banExpires: null }
        : { banned: false, banReason: null, banExpires: null },
    });
    if (count === 0) throw new AppError('user_not_found', `user ${input.userId} not found`);
    if (!input.banned) return 0;
    return (await tx.session.deleteMany({ where: { userId: input.userId } })).count;
  });
  return { userId: input.userId, banned: input.banned, revokedSessions };
}
