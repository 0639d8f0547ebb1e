import {
  AppError,
  ERRORS,
  isAppError,
  type QuotaRefusal,
  quotaRefusalFor,
  quotaRefusalWords,
  quotaRoomLeftWords,
  type StorageLimits,
} from '@tiksavr/core';
import { limitsOf, lockUserQuota, type Prisma, type UserLimits, usageOf } from '@tiksavr/db';
import type { DownloadDeps, DownloadTicket } from '../jobs/download/download-deps.ts';
import { updateDownload } from '../jobs/download/update-download.ts';

/**
 * A person's quota in the worker (the web app checks items at submit): a save that would take
 * its owner past their storage or item limit ends `failed` with quota_bytes_exceeded or
 * quota_items_exceeded and words saying how much they use. An item someone else stored already
 * costs this person its size too (dedup saves disk, not quota), but one person's limit never
 * stops another's save. Checked three times: before anything is fetched or linked, as the byte
 * limit of each file while it arrives, and when the save completes, under the person's lock.
 */
type QuotaDeps = Pick<DownloadDeps, 'db'>;

const QUOTA_CODES: ReadonlySet<string> = new Set(['quota_bytes_exceeded', 'quota_items_exceeded']);

function storageLimits(limits: UserLimits): StorageLimits {
  return { maxBytes: limits.bytes.maximum, maxItems: limits.items.maximum };
}

function refusalError(refusal: QuotaRefusal, words = quotaRefusalWords(refusal)): AppError {
  return new AppError(refusal.code, `over quota: ${JSON.stringify(refusal)}`, {
    detail: { ...refusal, words },
  });
}

/** An error one of these checks threw (the caller ends the download with it). */
export function isQuotaError(error: unknown): error is AppError {
  return isAppError(error) && QUOTA_CODES.has(error.code);
}

/**
 * Before the item is linked or downloaded: does one more item fit, and (when the item is stored
 * already, so its size is known) do its bytes? Returns the refusal as an error, or null.
 */
export async function quotaRefusalBeforeSave(
  deps: QuotaDeps,
  ticket: DownloadTicket,
  itemId: string,
): Promise<AppError | null> {
  const limits = await limitsOf(deps.db, ticket.userId);
  if (limits.bytes.maximum === null && limits.items.maximum === null) return null;
  const usage = await usageOf(deps.db, ticket.userId, { excludeDownloadId: ticket.downloadId });
  const item = await deps.db.item.findUnique({
    where: { id: itemId },
    select: { storedAt: true, assets: { select: { size: true } } },
  });
  const storedBytes =
    item?.storedAt != null && item.assets.length > 0
      ? Number(item.assets.reduce((sum, asset) => sum + asset.size, 0n))
      : null;
  const refusal = quotaRefusalFor(usage, storageLimits(limits), { items: 1, bytes: storedBytes });
  return refusal === null ? null : refusalError(refusal);
}

/** The room a save may still fill, for the byte limit of the files it fetches; null: no limit. */
export type ByteAllowance = {
  readonly bytesLeft: number;
  readonly maxBytes: number;
  readonly usedBytes: number;
};

export async function byteAllowance(deps: QuotaDeps, ticket: DownloadTicket): Promise<ByteAllowance | null> {
  const limits = await limitsOf(deps.db, ticket.userId);
  const maxBytes = limits.bytes.maximum;
  if (maxBytes === null) return null;
  const usage = await usageOf(deps.db, ticket.userId, { excludeDownloadId: ticket.downloadId });
  return { bytesLeft: Math.max(0, maxBytes - usage.bytes), maxBytes, usedBytes: usage.bytes };
}

/**
 * The byte limit for the next file: the server's own limit, or the room left when that is less
 * (`storedSoFar`: bytes of this save's earlier files).
 */
export function fileByteLimit(
  serverMax: number,
  allowance: ByteAllowance | null,
  storedSoFar: number,
): number {
  if (allowance === null) return serverMax;
  return Math.min(serverMax, Math.max(0, allowance.bytesLeft - storedSoFar));
}

/** A file stopped at `too_large` because of the room left (not the server's limit) is over quota. */
export function overAllowance(
  error: unknown,
  serverMax: number,
  allowance: ByteAllowance | null,
  storedSoFar: number,
): AppError | null {
  if (allowance === null || !isAppError(error) || error.code !== 'too_large') return null;
  if (allowance.bytesLeft - storedSoFar >= serverMax) return null;
  const usage = { bytes: allowance.usedBytes + storedSoFar, items: 0 };
  return new AppError('quota_bytes_exceeded', 'a file is larger than the room left', {
    cause: error,
    detail: {
      bytes: usage.bytes,
      maxBytes: allowance.maxBytes,
      words: quotaRoomLeftWords(usage, allowance.maxBytes),
    },
  });
}

/**
 * In the transaction that marks the save done: with the person's quota lock held, do its bytes
 * still fit next to everything else they saved meanwhile? Throws the refusal (rolling back).
 */
export async function assertSaveFits(
  tx: Prisma.TransactionClient,
  ticket: DownloadTicket,
  bytes: number,
): Promise<void> {
  const limits = await limitsOf(tx, ticket.userId);
  if (limits.bytes.maximum === null) return;
  await lockUserQuota(tx, ticket.userId);
  const usage = await usageOf(tx, ticket.userId, { excludeDownloadId: ticket.downloadId });
  const refusal = quotaRefusalFor(
    usage,
    { maxBytes: limits.bytes.maximum, maxItems: null },
    { items: 0, bytes },
  );
  if (refusal !== null) throw refusalError(refusal);
}

/** Ends the download `failed` with the quota code and its words (the numbers, and what to do). */
export async function failOverQuota(
  deps: Pick<DownloadDeps, 'db' | 'now' | 'log'>,
  ticket: DownloadTicket,
  error: AppError,
): Promise<boolean> {
  const words = typeof error.detail.words === 'string' ? error.detail.words : ERRORS[error.code].user;
  deps.log.info({ downloadId: ticket.downloadId, code: error.code }, 'download refused: over quota');
  return updateDownload(deps, ticket, {
    state: 'failed',
    failureCode: error.code,
    failureMessage: words,
    finishedAt: deps.now(),
  });
}
