import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { WatchDeps } from './watch-deps.ts';

/** A profile picture is a small image; anything larger is not one. */
const MAX_AVATAR_BYTES = 2 * 1024 * 1024;
const AVATAR_TIMEOUT_MS = 10_000;

/**
 * Keeps a creator's profile picture in storage (content-addressed: the same picture is stored
 * once) so the watchlist never loads images from TikTok in people's browsers. The picture is on
 * TikTok's media CDN, which the request budget does not count (like media files); only CDN hosts
 * (or the simulator) are fetched and redirects are not followed. Returns the storage key, or null
 * when it could not be fetched: a missing avatar never fails a check.
 */
export async function storeAvatar(
  deps: Pick<WatchDeps, 'storage' | 'upstream' | 'log'>,
  avatarUrl: string,
  signal: AbortSignal,
): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(avatarUrl);
  } catch {
    return null;
  }
  if (!deps.upstream.mayFetchMedia(url)) {
    deps.log.info({ host: url.host }, 'avatar not fetched: not a TikTok media host');
    return null;
  }
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(AVATAR_TIMEOUT_MS)]),
    });
    if (response.status !== 200 || response.body === null) {
      await response.body?.cancel();
      deps.log.info({ status: response.status }, 'avatar not fetched');
      return null;
    }
    const stored = await deps.storage.write(
      Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      {
        maxBytes: MAX_AVATAR_BYTES,
      },
    );
    return stored.key;
  } catch (error) {
    if (signal.aborted) throw error;
    deps.log.info({ err: error }, 'avatar not fetched');
    return null;
  }
}
