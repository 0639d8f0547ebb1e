import { AppError, parseCreatorRef } from '@tiksavr/core';
import type { UserContext } from '../../trpc.ts';
import { sendCreatorCheck } from '../../watches/send-creator-check.ts';
import { loadWatchConfig } from '../../watches/watch-config.ts';
import { toWatchDto, WATCH_DTO_SELECT, type WatchDto } from '../../watches/watch-dto.ts';
import type { AddWatch } from './watches.schema.ts';

export type AddWatchResult = { watch: WatchDto; created: boolean };

/**
 * Starts watching a creator: finds the Creator by its lower-cased handle (or creates it), adds
 * this user's Watch and queues an immediate `creator.check` (reason `new_watch`), all in one
 * transaction. Watching someone already watched returns the existing Watch (`created: false`).
 * Two advisory locks, always taken in the same order, keep two people adding one new creator
 * from making two Creator rows, and one person's parallel adds from passing their limit.
 */
export async function addWatch(ctx: UserContext, input: AddWatch): Promise<AddWatchResult> {
  const parsed = parseCreatorRef(input.creator);
  if (!parsed.ok) throw new AppError('invalid_creator', `not a creator: ${parsed.reason}`);
  const handle = parsed.ref.handle;
  const handleKey = handle.toLowerCase();
  const userId = ctx.user.id;
  const [config, boss] = await Promise.all([loadWatchConfig(ctx.db), ctx.boss()]);
  const limit = config.maxWatchesPerUser.value;

  const { watchId, created } = await ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`tiksavr.creator:${handleKey}`}))`;
    // After a rename two rows may share a key for a while; the one checked last is the live one.
    const found = await tx.creator.findFirst({
      where: { handleKey },
      orderBy: [{ lastCheckedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'asc' }],
      select: { id: true },
    });
    if (found) {
      const existing = await tx.watch.findUnique({
        where: { userId_creatorId: { userId, creatorId: found.id } },
        select: { id: true },
      });
      if (existing) return { watchId: existing.id, created: false };
    }
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`tiksavr.watches:${userId}`}))`;
    const count = await tx.watch.count({ where: { userId } });
    if (count >= limit) {
      throw new AppError('too_many_watches', `user ${userId} already watches ${count}`, {
        detail: { limit },
      });
    }
    const creatorId =
      found?.id ?? (await tx.creator.create({ data: { handle, handleKey }, select: { id: true } })).id;
    const watch = await tx.watch.create({ data: { userId, creatorId }, select: { id: true } });
    await sendCreatorCheck(boss, creatorId, 'new_watch', tx);
    return { watchId: watch.id, created: true };
  });

  const row = await ctx.db.watch.findUniqueOrThrow({ where: { id: watchId }, select: WATCH_DTO_SELECT });
  return { watch: toWatchDto(row, new Date()), created };
}
