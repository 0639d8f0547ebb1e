import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppError, type MediaAsset, type MediaRequestHeaders } from '@tiksavr/core';
import type { PartialUpload, StoredObject } from '@tiksavr/storage';
import { parseContentRange } from './content-range.ts';
import type { DownloadDeps } from './download-deps.ts';
import { mediaStatusError } from './media-status-error.ts';
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

export type FetchedAsset = StoredObject & { readonly mime: string; readonly candidateIndex: number };

/**
 * A dead URL (404/410) moves on to the next candidate at once. A refusal or a server error
 * (403/5xx) usually hits every candidate alike, and the next candidate is a lesser variant, so
 * those end the attempt (the retry resolves fresh URLs) — except on the last attempt, where a
 * lesser file beats none.
 */
const NEXT_CANDIDATE_CODES = new Set(['media_expired']);
const LAST_ATTEMPT_NEXT_CANDIDATE_CODES = new Set(['media_expired', 'media_forbidden', 'upstream_error']);

/**
 * Streams one planned asset into storage, trying its candidate URLs in order. The bytes of an
 * interrupted transfer stay in a partial upload named after the item, asset and candidate, so
 * the next attempt (a retry, or another worker after a crash) asks for `Range: bytes=<n>-` and
 * appends the rest.
 */
export async function fetchAsset(
  deps: Pick<DownloadDeps, 'storage' | 'config'>,
  input: FetchAssetInput,
): Promise<FetchedAsset> {
  let lastError: AppError | undefined;
  for (const [candidateIndex, url] of input.asset.candidates.entries()) {
    try {
      return await fetchCandidate(deps, input, url, candidateIndex);
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

async function fetchCandidate(
  deps: Pick<DownloadDeps, 'storage' | 'config'>,
  input: FetchAssetInput,
  url: string,
  candidateIndex: number,
): Promise<FetchedAsset> {
  const maxBytes = deps.config.maxMediaBytes;
  const partial = await deps.storage.beginPartial(partialIdOf(input.itemId, input.asset, candidateIndex));
  // Two rounds: a resume the server cannot honour (416, or a range that does not fit) starts over once.
  for (let round = 0; round < 2; round++) {
    const offset = partial.size();
    const idle = createIdleTimeout(deps.config.mediaTimeoutSeconds * 1000);
    let body: IncomingMessage | undefined;
    try {
      body = await getMedia(
        url,
        { ...input.headers, ...(offset > 0 ? { Range: `bytes=${offset}-` } : {}) },
        AbortSignal.any([input.signal, idle.signal]),
      );
      const status = body.statusCode ?? 0;
      if (status === 416 && offset > 0) {
        body.destroy();
        await partial.reset();
        continue;
      }
      if (status !== 200 && status !== 206) {
        body.destroy();
        throw mediaStatusError(status, url);
      }
      let total: number | null;
      if (status === 206) {
        const range = parseContentRange(body.headers['content-range'] ?? null);
        if (range === null || range.start !== offset) {
          body.destroy();
          await partial.reset();
          continue;
        }
        total = range.total;
      } else {
        if (offset > 0) await partial.reset(); // the server ignored Range: take the whole file
        const length = body.headers['content-length'];
        total = length === undefined ? null : Number(length);
      }
      if (total !== null && total > maxBytes) {
        body.destroy();
        await partial.discard();
        throw new AppError('too_large', `Media is ${total} bytes, the limit is ${maxBytes}`);
      }
      try {
        await partial.append(idle.watch(body), {
          maxBytes,
          onBytes: (done) => input.onBytes(done, total),
        });
      } catch (error) {
        if (toAppError(error).code === 'too_large') await partial.discard();
        throw error;
      }
      return { ...(await commit(partial, total)), mime: mimeOf(input.asset, body), candidateIndex };
    } finally {
      idle.clear();
      // A body left unread (a refusal, a failure before reading) must not hold its connection.
      if (body !== undefined && !body.complete) body.destroy();
    }
  }
  throw new AppError('upstream_error', 'The media server did not honour a Range resume');
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

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * GET of a media URL with node:http(s), following redirects as fetch() would. Not fetch(): its
 * body copies every chunk into a new buffer and passes it through a WHATWG stream, which was the
 * largest CPU cost per MB of a download (bench worker.download), ahead of hashing and writing.
 * The response is the body stream; `signal` aborts the request and the body alike.
 */
async function getMedia(url: string, headers: Record<string, string>, signal: AbortSignal) {
  let target = new URL(url);
  for (let redirects = 0; ; redirects++) {
    const send = { 'https:': httpsRequest, 'http:': httpRequest }[target.protocol];
    if (send === undefined)
      throw new AppError('upstream_error', `Media URL is not http(s): ${target.protocol}`);
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      send(target, { headers, signal }, resolve).on('error', reject).end();
    });
    // Body errors surface where it is read; this keeps one that comes before reading from crashing.
    response.on('error', () => {});
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(response.statusCode ?? 0) || location === undefined) return response;
    response.destroy();
    if (redirects === MAX_REDIRECTS) throw new AppError('upstream_error', 'Media URL redirects too often');
    target = new URL(location, target);
  }
}

function mimeOf(asset: MediaAsset, response: IncomingMessage): string {
  if (asset.mime !== null) return asset.mime;
  const header = response.headers['content-type']?.split(';')[0]?.trim();
  return header !== undefined && header !== '' ? header : 'application/octet-stream';
}

/**
 * Aborts when nothing arrives for `ms`: the connect/headers wait and every silence inside the
 * body. (AbortSignal.timeout would bound the whole transfer, which must be allowed to take long.)
 */
function createIdleTimeout(ms: number) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`No data for ${ms} ms`, 'TimeoutError')),
    ms,
  );
  return {
    signal: controller.signal,
    clear: () => clearTimeout(timer),
    async *watch(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
      for await (const chunk of body) {
        // Restarts the same timer: no new timer object per chunk (thousands per large file).
        timer.refresh();
        yield chunk;
      }
    },
  };
}
