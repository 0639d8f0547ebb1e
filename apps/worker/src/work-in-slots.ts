import type { Job, PgBoss } from 'pg-boss';

export type SlotOptions = {
  /** How many jobs of this queue one worker process runs at once. */
  readonly slots: number;
  readonly pollSeconds: number;
  /** Once aborted, a slot that finishes a job no longer asks for the next one at once. */
  readonly shutdownSignal: AbortSignal;
};

/**
 * One pg-boss worker per slot, batchSize 1: a slot takes a job when it is free. A new job wakes
 * the slots at once (queue notify + LISTEN). After a job a slot would sleep a polling interval
 * even with a backlog waiting (pg-boss only bursts for batchSize > 1), so each slot nudges
 * itself (`notifyWorker`) to fetch again right away; an empty fetch then sleeps as usual.
 */
export async function workInSlots<T>(
  boss: PgBoss,
  queue: string,
  options: SlotOptions,
  handle: (job: Job<T>) => Promise<unknown>,
): Promise<void> {
  for (let slot = 0; slot < options.slots; slot++) {
    let slotId = '';
    slotId = await boss.work<T>(
      queue,
      {
        localConcurrency: 1,
        batchSize: 1,
        pollingIntervalSeconds: options.pollSeconds,
        notifyPollingIntervalSeconds: options.pollSeconds,
      },
      async ([job]) => {
        if (!job) return;
        try {
          return await handle(job);
        } finally {
          if (!options.shutdownSignal.aborted) boss.notifyWorker(slotId);
        }
      },
    );
  }
}
