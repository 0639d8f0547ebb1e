import type { PgBoss } from '@tiksavr/db';
import { handleNotify, type NotifyOutcome } from './handle-notify.ts';
import type { NotifyDeps } from './notify-deps.ts';

export type NotifyDelivery = {
  /** Stops taking `notify.deliver` jobs; one under way finishes (or is retried later). */
  stopTaking: () => Promise<void>;
  /** Test hook: called after each job that ended (not after a try that will be retried). */
  onDelivery: (listener: (outcome: NotifyOutcome, jobData: unknown) => void) => void;
};

/**
 * Takes `notify.deliver` jobs in this worker: WORKER_NOTIFY_CONCURRENCY at once, in slots of
 * their own, so a slow webhook never holds up a download. Retries wake on the polling interval.
 */
export async function startNotifyDelivery(
  deps: NotifyDeps & { readonly boss: PgBoss },
  options: { readonly pollSeconds: number; readonly track: <T>(work: Promise<T>) => Promise<T> },
): Promise<NotifyDelivery> {
  const listeners: Array<(outcome: NotifyOutcome, jobData: unknown) => void> = [];
  await deps.boss.work(
    'notify.deliver',
    {
      localConcurrency: deps.notify.concurrency,
      batchSize: 1,
      includeMetadata: true,
      pollingIntervalSeconds: options.pollSeconds,
      notifyPollingIntervalSeconds: options.pollSeconds,
    },
    async ([job]) => {
      if (!job) return;
      const outcome = await options.track(handleNotify(deps, job));
      for (const listener of listeners) listener(outcome, job.data);
      return { outcome };
    },
  );
  return {
    stopTaking: () => deps.boss.offWork('notify.deliver', { wait: false }),
    onDelivery: (listener) => listeners.push(listener),
  };
}
