'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { useDebouncedValue } from '../dashboard/use-debounced-value.ts';
import { DownloadCard } from '../downloads/download-card.tsx';
import { LiveDownloadsProvider, pollInterval, useLiveDownloads } from '../downloads/live-downloads.tsx';
import { useWaitingStatus } from '../downloads/use-waiting-status.ts';
import { buttonStyles } from '../ui/button-styles.ts';
import { LoadMoreButton } from '../ui/load-more-button.tsx';
import { EMPTY_FILTERS, HistoryFilters, type HistoryFilterValues } from './history-filters.tsx';

const PAGE_SIZE = 20;

/** `YYYY-MM-DD` from a date input as the start (or the end) of that day in the person's time zone. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** `initialQuery` comes from `?q=` (the dashboard's "Open it" on a link already saved). */
export function HistoryView({ initialQuery = '' }: { initialQuery?: string }) {
  return (
    <LiveDownloadsProvider>
      <HistoryList initialQuery={initialQuery} />
    </LiveDownloadsProvider>
  );
}

function HistoryList({ initialQuery }: { initialQuery: string }) {
  const trpc = useTRPC();
  const { withLiveStatus, live } = useLiveDownloads();
  const [filters, setFilters] = useState<HistoryFilterValues>({ ...EMPTY_FILTERS, q: initialQuery });
  const q = useDebouncedValue(filters.q.trim(), 250);
  const input = {
    limit: PAGE_SIZE,
    q: q || undefined,
    state: filters.state || undefined,
    kind: filters.kind || undefined,
    from: dayBoundary(filters.from, false),
    to: dayBoundary(filters.to, true),
  };
  const pages = useInfiniteQuery(
    trpc.downloads.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      refetchInterval: (query) =>
        pollInterval(
          query.state.data?.pages.flatMap((page) => page.items),
          live,
        ),
    }),
  );
  const items = (pages.data?.pages.flatMap((page) => page.items) ?? []).map(withLiveStatus);
  const waitingFor = useWaitingStatus(items);
  const filtered =
    q !== '' || filters.state !== '' || filters.kind !== '' || filters.from !== '' || filters.to !== '';

  return (
    <div className="flex flex-col gap-5" data-wide-page>
      <HistoryFilters values={filters} onChange={setFilters} />
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-gray-700" aria-live="polite">
          {pages.isSuccess
            ? items.length === 0
              ? filtered
                ? 'Nothing matches these filters.'
                : 'Nothing saved yet.'
              : `Showing ${items.length}${pages.hasNextPage ? '+' : ''} ${items.length === 1 ? 'item' : 'items'}, newest first.`
            : ''}
        </p>
        {filtered ? (
          <button type="button" className={buttonStyles.small} onClick={() => setFilters(EMPTY_FILTERS)}>
            Clear filters
          </button>
        ) : null}
      </div>
      {pages.isPending ? (
        <p className="h-40 animate-pulse rounded-xl bg-gray-100 p-4 text-gray-700">Loading your history…</p>
      ) : pages.isError ? (
        <p role="alert" className="text-red-900">
          Your history could not be loaded. {pages.error.message}
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {items.map((item) => (
            <li key={item.id} className="min-w-0 has-[[data-preview-open]]:col-span-full">
              <DownloadCard download={item} headingLevel={2} waiting={waitingFor(item.id)} />
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton pages={pages} label="Load more" className="self-center" />
    </div>
  );
}
