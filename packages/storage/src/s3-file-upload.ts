import { createReadStream } from 'node:fs';
import type { CompletedPart } from '@aws-sdk/client-s3';
import type { S3Connection } from './s3-connection.ts';
import { storageError } from './s3-connection.ts';

/**
 * Uploads a local file to one object key: one PUT for a small file, a multipart upload for a
 * large one, every request's body streamed from the file (a part is a byte range of it).
 *
 * Why not @aws-sdk/lib-storage's `Upload`: it reads its source into a Buffer per part and keeps
 * `queueSize` of them in memory (measured with the worker's flags on a 500 MB file: +75 MB RSS,
 * against +23 MB for parts streamed from the file). The file is on disk already, so each part
 * can be read from it when its request is sent, and re-read when the part is tried again (the
 * SDK itself never retries a request with a streamed body).
 *
 * Nothing is ever visible under the key before the whole file is there: S3 makes a PUT and a
 * completed multipart upload appear at once. A failed multipart upload is aborted, which drops
 * its parts (a process that dies mid-upload leaves them to the bucket's lifecycle rule).
 */
export type UploadTuning = {
  /** Files from this size up go multipart; also the size of each part (S3's minimum is 5 MiB). */
  readonly partBytes: number;
  /** Parts sent at once. */
  readonly concurrency: number;
  /** Tries per request (a PUT or a part) before the upload fails. */
  readonly attempts: number;
};

export const DEFAULT_UPLOAD_TUNING: UploadTuning = {
  partBytes: 16 * 1024 * 1024,
  concurrency: 4,
  attempts: 3,
};

const MAX_PARTS = 10_000;
const MIB = 1024 * 1024;
const RETRY_PAUSE_MS = 250;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withAttempts<T>(attempts: number, signal: AbortSignal, send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= attempts || signal.aborted) throw error;
      await pause(RETRY_PAUSE_MS * 2 ** (attempt - 1));
    }
  }
}

/** Part size for a file: `partBytes`, larger when the file would need more than 10,000 parts. */
function partSizeFor(size: number, partBytes: number): number {
  const least = Math.ceil(size / MAX_PARTS / MIB) * MIB;
  return Math.max(partBytes, least);
}

export async function uploadFile(
  connection: S3Connection,
  objectKey: string,
  file: { readonly path: string; readonly size: number },
  tuning: UploadTuning = DEFAULT_UPLOAD_TUNING,
): Promise<void> {
  const { client, sdk } = await connection.open();
  const Bucket = connection.bucket;
  const never = new AbortController().signal;
  if (file.size < tuning.partBytes) {
    try {
      await withAttempts(tuning.attempts, never, () =>
        client.send(
          new sdk.PutObjectCommand({
            Bucket,
            Key: objectKey,
            Body: createReadStream(file.path),
            ContentLength: file.size,
            ContentType: 'application/octet-stream',
          }),
        ),
      );
    } catch (error) {
      throw storageError(`Uploading ${objectKey}`, error);
    }
    return;
  }

  let uploadId: string;
  try {
    const created = await client.send(
      new sdk.CreateMultipartUploadCommand({
        Bucket,
        Key: objectKey,
        ContentType: 'application/octet-stream',
      }),
    );
    if (created.UploadId === undefined) throw new Error('CreateMultipartUpload returned no UploadId');
    uploadId = created.UploadId;
  } catch (error) {
    throw storageError(`Starting the upload of ${objectKey}`, error);
  }

  const partSize = partSizeFor(file.size, tuning.partBytes);
  const partCount = Math.ceil(file.size / partSize);
  const parts: CompletedPart[] = new Array(partCount);
  // The first failed part stops the others: their requests are aborted, no new part starts.
  const stop = new AbortController();
  let nextPart = 0;
  const sendParts = async () => {
    while (!stop.signal.aborted && nextPart < partCount) {
      const index = nextPart++;
      const start = index * partSize;
      const end = Math.min(file.size, start + partSize) - 1;
      const answer = await withAttempts(tuning.attempts, stop.signal, () =>
        client.send(
          new sdk.UploadPartCommand({
            Bucket,
            Key: objectKey,
            UploadId: uploadId,
            PartNumber: index + 1,
            Body: createReadStream(file.path, { start, end }),
            ContentLength: end - start + 1,
          }),
          { abortSignal: stop.signal },
        ),
      );
      if (answer.ETag === undefined) throw new Error(`Part ${index + 1} was stored without an ETag`);
      parts[index] = { PartNumber: index + 1, ETag: answer.ETag };
    }
  };
  try {
    const senders = Array.from({ length: Math.min(tuning.concurrency, partCount) }, () =>
      sendParts().catch((error: unknown) => {
        stop.abort(error);
        throw error;
      }),
    );
    await Promise.allSettled(senders);
    // The first failure, not the aborts it caused in the other senders.
    if (stop.signal.aborted) throw stop.signal.reason;
    // The SDK retries this one itself (its body is not a stream). A retry that finds the upload
    // completed already fails, but the next commit finds the object by its HEAD.
    await client.send(
      new sdk.CompleteMultipartUploadCommand({
        Bucket,
        Key: objectKey,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
  } catch (error) {
    // Best effort: if the abort fails too, the bucket's lifecycle rule removes the parts later.
    await client
      .send(new sdk.AbortMultipartUploadCommand({ Bucket, Key: objectKey, UploadId: uploadId }))
      .catch(() => {});
    throw storageError(`Uploading ${objectKey}`, error);
  }
}
