import { workInSlots } from '../../work-in-slots.ts';
import { type CheckOutcome, handleCreatorCheck } from './check-creator.ts';
import type { WatchDeps } from './watch-deps.ts';
import { runWatchTick, WATCH_TICK_CRON } from './watch-tick.ts';

export type WatchPipeline = {
  /** Test and bench hook: called after each creator check with its outcome. */
  onCheck(listener: (outcome: CheckOutcome) => void): void;
  /** Stops taking checks and ticks (running checks finish or give their creator back). */
  stopTaking(): Promise<void>;
};

type Track = <T>(work: Promise<T>) => Promise<T>;

/**
 * The watch scheduler and the creator checks of one worker: pg-boss's cron sends `watch.tick`
 * every minute (the schedule lives in Postgres: any live worker sends it, once per minute however
 * many run), a tick at start so nothing waits for the first minute, and WORKER_WATCH_CONCURRENCY
 * slots for `creator.check`, apart from the download slots so checks never wait behind downloads.
 */
export async function startWatchPipeline(deps: WatchDeps, track: Track): Promise<WatchPipeline> {
  const { boss, log, config } = deps;
  const listeners: Array<(outcome: CheckOutcome) => void> = [];
  const tick = () =>
    runWatchTick(deps).catch((error: unknown) => {
      log.warn({ err: error }, 'watch tick failed');
      return null;
    });

  await boss.work(
    'watch.tick',
    { localConcurrency: 1, pollingIntervalSeconds: config.pollSeconds },
    async ([job]) => {
      if (!job) return;
      const result = await track(tick());
      log.debug({ ...result }, 'watch tick');
      return result;
    },
  );
  await boss.schedule('watch.tick', WATCH_TICK_CRON, {});

  // As for downloads: a slot fetches the next waiting check at once instead of after a polling interval.
  await workInSlots(
    boss,
    'creator.check',
    { slots: config.watchConcurrency, pollSeconds: config.pollSeconds, shutdownSignal: deps.shutdownSignal },
    async (job) => {
      const outcome = await track(handleCreatorCheck(deps, job));
      for (const listener of listeners) listener(outcome);
      return { result: outcome.result, captured: outcome.captured, requests: outcome.requests };
    },
  );
  void track(tick());

  return {
    onCheck: (listener) => listeners.push(listener),
    stopTaking: async () => {
      await Promise.all([
        boss.offWork('creator.check', { wait: false }),
        boss.offWork('watch.tick', { wait: false }),
      ]);
    },
  };
}
