import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rm, stat } from 'node:fs/promises';
import { AppError } from '@tiksavr/core';
import { type RunningWriter, startWriter } from './in-place-writer.ts';
import type { AppendOptions, ByteSource, InPlaceTarget, PartialUpload, StoredObject } from './storage.ts';
import { storageKeyFor } from './storage-key.ts';

/**
 * A partial upload kept as a local file (`<tmp>/partial-<id>`), whatever the store: bytes are
 * hashed as they land, what a failed source delivered stays for a resume, and `commit` hands the
 * finished file to the store (`PlaceFile`), which keeps it under its content address.
 */
const WRITE_BATCH_BYTES = 1024 * 1024;
const SYNC_EVERY_BYTES = 32 * 1024 * 1024;
/** appendInPlace reads what the writer appended in pieces of up to this size. */
const TAIL_READ_BYTES = 2 * 1024 * 1024;

/** A partial file received whole and hashed: its bytes belong under `key`. */
export type FinishedFile = {
  readonly path: string;
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
};

/**
 * What a store does with a finished file: keep it under its key (making it durable first) and
 * remove `path`. On failure `path` must be left as it is, so `commit` can be called again.
 */
export type PlaceFile = (file: FinishedFile) => Promise<void>;

export function isMissing(error: unknown): boolean {
  return (error as { code?: string }).code === 'ENOENT';
}

export async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
}

async function hashFile(path: string): Promise<Hash> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  return hash;
}

/**
 * fdatasync in the background every SYNC_EVERY_BYTES, so commit's fsync does not find the whole
 * file still dirty and write it out after the transfer, while the network idles. A failure is
 * kept and reported by `check`: a later fsync on a new descriptor may not see it.
 */
function createBackgroundSync(handle: FileHandle) {
  let syncing: Promise<void> | null = null;
  let failure: unknown = null;
  let unsyncedBytes = 0;
  return {
    wrote(bytes: number) {
      unsyncedBytes += bytes;
      if (unsyncedBytes < SYNC_EVERY_BYTES || syncing !== null) return;
      unsyncedBytes = 0;
      syncing = handle
        .datasync()
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => {
          syncing = null;
        });
    },
    /** Waits for the running sync; throws the first failure. */
    async check() {
      await syncing;
      if (failure !== null) throw failure;
    },
    /** Waits for the running sync, ignoring failures (the caller is failing already). */
    async settle() {
      await syncing;
    },
  };
}

