import { Readable } from 'node:stream';
import { type S3Connection, statusOf, storageError } from './s3-connection.ts';
import type { ByteRange } from './storage.ts';

/**
 * An object (or a byte range of it) as a Node stream, fetched when first read: one GetObject
 * whose body is passed on as it arrives, paused while the reader is behind. Destroying the
 * stream aborts the request. A missing object fails the stream with `code: 'ENOENT'`, as a
 * missing local file does; any other failure is AppError `storage_unavailable`.
 */
export function readS3Object(connection: S3Connection, key: string, range?: ByteRange): Readable {
  const objectKey = connection.objectKey(key);
  const stop = new AbortController();
  let body: Readable | null = null;
  const stream: Readable = new Readable({
    construct(callback) {
      void (async () => {
        const { client, sdk } = await connection.open();
        const answer = await client.send(
          new sdk.GetObjectCommand({
            Bucket: connection.bucket,
            Key: objectKey,
            ...(range === undefined ? {} : { Range: `bytes=${range.start}-${range.end ?? ''}` }),
          }),
          { abortSignal: stop.signal },
        );
        if (!(answer.Body instanceof Readable)) throw new Error('GetObject gave no Node stream');
        const source = answer.Body;
        body = source;
        source.on('data', (chunk: Buffer) => {
          if (!stream.push(chunk)) source.pause();
        });
        source.once('end', () => stream.push(null));
        source.once('error', (error) => stream.destroy(storageError(`Reading ${objectKey}`, error)));
        source.pause();
      })().then(
        () => callback(),
        (error: unknown) => callback(readFailure(objectKey, error)),
      );
    },
    read() {
      body?.resume();
    },
    destroy(error, callback) {
      stop.abort();
      body?.destroy();
      callback(error);
    },
  });
  return stream;
}

function readFailure(objectKey: string, error: unknown): Error {
  if (statusOf(error) === 404) {
    return Object.assign(new Error(`No object ${objectKey}`, { cause: error }), { code: 'ENOENT' });
  }
  return storageError(`Reading ${objectKey}`, error);
}
