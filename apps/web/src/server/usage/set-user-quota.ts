import { AppError } from '@tiksavr/core';
import { limitsOf, setUserLimits, type UserLimits } from '@tiksavr/db';
import type { Context } from '../trpc.ts';
import type { UserQuotaInput } from './storage-usage.schema.ts';

/** Sets one person's own storage and item limits (admins only); returns the limits that now apply. */
export async function setUserQuota(ctx: Pick<Context, 'db'>, input: UserQuotaInput): Promise<UserLimits> {
  const user = await ctx.db.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (user === null) throw new AppError('user_not_found', `user ${input.userId} not found`);
  await setUserLimits(ctx.db, input.userId, {
    ...(input.bytes === undefined ? {} : { bytes: input.bytes }),
    ...(input.items === undefined ? {} : { items: input.items }),
  });
  return limitsOf(ctx.db, input.userId);
}
