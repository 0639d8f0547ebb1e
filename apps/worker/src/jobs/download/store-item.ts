import type { MediaAsset, MediaPlan, MediaRequestHeaders } from '@tiksavr/core';
import { assertSaveFits, byteAllowance, fileByteLimit, overAllowance } from '../../quota/save-quota.ts';
import { linkAssetFile } from '../../stored-files/link-asset-file.ts';
import { lockItem } from './claim-item.ts';
import { type DownloadDeps, type DownloadTicket, inTransaction } from './download-deps.ts';
import { type FetchedAsset, fetchAsset } from './fetch-asset.ts';
import { createProgressReporter } from './progress-reporter.ts';
import { updateDownload } from './update-download.ts';

/** One asset of the item, stored (now or by an earlier attempt) and recorded as an Asset row. */
export type StoredAsset = {
  readonly role: MediaAsset['role'];
  readonly index: number;
  readonly size: number;
};

/**
 * An asset an earlier attempt already stored (its row exists and its file is present): a retry
 * after a failure on the third image does not fetch the first two again.
 */
async function storedEarlier(
  deps: DownloadDeps,
  itemId: string,
  asset: MediaAsset,
): Promise<StoredAsset | null> {
  const row = await deps.db.asset.findUnique({
    where: { itemId_role_index: { itemId, role: asset.role, index: asset.index } },
  });
  if (row === null || (await deps.storage.stat(row.storageKey)) === null) return null;
  return { role: asset.role, index: asset.index, size: Number(row.size) };
}

async function recordAsset(deps: DownloadDeps, itemId: string, planned: MediaAsset, fetched: FetchedAsset) {
  const variant = planned.variants[fetched.candidateIndex];
  const row = {
    sha256: fetched.sha256,
    size: BigInt(fetched.size),
    mime: fetched.mime,
    storageKey: fetched.key,
    width: variant?.width ?? null,
    height: variant?.height ?? null,
    codec: variant?.codec ?? null,
  };
  // The file's row is locked and the object confirmed while the reference is written (stored-files).
  await inTransaction(deps.db, async (tx) => {
    await linkAssetFile(tx, deps.storage, fetched);
    await tx.asset.upsert({
      where: { itemId_role_index: { itemId, role: planned.role, index: planned.index } },
      create: { itemId, role: planned.role, index: planned.index, ...row },
      update: row,
    });
  });
}

/**
 * Downloads every asset of the plan in order (the video; or every image then the audio; the
 * optional cover last), reporting progress about once a second. Stops when `signal` aborts;
 * `lost` is aborted when a progress write finds the download canceled or taken over.
 */
export async function downloadPlan(
  deps: DownloadDeps,
  ticket: DownloadTicket,
  plan: MediaPlan,
  headers: MediaRequestHeaders,
  signals: { signal: AbortSignal; lost: AbortController },
  lastAttempt: boolean,
): Promise<StoredAsset[]> {
  const stored: StoredAsset[] = [];
  let completedBytes = 0;
  // The owner's storage quota: no file may bring more than the room left (save-quota.ts).
  const allowance = await byteAllowance(deps, ticket);
  const serverMax = deps.config.maxMediaBytes;
  const progress = createProgressReporter({
    intervalMs: deps.config.progressIntervalMs,
    write: (done, total) =>
      updateDownload(
        deps,
        ticket,
        {
          state: 'downloading',
          bytesDone: BigInt(done),
          ...(total === null ? {} : { bytesTotal: BigInt(total) }),
        },
        { event: { bytesDone: done, ...(total === null ? {} : { bytesTotal: total }) } },
      ),
    onLost: () => signals.lost.abort(new Error('download canceled or taken over')),
    onError: (error) => deps.log.warn({ err: error, downloadId: ticket.downloadId }, 'progress write failed'),
  });
  try {
    for (const asset of plan.assets) {
      signals.signal.throwIfAborted();
      const earlier = await storedEarlier(deps, plan.itemId, asset);
      if (earlier !== null) {
        completedBytes += earlier.size;
        stored.push(earlier);
        continue;
      }
      try {
        const fetchStartedAt = performance.now();
        const maxMediaBytes = fileByteLimit(serverMax, allowance, completedBytes);
        const fetched = await fetchAsset(
          { ...deps, config: { ...deps.config, maxMediaBytes } },
          {
            itemId: plan.itemId,
            asset,
            headers,
            signal: signals.signal,
            lastAttempt,
            onBytes: (done, total) =>
              progress.report(completedBytes + done, total === null ? null : completedBytes + total),
          },
        );
        const ms = Math.round(performance.now() - fetchStartedAt);
        // From the first media request to the file in place (hashed, fsynced, renamed).
        deps.log.info(
          {
            downloadId: ticket.downloadId,
            role: asset.role,
            index: asset.index,
            bytes: fetched.size,
            ms,
            transfer: fetched.transfer,
          },
          'asset stored',
        );
        await recordAsset(deps, plan.itemId, asset, fetched);
        completedBytes += fetched.size;
        stored.push({ role: asset.role, index: asset.index, size: fetched.size });
      } catch (error) {
        if (!asset.optional || signals.signal.aborted) {
          throw overAllowance(error, serverMax, allowance, completedBytes) ?? error;
        }
        deps.log.info(
          { err: error, downloadId: ticket.downloadId, role: asset.role },
          'optional asset skipped',
        );
      }
      await progress.settle();
      // Between assets: a download canceled meanwhile stops here even if no progress write ran.
      const current = await deps.db.download.findUnique({
        where: { id: ticket.downloadId },
        select: { state: true, jobId: true },
      });
      if (current?.state !== 'downloading' || current.jobId !== ticket.jobId) {
        signals.lost.abort(new Error('download canceled or taken over'));
        signals.signal.throwIfAborted();
      }
    }
    return stored;
  } finally {
    await progress.settle();
  }
}

/**
 * Marks the item stored (every planned asset has its row) and the download `done`, in one
 * transaction under the item's lock, so a concurrent job of the same item links to it.
 */
export async function completeItem(
  deps: DownloadDeps,
  ticket: DownloadTicket,
  itemId: string,
  assets: readonly StoredAsset[],
): Promise<boolean> {
  const bytes = assets.reduce((sum, asset) => sum + asset.size, 0);
  return inTransaction(deps.db, async (tx) => {
    await lockItem(tx, itemId);
    await assertSaveFits(tx, ticket, bytes);
    await tx.item.update({ where: { id: itemId }, data: { storedAt: deps.now() } });
    return updateDownload(
      deps,
      ticket,
      {
        state: 'done',
        finishedAt: deps.now(),
        bytesDone: BigInt(bytes),
        bytesTotal: BigInt(bytes),
        failureCode: null,
        failureMessage: null,
      },
      { tx, event: { bytesDone: bytes, bytesTotal: bytes } },
    );
  });
}
