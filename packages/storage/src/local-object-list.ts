import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isMissing } from './partial-file.ts';
import type { ListedObject } from './storage.ts';
import { isStorageKey } from './storage-key.ts';

const FAN_OUT_DIR = /^[0-9a-f]{2}$/;

/**
 * The stored files under a local store's `media/` folder (`ab/<sha256>`), one directory entry at
 * a time (`opendir`, so a store of a million files is never read into one array). Anything that
 * is not a content address (a stray file, a folder someone made) is skipped, and a file removed
 * while the walk runs is simply not listed.
 */
export async function* listLocalObjects(mediaDir: string): AsyncGenerator<ListedObject> {
  let top: Awaited<ReturnType<typeof opendir>>;
  try {
    top = await opendir(mediaDir);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for await (const fanOut of top) {
    if (!fanOut.isDirectory() || !FAN_OUT_DIR.test(fanOut.name)) continue;
    let inner: Awaited<ReturnType<typeof opendir>>;
    try {
      inner = await opendir(join(mediaDir, fanOut.name));
    } catch (error) {
      if (isMissing(error)) continue;
      throw error;
    }
    for await (const entry of inner) {
      const key = `${fanOut.name}/${entry.name}`;
      if (!entry.isFile() || !isStorageKey(key)) continue;
      const info = await stat(join(mediaDir, fanOut.name, entry.name)).catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      });
      if (info !== null) yield { key, size: info.size, modifiedAt: info.mtime };
    }
  }
}
