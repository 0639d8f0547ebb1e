import { AppError } from '@tiksavr/core';
import { linkStoredFile, type Prisma } from '@tiksavr/db';
import type { Storage } from '@tiksavr/storage';

/**
 * Before an Asset row names a stored file, in the same transaction: the file's row is locked,
 * the object is confirmed present and a pending deletion of it called off (packages/db
 * stored-files). When a deletion removed it between our store and this link, the bytes are gone
 * (the store kept one copy: ours was dropped as a duplicate, or it was ours): the download fails
 * with storage_conflict, which retries and fetches the file again.
 */
export async function linkAssetFile(
  tx: Prisma.TransactionClient,
  storage: Pick<Storage, 'stat'>,
  file: { readonly key: string; readonly size: number },
): Promise<void> {
  if ((await linkStoredFile(tx, storage, file)) === 'missing') {
    throw new AppError('storage_conflict', `stored file ${file.key} was removed before it could be linked`);
  }
}
