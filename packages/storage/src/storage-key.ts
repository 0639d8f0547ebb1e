import { AppError } from '@tiksavr/core';

/**
 * A stored file's key: `ab/<sha256>` where `ab` is the hash's first two hex digits. The format is
 * checked strictly so a key read from the database or a URL can never name a path outside the
 * storage root (`../`, absolute paths, NUL bytes and anything else simply do not match).
 */
const STORAGE_KEY = /^([0-9a-f]{2})\/([0-9a-f]{64})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isStorageKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = STORAGE_KEY.exec(value);
  return match !== null && match[2]?.startsWith(match[1] ?? '') === true;
}

export function assertStorageKey(value: unknown): string {
  if (!isStorageKey(value)) {
    throw new AppError('internal', `Not a storage key: ${JSON.stringify(String(value)).slice(0, 80)}`);
  }
  return value;
}

/** The key of the content whose sha256 (lower-case hex) is given. */
export function storageKeyFor(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new AppError('internal', 'Not a sha256 hex digest');
  return `${sha256.slice(0, 2)}/${sha256}`;
}
