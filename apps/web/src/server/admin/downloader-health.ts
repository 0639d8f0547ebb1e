import type { Db } from '@tiksavr/db';
import { type ActiveCounts, countActive } from './active-counts.ts';
import { STALE_AFTER_MS } from './worker-list.ts';

export type DownloaderHealth = {
  /** Workers that beat within STALE_AFTER_MS. */
  liveWorkers: number;
  /** The freshest beat of any worker, or null when no worker ever beat (or all exited cleanly). */
  lastBeatAt: Date | null;
  /** No live worker: nothing queued will move until one comes back. */
  down: boolean;
};

/**
 * Is anything picking up downloads? Read from the workers' heartbeats (see worker-list.ts): the
 * downloader is down when no worker has beaten for STALE_AFTER_MS, the same rule that flags a
 * worker stale on the Workers page, so the two never disagree.
 */
export async function loadDownloaderHealth(db: Db, now: Date): Promise<DownloaderHealth> {
  const freshSince = new Date(now.getTime() - STALE_AFTER_MS);
  const [liveWorkers, freshest] = await Promise.all([
    db.workerHeartbeat.count({ where: { lastSeenAt: { gt: freshSince } } }),
    db.workerHeartbeat.aggregate({ _max: { lastSeenAt: true } }),
  ]);
  return { liveWorkers, lastBeatAt: freshest._max.lastSeenAt, down: liveWorkers === 0 };
}

export type StuckDownloads = DownloaderHealth & {
  /** Waiting or started downloads that nothing is working on while the downloader is down (else 0). */
  stuck: number;
  active: ActiveCounts;
};

/** The admin banner's numbers: the downloader's health and how many downloads it leaves stuck. */
export async function loadStuckDownloads(db: Db, now: Date): Promise<StuckDownloads> {
  const [health, active] = await Promise.all([loadDownloaderHealth(db, now), countActive(db)]);
  const stuck = health.down ? active.queued + active.resolving + active.downloading : 0;
  return { ...health, stuck, active };
}
