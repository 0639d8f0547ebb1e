import { AppError } from '@tiksavr/core';
import type { UserContext } from '../trpc.ts';
import type { SetPinned } from './storage-usage.schema.ts';

/**
 * Pins one of the person's own Downloads (the auto-delete never removes it) or unpins it. Someone
 * else's id fails like one that does not exist.
 */
export async function setPinned(
  ctx: Pick<UserContext, 'db' | 'user'>,
  input: SetPinned,
): Promise<{ id: string; pinnedAt: string | null }> {
  const pinnedAt = input.pinned ? new Date() : null;
  const { count } = await ctx.db.download.updateMany({
    where: { id: input.id, userId: ctx.user.id },
    data: { pinnedAt },
  });
  if (count === 0)
    throw new AppError('download_not_found', `download ${input.id} not found for user ${ctx.user.id}`);
  return { id: input.id, pinnedAt: pinnedAt?.toISOString() ?? null };
}
