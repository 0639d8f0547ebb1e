import type { Db } from '@tiksavr/db';
import { loadWatchConfig, type WatchConfig } from '../watches/watch-config.ts';
import { loadWatchBehind, type WatchBehind } from './watch-behind.ts';

/** Why TikTok was seen pushing back, in words (the budget's pushback kinds). */
const PUSHBACK_WORDS: Record<string, string> = {
  rate_limited: 'TikTok answered 429 Too Many Requests',
  challenge: 'TikTok asked for a verification check (a challenge page)',
  login_wall: 'TikTok showed its login wall instead of a page',
  item_hidden: 'TikTok hid a public post (status 10204 for something that exists)',
};

/**
 * Two constants of the worker's budget (apps/worker/src/upstream-budget/budget-tuning.ts), repeated
 * here because the web app may not import worker code: the slowdown halves after each 10 quiet
 * minutes, and a waiter whose process stopped refreshing it for 15 s is no longer waiting.
 */
const SLOWDOWN_RECOVERY_MS = 10 * 60_000;
const WAITER_STALE_MS = 15_000;
const MINUTE_MS = 60_000;

export type UpstreamStatus = {
  now: Date;
  config: WatchConfig;
  budget: {
    requestsPerMinute: number;
    /** The rate in force: configured ÷ slowdown, or 0 while paused. */
    effectiveRequestsPerMinute: number;
    slowdown: number;
    pausedUntil: Date | null;
    lastPushback: { at: Date; reason: string; words: string } | null;
    /** Requests waiting for a slot now, by purpose (story, identify, download, watch_check). */
    waiting: { purpose: string; count: number; oldestSince: Date }[];
    /** The last 60 minutes, oldest first, zeros included. */
    lastHour: { minute: Date; granted: number; pushbacks: number }[];
    grantedLastHour: number;
  };
  watches: { active: number; paused: number; creators: number } & WatchBehind;
};

/** The slowdown in force: the stored one halved once per quiet stretch since the last pushback. */
export function slowdownNow(stored: number, lastPushbackAt: Date | null, now: Date): number {
  if (lastPushbackAt === null || stored <= 1) return 1;
  const quiet = Math.max(0, Math.floor((now.getTime() - lastPushbackAt.getTime()) / SLOWDOWN_RECOVERY_MS));
  return Math.max(1, stored / 2 ** quiet);
}

/**
 * The admin's view of how TikSavr treats TikTok: the shared request budget (read from its tables,
 * without taking its lock), the watch and budget settings, and whether watch checks keep up.
 */
export async function loadUpstreamStatus(db: Db, now: Date): Promise<UpstreamStatus> {
  const hourAgo = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS - 59 * MINUTE_MS);
  const [config, row, waiters, minutes, watchCounts, creators, behind] = await Promise.all([
    loadWatchConfig(db),
    db.upstreamBudget.findUnique({ where: { id: 1 } }),
    db.$queryRaw<{ purpose: string; count: number; oldest: Date }[]>`
      SELECT purpose, count(*)::int AS count, min("createdAt") AS oldest
      FROM "UpstreamBudgetWaiter"
      WHERE "heartbeatAt" >= ${new Date(now.getTime() - WAITER_STALE_MS)}
      GROUP BY purpose ORDER BY purpose`,
    db.upstreamMinute.findMany({ where: { minute: { gte: hourAgo } }, orderBy: { minute: 'asc' } }),
    Promise.all([
      db.watch.count({ where: { pausedAt: null } }),
      db.watch.count({ where: { pausedAt: { not: null } } }),
    ]).then(([active, paused]) => ({ active, paused })),
    db.creator.count({ where: { watches: { some: { pausedAt: null } } } }),
    loadWatchBehind(db, now),
  ]);
  const rate = config.requestsPerMinute.value;
  const slowdown = row ? slowdownNow(row.slowdown, row.lastPushbackAt, now) : 1;
  const pausedUntil = row?.pausedUntil && row.pausedUntil > now ? row.pausedUntil : null;
  const byMinute = new Map(minutes.map((m) => [m.minute.getTime(), m]));
  const lastHour = Array.from({ length: 60 }, (_, index) => {
    const minute = new Date(hourAgo.getTime() + index * MINUTE_MS);
    const counted = byMinute.get(minute.getTime());
    return { minute, granted: counted?.granted ?? 0, pushbacks: counted?.pushbacks ?? 0 };
  });
  const reason = row?.lastPushbackReason ?? null;
  return {
    now,
    config,
    budget: {
      requestsPerMinute: rate,
      effectiveRequestsPerMinute: pausedUntil ? 0 : rate / slowdown,
      slowdown,
      pausedUntil,
      lastPushback:
        row?.lastPushbackAt && reason
          ? {
              at: row.lastPushbackAt,
              reason,
              words: PUSHBACK_WORDS[reason] ?? `TikTok pushed back (${reason})`,
            }
          : null,
      waiting: waiters.map((w) => ({ purpose: w.purpose, count: w.count, oldestSince: w.oldest })),
      lastHour,
      grantedLastHour: lastHour.reduce((sum, m) => sum + m.granted, 0),
    },
    watches: { ...watchCounts, creators, ...behind },
  };
}
