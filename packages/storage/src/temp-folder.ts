import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@tiksavr/core';
import { openPartialFile, type PlaceFile } from './partial-file.ts';
import type { ByteSource, PartialUpload, Storage, StoredObject, WriteOptions } from './storage.ts';

/**
 * The local folder where files are received before a store keeps them (`partial-<id>` files),
 * the same for every store: the local one renames a finished file into place, the S3 one uploads
 * it. Holds the parts of `Storage` that only concern this folder.
 */
export type TempFolder = Pick<Storage, 'discardPartials' | 'sweepTemp' | 'listTemp'> & {
  beginPartial(id: string, place: PlaceFile): Promise<PartialUpload>;
  /** `Storage.write`: the source through a partial file, committed with `place`. */
  write(source: ByteSource, options: WriteOptions, place: PlaceFile): Promise<StoredObject>;
};

const PARTIAL_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const PARTIAL_PREFIX = 'partial-';

export function createTempFolder(tmpDir: string): TempFolder {
  const ready = mkdir(tmpDir, { recursive: true });

  const beginPartial = async (id: string, place: PlaceFile): Promise<PartialUpload> => {
    if (!PARTIAL_ID.test(id) || id.includes('..')) throw new AppError('internal', `Bad partial id: ${id}`);
    await ready;
    return openPartialFile(join(tmpDir, `${PARTIAL_PREFIX}${id}`), id, place);
  };

  return {
    beginPartial,
    write: async (source, options, place) => {
      const partial = await beginPartial(`write-${randomUUID()}`, place);
      try {
        await partial.append(source, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
        return await partial.commit(
          options.expectedSize === undefined ? {} : { expectedSize: options.expectedSize },
        );
      } catch (error) {
        await partial.discard();
        throw error;
      }
    },
    discardPartials: async (idPrefix: string) => {
      if (idPrefix === '' || !PARTIAL_ID.test(idPrefix)) {
        throw new AppError('internal', `Bad partial id prefix: ${idPrefix}`);
      }
      await ready;
      let removed = 0;
      for (const name of await readdir(tmpDir)) {
        if (!name.startsWith(`${PARTIAL_PREFIX}${idPrefix}`)) continue;
        await rm(join(tmpDir, name), { force: true });
        removed++;
      }
      return removed;
    },
    listTemp: async () => {
      await ready;
      return readdir(tmpDir);
    },
    sweepTemp: async (olderThanMs: number) => {
      await ready;
      const cutoff = Date.now() - olderThanMs;
      let removed = 0;
      for (const name of await readdir(tmpDir)) {
        const path = join(tmpDir, name);
        const info = await stat(path).catch(() => null);
        if (info === null || info.mtimeMs > cutoff) continue;
        await rm(path, { force: true, recursive: true });
        removed++;
      }
      return removed;
    },
  };
}
