/**
 * Readers for untrusted JSON taken from TikTok pages. TikTok sends the same field as a number
 * in one response and as a string in the next (`createTime`, `DataSize`, `collectCount`), and
 * any field may be missing or null. These readers never throw: a value of the wrong shape reads
 * as "absent" (`undefined`).
 *
 * Why not zod here: the raw item is a few hundred fields of which we read about forty, with
 * per-field fallbacks (statsV2 before stats, PlayAddrStruct before video.width, …). Expressing
 * "string or number, else absent, never fail the whole object" for every field in a schema is
 * longer and slower than these five readers; the *output* (`TikTokItem`) is a zod schema.
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string, or undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A decimal id as a string. Numbers are accepted only while they are exact (ids above 2^53 are not). */
export function asIdString(value: unknown): string | undefined {
  if (typeof value === 'string') return /^\d{1,25}$/.test(value) ? value : undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

/** A finite number from a number or a plain decimal string ("3853020", "31.9"); else undefined. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d{1,20}(\.\d{1,20})?$/.test(value)) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** A whole number ≥ 0 (sizes, dimensions, counts); negative values (int32 overflow) read as absent. */
export function asCount(value: unknown): number | undefined {
  const parsed = asNumber(value);
  return parsed !== undefined && parsed >= 0 && Number.isSafeInteger(Math.trunc(parsed))
    ? Math.trunc(parsed)
    : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** Follows a path of keys through nested records; undefined as soon as a step is missing. */
export function pathOf(value: unknown, ...keys: readonly string[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    const record = asRecord(current);
    if (record === undefined || !Object.hasOwn(record, key)) return undefined;
    current = record[key];
  }
  return current;
}
