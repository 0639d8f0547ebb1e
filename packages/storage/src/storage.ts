import type { Readable } from 'node:stream';

/**
 * Where TikSavr keeps media files: content-addressed (the key is derived from the sha256), so the
 * same bytes are stored once. Two stores implement it: a local folder (local-storage.ts) and an
 * S3-compatible bucket (s3-storage.ts); both receive partial uploads into a local file first.
 */
export type ByteSource = Readable | AsyncIterable<Uint8Array>;

export type StoredObject = {
  /** `ab/<sha256>`; see storage-key.ts. */
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
};

export type WriteOptions = {
  /** Fail with `too_large` as soon as more bytes than this arrive. */
  readonly maxBytes?: number;
  /** Fail (keeping nothing) when the finished file has another size. */
  readonly expectedSize?: number;
};

export type AppendOptions = {
  readonly maxBytes?: number;
  /** Called after each chunk with the partial file's total size. Keep it cheap. */
  readonly onBytes?: (totalBytes: number) => void;
};

/** Where a writer that runs outside this process (e.g. `curl -o`) appends to a partial upload. */
export type InPlaceTarget = {
  /**
   * The partial file: append to it, never rewrite what is before `offset`. When `offset` is 0
   * it does not exist: the writer creates it (not truncating an existing file matters on ext4).
   */
  readonly path: string;
  /** Bytes in the file when writing starts. */
  readonly offset: number;
  /** Aborted when the writer must stop now (e.g. more than `maxBytes` arrived). */
  readonly signal: AbortSignal;
};

/** Inclusive byte positions, as in HTTP `Range`. */
export type ByteRange = { readonly start: number; readonly end?: number };

/**
 * A file being received over possibly several attempts. What was appended stays on disk when a
 * source fails, so the next attempt can ask for `Range: bytes=<size>-` and append the rest.
 */
export type PartialUpload = {
  readonly id: string;
  /** Bytes on disk now (from earlier attempts and appends). */
  size(): number;
  append(source: ByteSource, options?: AppendOptions): Promise<number>;
  /**
   * Only stores with a local file for the partial (absent elsewhere: use `append`). Runs `write`,
   * which appends to the file itself, and hashes the bytes as they land, so the digest is ready
   * when the writer is. `onBytes` and `maxBytes` work as in `append` (too many bytes abort the
   * writer's signal and fail with `too_large`). When `write` fails, the bytes it left stay for a
   * resume; a writer may cut the file back to `offset` to take back what it wrote.
   */
  appendInPlace?(write: (target: InPlaceTarget) => Promise<void>, options?: AppendOptions): Promise<number>;
  /** Forgets the bytes received so far (e.g. the server ignored `Range` and sent the whole file). */
  reset(): Promise<void>;
  /** Makes the file durable and moves it to its content address; the partial is gone afterwards. */
  commit(options?: { readonly expectedSize?: number }): Promise<StoredObject>;
  discard(): Promise<void>;
};

export type ObjectStat = { readonly size: number; readonly modifiedAt: Date };

/** A stored file as `list` finds it. */
export type ListedObject = ObjectStat & { readonly key: string };

export type Storage = {
  write(source: ByteSource, options?: WriteOptions): Promise<StoredObject>;
  /**
   * Opens (or creates) the partial upload `id` (letters, digits, `.`, `_`, `-`). Existing bytes are
   * hashed again, so a resumed file's sha256 covers every byte.
   */
  beginPartial(id: string): Promise<PartialUpload>;
  /** Throws `AppError('internal')` for a malformed key; the stream errors with ENOENT when missing. */
  read(key: string, range?: ByteRange): Readable;
  stat(key: string): Promise<ObjectStat | null>;
  delete(key: string): Promise<void>;
  /** Discards every partial upload whose id starts with `idPrefix`; returns how many. */
  discardPartials(idPrefix: string): Promise<number>;
  /** Removes temp and partial files not touched for `olderThanMs`; returns how many. */
  sweepTemp(olderThanMs: number): Promise<number>;
  /** Names of the temp and partial files present now (for checks and tests). */
  listTemp(): Promise<string[]>;
  /**
   * Every stored file (content addresses only, not temp or partial files), in no given order,
   * fetched page by page as the caller iterates: the orphan sweep compares it with the database.
   */
  list(): AsyncIterable<ListedObject>;
};
