import type { ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import type { S3Connection } from './s3-connection.ts';
import { storageError } from './s3-connection.ts';
import type { ListedObject } from './storage.ts';
import { isStorageKey } from './storage-key.ts';

/**
 * The stored files under the connection's prefix, one ListObjectsV2 page (up to 1,000 keys) at a
 * time as the caller iterates. Objects that are not content addresses (anything else someone put
 * under the prefix) are skipped.
 */
export async function* listS3Objects(connection: S3Connection, prefix: string): AsyncGenerator<ListedObject> {
  const { client, sdk } = await connection.open();
  const keyPrefix = prefix === '' ? '' : `${prefix}/`;
  let continuationToken: string | undefined;
  do {
    let page: ListObjectsV2CommandOutput;
    try {
      page = await client.send(
        new sdk.ListObjectsV2Command({
          Bucket: connection.bucket,
          ...(keyPrefix === '' ? {} : { Prefix: keyPrefix }),
          ...(continuationToken === undefined ? {} : { ContinuationToken: continuationToken }),
        }),
      );
    } catch (error) {
      throw storageError(`Listing ${keyPrefix || 'the bucket'}`, error);
    }
    for (const object of page.Contents ?? []) {
      const key = object.Key?.slice(keyPrefix.length);
      if (key === undefined || !object.Key?.startsWith(keyPrefix) || !isStorageKey(key)) continue;
      yield { key, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
    }
    continuationToken = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (continuationToken !== undefined);
}
