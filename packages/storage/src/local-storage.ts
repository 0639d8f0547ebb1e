import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { listLocalObjects } from './local-object-list.ts';
import { isMissing, type PlaceFile, sizeOf } from './partial-file.ts';
import type { ByteRange, ObjectStat, Storage } from './storage.ts';
import { assertStorageKey } from './storage-key.ts';
import { createTempFolder } from './temp-folder.ts';

/**
 * Storage on the local file system:
 * `<root>/tmp/` holds files being received (`partial-<id>`), `<root>/media/ab/<sha256>` the stored
 * ones. A file is hashed while it streams in, fsynced, then renamed into place, so a reader never
 * sees half a file and a crash leaves at most a temp file (swept at start).
 */
async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function createLocalStorage(rootDir: string): Storage {
  const temp = createTempFolder(join(rootDir, 'tmp'));
  const mediaDir = join(rootDir, 'media');
  const ready = mkdir(mediaDir, { recursive: true });
  const pathOf = (key: string) => join(mediaDir, ...assertStorageKey(key).split('/'));

  /** fsync, then rename into place (or drop it when the same content is stored already). */
  const place: PlaceFile = async ({ path, key, size }) => {
    await ready;
    await fsyncPath(path);
    const target = pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    if ((await sizeOf(target)) === size && size > 0) {
      await unlink(path); // the same content is already stored: keep one copy
    } else {
      await rename(path, target);
      await fsyncPath(dirname(target));
    }
  };

  return {
    beginPartial: (id) => temp.beginPartial(id, place),
    write: (source, options = {}) => temp.write(source, options, place),
    read: (key: string, range?: ByteRange): Readable =>
      createReadStream(
        pathOf(key),
        range === undefined
          ? {}
          : { start: range.start, ...(range.end === undefined ? {} : { end: range.end }) },
      ),
    stat: async (key: string): Promise<ObjectStat | null> => {
      try {
        const info = await stat(pathOf(key));
        return { size: info.size, modifiedAt: info.mtime };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    delete: async (key: string) => {
      await rm(pathOf(key), { force: true });
    },
    discardPartials: temp.discardPartials,
    listTemp: temp.listTemp,
    list: () => listLocalObjects(mediaDir),
    sweepTemp: temp.sweepTemp,
  };
}

/** Test and tooling helper: marks a temp file as last touched `ageMs` ago. */
export async function ageTempFile(rootDir: string, name: string, ageMs: number): Promise<void> {
  const when = new Date(Date.now() - ageMs);
  await utimes(join(rootDir, 'tmp', name), when, when);
}
