import type { Db } from '@tiksavr/db';

export type WorkerIdentity = {
  id: string;
  host: string;
  pid: number;
  version: string;
  concurrency: number;
  /** How it fetches media, in words (TransferPolicy.description). */
  transfer: string;
};

/**
 * Keeps this worker's WorkerHeartbeat row fresh so the admin monitor can list live workers and
 * flag stale ones. `inFlight` is read at each beat.
 */
export function startHeartbeat(
  db: Db,
  identity: WorkerIdentity,
  options: { intervalSeconds: number; inFlight: () => number; onError: (error: unknown) => void },
) {
  const beat = async () => {
    const now = new Date();
    await db.workerHeartbeat.upsert({
      where: { id: identity.id },
      create: { ...identity, inFlight: options.inFlight(), startedAt: now, lastSeenAt: now },
      update: { inFlight: options.inFlight(), lastSeenAt: now, concurrency: identity.concurrency },
    });
  };
  let timer: NodeJS.Timeout | null = null;
  const schedule = () => {
    timer = setTimeout(() => {
      beat()
        .catch(options.onError)
        .finally(() => {
          if (timer) schedule();
        });
    }, options.intervalSeconds * 1000);
  };
  return {
    /** Writes the first beat; the next ones follow on a timer. */
    start: async () => {
      await beat();
      schedule();
    },
    /** Stops beating and removes the row: a clean exit is not a stale worker. */
    stop: async () => {
      if (timer) clearTimeout(timer);
      timer = null;
      await db.workerHeartbeat.delete({ where: { id: identity.id } }).catch(() => {});
    },
  };
}
