import type { Db } from '@tiksavr/db';
import type { WorkerConfig } from '../../env.ts';

/** Admin settings (Setting rows) that override the worker's environment defaults. */
export const WATCH_DEFAULT_INTERVAL_SETTING = 'watch.defaultIntervalSeconds';
export const WATCH_MIN_INTERVAL_SETTING = 'watch.minIntervalSeconds';

export type WatchIntervals = {
  /** Seconds between checks for a watch that asked for nothing else. */
  readonly defaultSeconds: number;
  /** No watch is checked more often than this (the admin's floor). */
  readonly minSeconds: number;
};

function positiveSeconds(value: unknown): number | null {
  const seconds = typeof value === 'string' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 1 ? Math.round(seconds) : null;
}

/**
 * The instance's intervals: the admin's settings when set (in seconds, so tests can use small
 * ones), else WATCH_INTERVAL_MINUTES / WATCH_MIN_INTERVAL_MINUTES. Read on every use (one indexed
 * query), so an admin's change applies to the next check without a restart.
 */
export async function readWatchIntervals(
  db: Db,
  config: Pick<WorkerConfig, 'watchIntervalSeconds' | 'watchMinIntervalSeconds'>,
): Promise<WatchIntervals> {
  const rows = await db.setting.findMany({
    where: { key: { in: [WATCH_DEFAULT_INTERVAL_SETTING, WATCH_MIN_INTERVAL_SETTING] } },
  });
  const setting = (key: string) => positiveSeconds(rows.find((row) => row.key === key)?.value);
  return {
    defaultSeconds: setting(WATCH_DEFAULT_INTERVAL_SETTING) ?? config.watchIntervalSeconds,
    minSeconds: setting(WATCH_MIN_INTERVAL_SETTING) ?? config.watchMinIntervalSeconds,
  };
}

/** Settings change rarely; each process reads them at most this often. */
const INTERVALS_CACHE_MS = 5000;
const cache = new WeakMap<Db, { readAt: number; intervals: Promise<WatchIntervals> }>();

/** readWatchIntervals, read again at most every 5 s per database client (an admin's change applies within 5 s). */
export function cachedWatchIntervals(
  db: Db,
  config: Pick<WorkerConfig, 'watchIntervalSeconds' | 'watchMinIntervalSeconds'>,
): Promise<WatchIntervals> {
  const cached = cache.get(db);
  if (cached !== undefined && performance.now() - cached.readAt < INTERVALS_CACHE_MS) return cached.intervals;
  const intervals = readWatchIntervals(db, config);
  cache.set(db, { readAt: performance.now(), intervals });
  intervals.catch(() => cache.delete(db));
  return intervals;
}

/** One watch's interval: its own (or the default), never under the floor. */
export function effectiveIntervalSeconds(own: number | null, intervals: WatchIntervals): number {
  return Math.max(intervals.minSeconds, own ?? intervals.defaultSeconds);
}

/**
 * A creator is checked once per interval however many people watch it: the shortest effective
 * interval among its active watches.
 */
export function creatorIntervalSeconds(
  watches: readonly { readonly intervalSeconds: number | null }[],
  intervals: WatchIntervals,
): number {
  let shortest = Number.POSITIVE_INFINITY;
  for (const watch of watches) {
    shortest = Math.min(shortest, effectiveIntervalSeconds(watch.intervalSeconds, intervals));
  }
  return Number.isFinite(shortest) ? shortest : effectiveIntervalSeconds(null, intervals);
}
