import {
  deleteDownloads,
  downloadsPastRetention,
  readStorageSettings,
  type SweepOptions,
  type SweepReport,
  sweepStoredFiles,
} from '@tiksavr/db';
import type { DownloadDeps } from '../download/download-deps.ts';

export type RetentionDeps = Pick<DownloadDeps, 'db' | 'storage' | 'log' | 'now' | 'shutdownSignal'>;

export type RetentionOptions = {
  /** Downloads deleted per transaction. */
  readonly batchSize?: number;
  /** Batches per run, so one run stays bounded; the next hour's run goes on. */
  readonly maxBatches?: number;
  readonly sweep?: Omit<SweepOptions, 'now' | 'onError'>;
};

export type RetentionReport = {
  /** The setting this run applied; null: items are kept forever (nothing was deleted). */
  readonly retentionDays: number | null;
  readonly deleted: number;
  readonly filesRemoved: number;
  readonly sweep: SweepReport;
};

/**
 * One `retention.sweep` run (hourly, or called directly by tests): when the admin set
 * `retention.days`, unpinned finished Downloads older than that go the way a person's delete
 * does (deleteDownloads: a file another item still uses stays); then the stored-file sweep
 * finishes whatever a crash left behind and removes objects nothing references.
 */
export async function runRetentionSweep(
  deps: RetentionDeps,
  options: RetentionOptions = {},
): Promise<RetentionReport> {
  const now = deps.now();
  const { retentionDays } = await readStorageSettings(deps.db);
  const onError = (error: unknown, key: string) =>
    deps.log.warn({ err: error, storageKey: key }, 'could not remove a stored file; the next sweep retries');
  let deleted = 0;
  let filesRemoved = 0;
  if (retentionDays !== null) {
    const batchSize = options.batchSize ?? 200;
    for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
      if (deps.shutdownSignal.aborted) break;
      const ids = await downloadsPastRetention(deps.db, { days: retentionDays, now, limit: batchSize });
      if (ids.length === 0) break;
      const result = await deleteDownloads(deps.db, deps.storage, { ids, onFileError: onError });
      deleted += result.deleted.length;
      filesRemoved += result.files.removed.length;
      if (ids.length < batchSize) break;
    }
  }
  const sweep = await sweepStoredFiles(deps.db, deps.storage, { ...options.sweep, now, onError });
  if (deleted > 0 || sweep.pendingFinished + sweep.unreferencedRemoved + sweep.orphansRemoved > 0) {
    deps.log.info({ retentionDays, deleted, filesRemoved, ...sweep }, 'retention sweep removed files');
  }
  return { retentionDays, deleted, filesRemoved, sweep };
}
