import type { SimRequestKind, SimRequestLogEntry } from './sim-types.ts';

/**
 * Every request the sim answered, in order, for tests that count what reached "TikTok" (the
 * politeness budget: requests per minute; "the media was served once"). Bounded: past
 * MAX_ENTRIES the oldest tenth is dropped, while `seq` keeps counting, so a reader that
 * polls with `since` loses nothing as long as it keeps up.
 */
export type RequestLog = {
  record(entry: Omit<SimRequestLogEntry, 'seq' | 'status'>): SimRequestLogEntry;
  /** Copies of the entries with a seq above `sinceSeq`, oldest first. */
  since(sinceSeq: number): SimRequestLogEntry[];
  clear(): void;
};

const MAX_ENTRIES = 200_000;

/** Which log kind a request path is (control requests are not logged). */
export function requestKindOf(path: string, isShortLink: boolean): SimRequestKind {
  if (isShortLink) return 'short_link';
  if (path.startsWith('/api/')) return 'api';
  if (path.startsWith('/cdn/') || path.startsWith('/aweme/v1/play')) return 'media';
  return 'page';
}

export function createRequestLog(): RequestLog {
  let entries: SimRequestLogEntry[] = [];
  let lastSeq = 0;

  /** Index of the first entry with a seq above `sinceSeq` (seqs only grow). */
  function firstAfter(sinceSeq: number): number {
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((entries[middle]?.seq ?? 0) <= sinceSeq) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  return {
    record(fields) {
      lastSeq += 1;
      const entry: SimRequestLogEntry = { seq: lastSeq, ...fields, status: null };
      entries.push(entry);
      if (entries.length > MAX_ENTRIES) entries = entries.slice(MAX_ENTRIES / 10);
      return entry;
    },
    since(sinceSeq) {
      const from = Number.isFinite(sinceSeq) ? firstAfter(sinceSeq) : 0;
      return entries.slice(from).map((entry) => ({ ...entry }));
    },
    clear() {
      entries = [];
    },
  };
}
