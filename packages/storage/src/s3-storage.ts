import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlaceFile } from './partial-file.ts';
import { createS3Connection, type S3Connection, statusOf, storageError } from './s3-connection.ts';
import { DEFAULT_UPLOAD_TUNING, type UploadTuning, uploadFile } from './s3-file-upload.ts';
import { listS3Objects } from './s3-object-list.ts';
import { readS3Object } from './s3-object-stream.ts';
import type { ObjectStat, Storage } from './storage.ts';
import type { S3Settings } from './storage-config.ts';
import { createTempFolder } from './temp-folder.ts';

export type S3StorageOptions = {
  readonly s3: S3Settings;
  /** The local folder whose `tmp/` holds files being received (the worker's DATA_DIR). */
  readonly localRoot: string;
  /** Part size, parallel parts and tries; the defaults suit a worker (see s3-file-upload.ts). */
  readonly upload?: Partial<UploadTuning>;
};

/** The Storage plus what only an S3 store has. */
export type S3Storage = Storage & {
  readonly connection: S3Connection;
  /** Closes the client's sockets. */
  close(): void;
};

/**
 * Storage in an S3-compatible bucket: object `prefix/ab/<sha256>`, written once, never changed.
 *
 * - Receiving stays local: a partial upload is a file in `<localRoot>/tmp`, exactly as with the
 *   local store, so interrupted transfers resume with `Range` and curl can write it in place
 *   (`appendInPlace`). `commit` then uploads the finished file and removes it.
 * - Dedup: a HEAD before the upload; an object of the same size under the same content address is
 *   the same file, so nothing is sent.
 * - An upload interrupted by a failure is aborted and the partial file is kept, so the next
 *   `commit` (the job's retry) uploads it again from the start. An S3 multipart upload could be
 *   resumed part by part, but that needs its upload id and part list kept across processes and
 *   checked against the file; a clean restart is simple and costs at most one more upload.
 * - Reads are ranged GetObjects streamed through the caller (the web app checks the owner, sets
 *   the file name, and the bucket needs no public endpoint).
 */
export function createS3Storage(options: S3StorageOptions): S3Storage {
  const connection = createS3Connection(options.s3);
  const tuning: UploadTuning = { ...DEFAULT_UPLOAD_TUNING, ...options.upload };
  const temp = createTempFolder(join(options.localRoot, 'tmp'));

  const stat = async (key: string): Promise<ObjectStat | null> => {
    const objectKey = connection.objectKey(key);
    const { client, sdk } = await connection.open();
    try {
      const head = await client.send(
        new sdk.HeadObjectCommand({ Bucket: connection.bucket, Key: objectKey }),
      );
      return { size: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw storageError(`Looking up ${objectKey}`, error);
    }
  };

  const place: PlaceFile = async ({ path, key, size }) => {
    const existing = await stat(key);
    if (existing?.size !== size)
      await uploadFile(connection, connection.objectKey(key), { path, size }, tuning);
    await unlink(path);
  };

  return {
    connection,
    close: () => connection.close(),
    beginPartial: (id) => temp.beginPartial(id, place),
    write: (source, writeOptions = {}) => temp.write(source, writeOptions, place),
    read: (key, range) => readS3Object(connection, key, range),
    stat,
    delete: async (key) => {
      const objectKey = connection.objectKey(key);
      const { client, sdk } = await connection.open();
      try {
        await client.send(new sdk.DeleteObjectCommand({ Bucket: connection.bucket, Key: objectKey }));
      } catch (error) {
        if (statusOf(error) !== 404) throw storageError(`Deleting ${objectKey}`, error);
      }
    },
    discardPartials: temp.discardPartials,
    listTemp: temp.listTemp,
    sweepTemp: temp.sweepTemp,
    list: () => listS3Objects(connection, options.s3.prefix),
  };
}
