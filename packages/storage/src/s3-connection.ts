import type { S3Client } from '@aws-sdk/client-s3';
import { AppError } from '@tiksavr/core';
import type { S3Settings } from './storage-config.ts';
import { assertStorageKey } from './storage-key.ts';

export type S3Sdk = typeof import('@aws-sdk/client-s3');

/**
 * One bucket and prefix, and an S3 client for it made on first use. The AWS SDK is imported only
 * then: it adds ~30 MB to a process, which a TikSavr on local storage should not pay.
 */
export type S3Connection = {
  readonly bucket: string;
  /** The object key of a storage key: `prefix/ab/<sha256>`; throws for anything not a storage key. */
  objectKey(key: string): string;
  open(): Promise<{ readonly client: S3Client; readonly sdk: S3Sdk }>;
  /** Closes the client's sockets (tests, shutdown). */
  close(): void;
};

const QUIET_LOGGER = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function createS3Connection(settings: S3Settings): S3Connection {
  let opening: Promise<{ client: S3Client; sdk: S3Sdk }> | null = null;
  let opened: S3Client | null = null;
  const prefix = settings.prefix === '' ? '' : `${settings.prefix}/`;
  return {
    bucket: settings.bucket,
    // The storage key is checked strictly (`ab/<64 hex>`) and the prefix was checked with the
    // config, so a key from a URL or the database can never reach another part of the bucket.
    objectKey: (key) => `${prefix}${assertStorageKey(key)}`,
    open: () => {
      opening ??= import('@aws-sdk/client-s3').then((sdk) => {
        opened = new sdk.S3Client({
          region: settings.region,
          ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
          forcePathStyle: settings.forcePathStyle,
          ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
          // Checksums only where S3 requires them. By default the SDK adds a CRC32 to every
          // upload (as an aws-chunked trailer on streamed bodies), which several S3-compatible
          // servers reject or store wrongly; TikSavr checks content by its sha256 anyway.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
          // The SDK warns on the console when a request with a streamed body fails (it cannot
          // retry those); the upload retries them itself and reports what is left as an AppError.
          logger: QUIET_LOGGER,
        });
        return { client: opened, sdk };
      });
      return opening;
    },
    close: () => opened?.destroy(),
  };
}

/** HTTP status of an SDK failure (404 for a missing object), if it came from the server. */
export function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

/** Any failure of the store as AppError `storage_unavailable` (retryable), keeping the cause. */
export function storageError(what: string, error: unknown): AppError {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new AppError('storage_unavailable', `${what}: ${detail}`, {
    cause: error,
    ...(statusOf(error) === undefined ? {} : { detail: { status: statusOf(error) } }),
  });
}