/** The file once `writer` has created it, read-only; null when the writer finished without creating it. */
async function openWhenCreated(path: string, writer: RunningWriter): Promise<FileHandle | null> {
  for (;;) {
    const writerFinished = writer.finished();
    try {
      return await open(path, 'r');
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    if (writerFinished) return null;
    await writer.idle();
  }
}

/** Opens (or creates) the partial file at `path`; existing bytes are hashed again. */
export async function openPartialFile(path: string, id: string, place: PlaceFile): Promise<PartialUpload> {
  let size = await sizeOf(path);
  // Rehash what an earlier attempt left: the final digest must cover every byte of the file.
  let hash: Hash | null = await hashFile(path);

  const currentHash = async (): Promise<Hash> => {
    // After a failed append the file may hold a chunk the hash never saw: read it again.
    if (hash === null) {
      hash = await hashFile(path);
      size = await sizeOf(path);
    }
    return hash;
  };

  const append = async (source: ByteSource, options: AppendOptions = {}): Promise<number> => {
    const running = await currentHash();
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    let received = size;
    // Bytes are written as they arrive (not buffered in a write stream that a failure would
    // throw away) and only bytes that reached the file count in `size`, so a retry resumes from
    // exactly what is on disk.
    const handle = await open(path, 'a');
    // Chunks are gathered up to WRITE_BATCH_BYTES and written together: one write per network
    // chunk (16–64 KiB) costs a thread-pool round trip each and halves throughput. One writev
    // rather than Buffer.concat + write: concatenating copied every byte into fresh memory, which
    // cost more CPU than the write itself (libuv finishes short writes and splits at IOV_MAX).
    // One batch is written while the next is read, so the network does not wait for the disk.
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let inFlight: Promise<void> | null = null;
    let inFlightBytes = 0;
    let writeFailed = false;
    const sync = createBackgroundSync(handle);
    const startWrite = () => {
      const batch = pending;
      const bytes = pendingBytes;
      pending = [];
      pendingBytes = 0;
      inFlightBytes = bytes;
      const writing = handle.writev(batch);
      // Hashed while the thread pool writes, in file order; on a failed write `hash` is dropped.
      for (const chunk of batch) running.update(chunk);
      inFlight = writing.then(({ bytesWritten }) => {
        if (bytesWritten !== bytes) {
          throw new AppError('internal', `Wrote ${bytesWritten} of ${bytes} bytes to ${path}`);
        }
        received += bytes;
        size = received;
        inFlightBytes = 0;
        options.onBytes?.(received);
        sync.wrote(bytes);
      });
    };
    /** Waits for the batch being written (a failure stops all further writes). */
    const settleWrite = async () => {
      const writing = inFlight;
      inFlight = null;
      try {
        await writing;
      } catch (error) {
        writeFailed = true;
        throw error;
      }
      await sync.check();
    };
    /** Writes the pending bytes once the previous batch is on disk; `wait` also awaits this one. */
    const flush = async (wait: boolean) => {
      await settleWrite();
      if (pendingBytes > 0 && !writeFailed) startWrite();
      if (wait) await settleWrite();
    };
    try {
      for await (const chunk of source) {
        if (received + inFlightBytes + pendingBytes + chunk.byteLength > maxBytes) {
          throw new AppError('too_large', `More than ${maxBytes} bytes`, { detail: { maxBytes } });
        }
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= WRITE_BATCH_BYTES) await flush(false);
      }
      await flush(true);
      await sync.check();
      return size;
    } catch (error) {
      // Bytes that arrived before the failure are good: keep them for the resume (unless a
      // write failed: then nothing more is written after it).
      await flush(true).catch(() => {});
      hash = null;
      throw error;
    } finally {
      await sync.settle();
      await handle.close();
      if (hash === null) size = await sizeOf(path);
    }
  };

  const appendInPlace = async (
    write: (target: InPlaceTarget) => Promise<void>,
    options: AppendOptions = {},
  ): Promise<number> => {
    const running = await currentHash();
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    const offset = size;
    // The writer creates the file when it is empty: a writer that opened an existing file with
    // O_TRUNC (curl does without a resume offset) makes ext4 flush the whole file when it
    // closes it (auto_da_alloc, for replace-via-truncate), which halved download speed.
    if (offset === 0) await rm(path, { force: true });
    const writer = startWriter(write, { path, offset });
    // One buffer for the whole file: the bytes go from the page cache into the hash, no garbage.
    const buffer = Buffer.allocUnsafe(TAIL_READ_BYTES);
    let hashed = offset;
    let handle: FileHandle | null = null;
    let sync: ReturnType<typeof createBackgroundSync> | null = null;
    try {
      // Read-only is enough: fdatasync works on it. null: the writer never created the file.
      handle = await openWhenCreated(path, writer);
      sync = handle === null ? null : createBackgroundSync(handle);
      for (;;) {
        if (handle === null || sync === null) break;
        const writerFinished = writer.finished();
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, hashed);
        if (bytesRead > 0) {
          if (hashed + bytesRead > maxBytes) {
            throw new AppError('too_large', `More than ${maxBytes} bytes`, { detail: { maxBytes } });
          }
          running.update(buffer.subarray(0, bytesRead));
          hashed += bytesRead;
          size = hashed;
          options.onBytes?.(hashed);
          sync.wrote(bytesRead);
          continue;
        }
        // Caught up. Only once the writer had finished before this read is the file complete.
        if (writerFinished) break;
        await writer.idle();
      }
      await writer.done;
      await sync?.check();
    } catch (error) {
      writer.stop(error);
      // The writer must have stopped before the file is looked at (and before a caller discards it).
      await writer.done.catch(() => {});
      throw error;
    } finally {
      await sync?.settle();
      await handle?.close();
      // The hash covers exactly `hashed` bytes; a file of another size (the writer cut it back,
      // or kept writing after a failure) is hashed again on next use.
      const actual = await sizeOf(path);
      if (actual !== hashed) {
        hash = null;
        size = actual;
      }
    }
    return size;
  };

  const discard = async () => {
    await rm(path, { force: true });
    hash = createHash('sha256');
    size = 0;
  };

  return {
    id,
    size: () => size,
    append,
    appendInPlace,
    reset: discard,
    discard,
    commit: async ({ expectedSize } = {}) => {
      const digest = (await currentHash()).digest('hex');
      // A digest ends its hash: a commit that fails below hashes the file again when retried.
      hash = null;
      const actual = await sizeOf(path);
      if (expectedSize !== undefined && actual !== expectedSize) {
        throw new AppError('upstream_error', `Received ${actual} bytes, expected ${expectedSize}`, {
          detail: { actual, expectedSize },
        });
      }
      const key = storageKeyFor(digest);
      await place({ path, key, sha256: digest, size: actual });
      size = 0;
      return { key, sha256: digest, size: actual } satisfies StoredObject;
    },
  };
}
