import { formatByteSize, formatCount } from './byte-size.ts';
import type { QuotaRefusal, StorageLimits, StorageUsage } from './storage-quota.ts';

const WHAT_TO_DO_ITEMS =
  'Delete items you no longer need (pinned ones stay until you unpin them), or ask the admin for a higher limit.';
const WHAT_TO_DO_BYTES =
  'Delete items you no longer need (pinned ones stay until you unpin them), or ask the admin for more room.';

/** What a person reads when a limit stops a save: how much they use, and what to do. */
export function quotaRefusalWords(refusal: QuotaRefusal): string {
  if (refusal.code === 'quota_items_exceeded') {
    return `You have ${formatCount(refusal.items)} of your ${formatCount(refusal.maxItems)} items. ${WHAT_TO_DO_ITEMS}`;
  }
  const using = `you are using ${formatByteSize(refusal.bytes)} of your ${formatByteSize(refusal.maxBytes)}`;
  if (refusal.needBytes === null) return `Your storage is full: ${using}. ${WHAT_TO_DO_BYTES}`;
  return `This needs ${formatByteSize(refusal.needBytes)}, and ${using}. ${WHAT_TO_DO_BYTES}`;
}

/** What a file larger than the room left reads (its size is known only once it arrives). */
export function quotaRoomLeftWords(usage: StorageUsage, maxBytes: number): string {
  const left = Math.max(0, maxBytes - usage.bytes);
  return `This is larger than the ${formatByteSize(left)} you have left of your ${formatByteSize(maxBytes)}. ${WHAT_TO_DO_BYTES}`;
}

/** "Using 1.2 GB of 5 GB · 340 of 1,000 items"; a part without a limit reads "Using 1.2 GB". */
export function usageWords(usage: StorageUsage, limits: StorageLimits): string {
  const bytes =
    limits.maxBytes === null
      ? `Using ${formatByteSize(usage.bytes)}`
      : `Using ${formatByteSize(usage.bytes)} of ${formatByteSize(limits.maxBytes)}`;
  const noun = (n: number) => (n === 1 ? 'item' : 'items');
  const items =
    limits.maxItems === null
      ? `${formatCount(usage.items)} ${noun(usage.items)}`
      : `${formatCount(usage.items)} of ${formatCount(limits.maxItems)} ${noun(limits.maxItems)}`;
  return `${bytes} · ${items}`;
}
