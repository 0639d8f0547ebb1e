import type { DownloadDeps } from '../download/download-deps.ts';
import { type RetentionDeps, runRetentionSweep } from './run-retention-sweep.ts';

/** pg-boss cron: once an hour (at minute 17, away from the top of the hour other crons like). */
export const RETENTION_SWEEP_CRON = '17 * * * *';

type Track = <T>(work: Promise<T>) => Promise<T>;

export type RetentionSchedule = { stopTaking(): Promise<void> };

/**
 * The auto-delete and stored-file sweep of one worker: pg-boss's cron sends `retention.sweep`
 * hourly (the schedule lives in Postgres, so one run per hour however many workers run; two at
 * once would be safe anyway, every step is locked), and this worker takes it when its turn comes.
 */
export async function startRetention(
  deps: RetentionDeps & Pick<DownloadDeps, 'boss' | 'config'>,
  track: Track,
): Promise<RetentionSchedule> {
  const { boss, log } = deps;
  await boss.work(
    'retention.sweep',
    { localConcurrency: 1, pollingIntervalSeconds: Math.max(deps.config.pollSeconds, 5) },
    async ([job]) => {
      if (!job) return;
      const report = await track(runRetentionSweep(deps));
      log.debug({ ...report }, 'retention sweep');
      return { deleted: report.deleted, filesRemoved: report.filesRemoved, ...report.sweep };
    },
  );
  await boss.schedule('retention.sweep', RETENTION_SWEEP_CRON, {});
  return { stopTaking: () => boss.offWork('retention.sweep', { wait: false }) };
}
