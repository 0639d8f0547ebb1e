import { creatorHandleKey } from '@tiksavr/core';
import type { Creator, Db, Watch } from '@tiksavr/db';
import { WATCH_DEFAULT_INTERVAL_SETTING, WATCH_MIN_INTERVAL_SETTING } from '../jobs/watch/watch-intervals.ts';
import { UPSTREAM_RATE_SETTING } from '../upstream-budget/index.ts';

/** What the web app's watchlist writes, for tests of the worker's side: a Creator and a Watch on it. */
export async function watchCreator(
  db: Db,
  userId: string,
  handle: string,
  options: {
    stories?: boolean;
    posts?: boolean;
    paused?: boolean;
    intervalSeconds?: number;
    createdAt?: Date;
    nextCheckAt?: Date;
    tiktokId?: string;
  } = {},
): Promise<{ creator: Creator; watch: Watch }> {
  const handleKey = creatorHandleKey(handle);
  const creator =
    (await db.creator.findFirst({ where: { handleKey } })) ??
    (await db.creator.create({
      data: {
        handle,
        handleKey,
        ...(options.nextCheckAt === undefined ? {} : { nextCheckAt: options.nextCheckAt }),
        ...(options.tiktokId === undefined ? {} : { tiktokId: options.tiktokId }),
      },
    }));
  const watch = await db.watch.create({
    data: {
      userId,
      creatorId: creator.id,
      stories: options.stories ?? true,
      posts: options.posts ?? false,
      pausedAt: options.paused ? new Date() : null,
      intervalSeconds: options.intervalSeconds ?? null,
      ...(options.createdAt === undefined ? {} : { createdAt: options.createdAt }),
    },
  });
  return { creator, watch };
}

async function putSetting(db: Db, key: string, value: number): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/** The admin's watch intervals, in seconds (tests use small ones). */
export async function setWatchIntervals(
  db: Db,
  intervals: { defaultSeconds: number; minSeconds: number },
): Promise<void> {
  await putSetting(db, WATCH_DEFAULT_INTERVAL_SETTING, intervals.defaultSeconds);
  await putSetting(db, WATCH_MIN_INTERVAL_SETTING, intervals.minSeconds);
}

/** The admin's request budget toward TikTok. */
export async function setRequestsPerMinute(db: Db, requestsPerMinute: number): Promise<void> {
  await putSetting(db, UPSTREAM_RATE_SETTING, requestsPerMinute);
}

/** Polls `probe` every 50 ms until it gives something truthy. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
