import type { Prisma } from '@tiksavr/db';
import type { UserContext } from '../../trpc.ts';
import { findOwnWatch } from '../../watches/own-watch.ts';
import { toWatchDto, WATCH_DTO_SELECT, type WatchDto } from '../../watches/watch-dto.ts';
import type { WatchId, WatchOptions } from './watches.schema.ts';

/** Changes one of the user's watches; another user's id is `watch_not_found`, like a missing one. */
async function changeOwnWatch(
  ctx: UserContext,
  id: string,
  data: Prisma.WatchUpdateInput,
): Promise<WatchDto> {
  return ctx.db.$transaction(async (tx) => {
    await findOwnWatch(tx, ctx.user.id, id, { id: true });
    const row = await tx.watch.update({ where: { id }, data, select: WATCH_DTO_SELECT });
    return toWatchDto(row, new Date());
  });
}

/** Whether the watch captures stories and/or new posts. */
export function setWatchOptions(ctx: UserContext, input: WatchOptions): Promise<WatchDto> {
  return changeOwnWatch(ctx, input.id, {
    ...(input.stories === undefined ? {} : { stories: input.stories }),
    ...(input.posts === undefined ? {} : { posts: input.posts }),
  });
}

/** Stops checks for this person (the creator is still checked for other watchers). */
export function pauseWatch(ctx: UserContext, input: WatchId): Promise<WatchDto> {
  return changeOwnWatch(ctx, input.id, { pausedAt: new Date() });
}

/** Checks again on the usual schedule. */
export function resumeWatch(ctx: UserContext, input: WatchId): Promise<WatchDto> {
  return changeOwnWatch(ctx, input.id, { pausedAt: null });
}

/**
 * Stops watching. What the watch saved stays in the history (its Downloads keep origin `watch`;
 * their watchId becomes null). The Creator row stays for other watchers; with none left the
 * scheduler no longer checks it.
 */
export async function removeWatch(ctx: UserContext, input: WatchId): Promise<{ id: string }> {
  await ctx.db.$transaction(async (tx) => {
    await findOwnWatch(tx, ctx.user.id, input.id, { id: true });
    await tx.watch.delete({ where: { id: input.id } });
  });
  return { id: input.id };
}
