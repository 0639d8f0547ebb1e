import type { UserContext } from '../../trpc.ts';
import { loadWatchConfig } from '../../watches/watch-config.ts';
import { toWatchDto, WATCH_DTO_SELECT, type WatchDto } from '../../watches/watch-dto.ts';

export type WatchList = {
  watches: WatchDto[];
  /** How many creators one person may watch on this instance. */
  limit: number;
  /** Seconds between checks of a watch (the instance default, never under the admin's floor). */
  intervalSeconds: number;
};

/** The user's watches, newest first. The per-user limit bounds the list, so it is not paged. */
export async function listWatches(ctx: UserContext): Promise<WatchList> {
  const [rows, config] = await Promise.all([
    ctx.db.watch.findMany({
      where: { userId: ctx.user.id },
      select: WATCH_DTO_SELECT,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
    loadWatchConfig(ctx.db),
  ]);
  const now = new Date();
  return {
    watches: rows.map((row) => toWatchDto(row, now)),
    limit: config.maxWatchesPerUser.value,
    intervalSeconds: Math.max(config.minIntervalSeconds.value, config.defaultIntervalSeconds.value),
  };
}
