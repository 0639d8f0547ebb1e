import { randomBytes } from 'node:crypto';
import { type IdSource, randomIdSource } from './id-source.ts';

/**
 * Identifiers shaped like TikTok's. Post and user ids are snowflakes whose upper bits are
 * unix seconds (tiktok-upstream.md §1): they exceed 2^53, so they stay BigInt → string.
 */

/** `((createTimeSeconds − rand(1..11)) << 32) | rand32`, as observed on 12 real posts. */
export function mintItemId(createTimeSeconds: number, source: IdSource = randomIdSource): string {
  const idSeconds = BigInt(createTimeSeconds - source.int(1, 12));
  const low = BigInt(source.bytes(4).readUInt32BE(0));
  return ((idSeconds << 32n) | low).toString();
}

/** Seconds encoded in an id (`id >> 32`). */
export function secondsFromId(id: string): number {
  return Number(BigInt(id) >> 32n);
}

/** `MS4wLjABAAAA` + 64 url-safe characters, the shape of every real secUid. */
export function mintSecUid(source: IdSource = randomIdSource): string {
  return `MS4wLjABAAAA${source.bytes(48).toString('base64url')}`;
}

/** A short-link code like `ZS4GyN38b`: `Z` + 8 letters/digits. */
export function mintShortCode(source: IdSource = randomIdSource): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let code = 'Z';
  for (let i = 0; i < 8; i++) code += alphabet[source.int(0, alphabet.length)];
  return code;
}

/** The storage id of a video (`v12044gd0000` + 20 lowercase characters), used in `UrlKey`. */
export function mintVideoStorageId(source: IdSource = randomIdSource): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let tail = '';
  for (let i = 0; i < 20; i++) tail += alphabet[source.int(0, alphabet.length)];
  return `v12044gd0000${tail}`;
}

/** A request log id like `20250524171228B02A850655F0F878877E` (UTC time + 20 hex). */
export function mintLogId(epochMs: number): string {
  const stamp = new Date(epochMs).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return stamp + randomBytes(10).toString('hex').toUpperCase();
}
