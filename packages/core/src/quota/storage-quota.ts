/** What a person keeps: bytes of their saved items and the items they have (saved or on the way). */
export type StorageUsage = { readonly bytes: number; readonly items: number };

/** A person's limits as they apply (their own or the instance default); null: no limit. */
export type StorageLimits = { readonly maxBytes: number | null; readonly maxItems: number | null };

export type QuotaRefusal =
  | { readonly code: 'quota_items_exceeded'; readonly items: number; readonly maxItems: number }
  | {
      readonly code: 'quota_bytes_exceeded';
      readonly bytes: number;
      readonly maxBytes: number;
      /** What the new item needs, when known (an item already stored by someone else). */
      readonly needBytes: number | null;
    };

/**
 * Whether `adding` more fits the limits: `items` new items, and `bytes` more stored (null: not
 * known yet, so only a person already at their limit is refused). Items are checked first: a
 * person at the item limit hears about items, the one thing deleting must change.
 */
export function quotaRefusalFor(
  usage: StorageUsage,
  limits: StorageLimits,
  adding: { readonly items: number; readonly bytes: number | null },
): QuotaRefusal | null {
  if (limits.maxItems !== null && adding.items > 0 && usage.items + adding.items > limits.maxItems) {
    return { code: 'quota_items_exceeded', items: usage.items, maxItems: limits.maxItems };
  }
  if (limits.maxBytes === null) return null;
  const over =
    adding.bytes === null ? usage.bytes >= limits.maxBytes : usage.bytes + adding.bytes > limits.maxBytes;
  return over
    ? { code: 'quota_bytes_exceeded', bytes: usage.bytes, maxBytes: limits.maxBytes, needBytes: adding.bytes }
    : null;
}

/** How many more items fit (null: no item limit). */
export function itemsLeft(usage: StorageUsage, limits: StorageLimits): number | null {
  return limits.maxItems === null ? null : Math.max(0, limits.maxItems - usage.items);
}

/** How many more bytes fit (null: no storage limit). */
export function bytesLeft(usage: StorageUsage, limits: StorageLimits): number | null {
  return limits.maxBytes === null ? null : Math.max(0, limits.maxBytes - usage.bytes);
}
