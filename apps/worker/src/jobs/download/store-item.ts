import type { MediaAsset, MediaPlan, MediaRequestHeaders } from '@tiksavr/core';
import { lockItem } from './claim-item.ts';
import { type DownloadDeps, type DownloadTicket, inTransaction } from './download-deps.ts';
import { type FetchedAsset, fetchAsset } from './fetch-asset.ts';
import { createProgressReporter } from './progress-reporter.ts';
import { updateDownload } from './update-download.ts';

export type StoredAsset = { readonly planned: MediaAsset; readonly fetched: FetchedAsset };

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
      try {
        const fetched = await fetchAsset(deps, {
          itemId: plan.itemId,
          asset,
          headers,
          signal: signals.signal,
          lastAttempt,
          onBytes: (done, total) =>
            progress.report(completedBytes + done, total === null ? null : completedBytes + total),
        });
        completedBytes += fetched.size;
        stored.push({ planned: asset, fetched });
      } catch (error) {
        if (!asset.optional || signals.signal.aborted) throw error;
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
 * Records the stored files as the item's assets and the download as `done`, in one transaction
 * under the item's lock (a concurrent job of the same item links to these rows).
 */
export async function completeItem(
  deps: DownloadDeps,
  ticket: DownloadTicket,
  itemId: string,
  assets: readonly StoredAsset[],
): Promise<boolean> {
  const bytes = assets.reduce((sum, asset) => sum + asset.fetched.size, 0);
  return inTransaction(deps.db, async (tx) => {
    await lockItem(tx, itemId);
    for (const { planned, fetched } of assets) {
      const row = {
        sha256: fetched.sha256,
        size: BigInt(fetched.size),
        mime: fetched.mime,
        storageKey: fetched.key,
        width: planned.variants[fetched.candidateIndex]?.width ?? null,
        height: planned.variants[fetched.candidateIndex]?.height ?? null,
        codec: planned.variants[fetched.candidateIndex]?.codec ?? null,
      };
      await tx.asset.upsert({
        where: { itemId_role_index: { itemId, role: planned.role, index: planned.index } },
        create: { itemId, role: planned.role, index: planned.index, ...row },
        update: row,
      });
    }
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
