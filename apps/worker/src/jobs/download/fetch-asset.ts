import { AppError, type MediaAsset, type MediaRequestHeaders } from '@tiksavr/core';
import type { PartialUpload, StoredObject } from '@tiksavr/storage';
import type { DownloadDeps } from './download-deps.ts';
import type { MediaTransfer, TransferResult } from './media-transfer.ts';
import { toAppError } from './to-app-error.ts';

export type FetchAssetInput = {
  readonly itemId: string;
  readonly asset: MediaAsset;
  readonly headers: MediaRequestHeaders;
  /** Cancel, shutdown or lost job: stop at once. */
  readonly signal: AbortSignal;
  readonly onBytes: (bytesDone: number, bytesTotal: number | null) => void;
  /** The download's last allowed attempt: fall back to lesser candidates on any refusal. */
  readonly lastAttempt: boolean;
};

export type FetchedAsset = StoredObject & {
  readonly mime: string;
  readonly candidateIndex: number;
  /** Which transfer brought the bytes (for the logs). */
  readonly transfer: MediaTransfer['name'];
};

/**
 * A dead URL (404/410), or one off TikTok's media hosts, moves on to the next candidate at once.
 * A refusal or a server error (403/5xx) usually hits every candidate alike, and the next
 * candidate is a lesser variant, so those end the attempt (the retry resolves fresh URLs) —
 * except on the last attempt, where a lesser file beats none.
 */
const NEXT_CANDIDATE_CODES = new Set(['media_expired', 'media_host_refused']);
const LAST_ATTEMPT_NEXT_CANDIDATE_CODES = new Set([
  ...NEXT_CANDIDATE_CODES,
  'media_forbidden',
  'upstream_error',
]);

/**
 * Streams one planned asset into storage, trying its candidate URLs in order. The bytes of an
 * interrupted transfer stay in a partial upload named after the item, asset and candidate, so
 * the next attempt (a retry, or another worker after a crash) asks for `Range: bytes=<n>-` and
 * appends the rest. Every URL fetched, redirects included, must be a TikTok media host
 * (or the configured simulator origin).
 */
export async function fetchAsset(
  deps: Pick<DownloadDeps, 'storage' | 'config' | 'transfers' | 'upstream'>,
  input: FetchAssetInput,
): Promise<FetchedAsset> {
  let lastError: AppError | undefined;
  const transfer = deps.transfers.pick(input.asset);
  for (const [candidateIndex, url] of input.asset.candidates.entries()) {
    try {
      return await fetchCandidate(deps, transfer, input, url, candidateIndex);
    } catch (error) {
      if (input.signal.aborted) throw error;
      const appError = toAppError(error);
      const fallback = input.lastAttempt ? LAST_ATTEMPT_NEXT_CANDIDATE_CODES : NEXT_CANDIDATE_CODES;
      if (!fallback.has(appError.code)) throw appError;
      lastError = appError;
    }
  }
  throw lastError ?? new AppError('no_media', 'The asset has no candidate URL');
}

export function partialIdOf(itemId: string, asset: MediaAsset, candidateIndex: number): string {
  return `${itemId}.${asset.role}${asset.index}.c${candidateIndex}`;
}

/** Redirects followed per candidate URL (each target is checked before it is fetched). */
const MAX_REDIRECTS = 5;

async function fetchCandidate(
  deps: Pick<DownloadDeps, 'storage' | 'config' | 'upstream'>,
  transfer: MediaTransfer,
  input: FetchAssetInput,
  candidateUrl: string,
  candidateIndex: number,
): Promise<FetchedAsset> {
  const maxBytes = deps.config.maxMediaBytes;
  const partial = await deps.storage.beginPartial(partialIdOf(input.itemId, input.asset, candidateIndex));
  let url = new URL(candidateUrl);
  let redirects = 0;
  let restarted = false;
  for (;;) {
    if (!deps.upstream.mayFetchMedia(url)) {
      throw new AppError('media_host_refused', `Media URL is not on a TikTok media host: ${url.host}`, {
        detail: { host: url.host },
      });
    }
    let result: TransferResult;
    try {
      result = await transfer.get({
        url,
        headers: input.headers,
        partial,
        maxBytes,
        idleTimeoutMs: deps.config.mediaTimeoutSeconds * 1000,
        signal: input.signal,
        onBytes: input.onBytes,
      });
    } catch (error) {
      if (toAppError(error).code === 'too_large') await partial.discard();
      throw error;
    }
    if (result.kind === 'stored') {
      const stored = await commit(partial, result.total);
      return {
        ...stored,
        mime: input.asset.mime ?? result.contentType ?? 'application/octet-stream',
        candidateIndex,
        transfer: transfer.name,
      };
    }
    if (result.kind === 'redirect') {
      if (++redirects > MAX_REDIRECTS) throw new AppError('upstream_error', 'Media URL redirects too often');
      url = result.location;
      continue;
    }
    // A resume the server cannot honour starts over from byte 0, once.
    if (restarted) throw new AppError('upstream_error', 'The media server did not honour a Range resume');
    restarted = true;
    await partial.reset();
  }
}

async function commit(partial: PartialUpload, total: number | null): Promise<StoredObject> {
  const received = partial.size();
  if (total !== null && received < total) {
    // The body ended early without a socket error: keep the bytes and resume next attempt.
    throw new AppError('network', `Body ended after ${received} of ${total} bytes`);
  }
  if (total !== null && received > total) {
    await partial.discard();
    throw new AppError('upstream_error', `Got ${received} bytes, announced ${total}`);
  }
  return partial.commit(total === null ? {} : { expectedSize: total });
}
