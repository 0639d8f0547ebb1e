import { createLocalStorage } from './local-storage.ts';
import { createS3Storage } from './s3-storage.ts';
import type { Storage } from './storage.ts';
import type { StorageConfig } from './storage-config.ts';

/** The store a config names (see storage-config.ts). */
export function createStorage(config: StorageConfig): Storage {
  return config.kind === 'local'
    ? createLocalStorage(config.root)
    : createS3Storage({ s3: config.s3, localRoot: config.localRoot });
}
