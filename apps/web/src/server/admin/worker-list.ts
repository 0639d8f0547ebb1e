import type { Db } from '@tiksavr/db';

/**
 * Workers beat every 5 s by default (WORKER_HEARTBEAT_SECONDS); one that has not beaten for three
 * intervals is flagged stale: it died, hangs, or lost its database connection.
 */
export const HEARTBEAT_INTERVAL_MS = 5_000;
export const STALE_AFTER_MS = 3 * HEARTBEAT_INTERVAL_MS;

export type WorkerRow = {
  id: string;
  host: string;
  pid: number;
  version: string;
  concurrency: number;
  /** How it fetches media, in the worker's words ("" from a worker older than this field). */
  transfer: string;
  inFlight: number;
  startedAt: Date;
  lastSeenAt: Date;
  /** Milliseconds since the last beat. */
  silentForMs: number;
  stale: boolean;
};

/** Every worker that has a heartbeat row, freshest first (a clean exit removes its row). */
export async function listWorkers(db: Db, now: Date): Promise<WorkerRow[]> {
  const rows = await db.workerHeartbeat.findMany({
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
    take: 500,
  });
  return rows.map((row) => {
    const silentForMs = Math.max(0, now.getTime() - row.lastSeenAt.getTime());
    return { ...row, silentForMs, stale: silentForMs > STALE_AFTER_MS };
  });
}

/** Job slots of the live (not stale) workers and how many of them are busy. */
export function liveCapacity(workers: readonly WorkerRow[]): { slots: number; busy: number; live: number } {
  const live = workers.filter((worker) => !worker.stale);
  return {
    slots: live.reduce((sum, worker) => sum + worker.concurrency, 0),
    busy: live.reduce((sum, worker) => sum + Math.min(worker.inFlight, worker.concurrency), 0),
    live: live.length,
  };
}
