'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { DownloadCard } from '../downloads/download-card.tsx';
import { pollInterval, useLiveDownloads } from '../downloads/live-downloads.tsx';
import { useWaitingStatus } from '../downloads/use-waiting-status.ts';
import { buttonStyles } from '../ui/button-styles.ts';

const RECENT_LIMIT = 20;
/** The newest few are shown; the rest wait behind "Show N more" so the paste box stays close. */
const SHOWN_AT_FIRST = 6;

/** The dashboard's newest saves, with live status (the paste form reads the same query). */
export function useRecentDownloads() {
  const trpc = useTRPC();
  const { withLiveStatus, live } = useLiveDownloads();
  const list = useQuery(
    trpc.downloads.list.queryOptions(
      { limit: RECENT_LIMIT },
      { refetchInterval: (query) => pollInterval(query.state.data?.items, live) },
    ),
  );
  const items = list.data?.items.map(withLiveStatus) ?? [];
  return { list, items };
}

/**
 * The newest saves as a grid of cards, with live status. The newest few (and everything saved on
 * this visit) show; older ones open with "Show N more".
 */
export function RecentDownloads({ justSaved }: { justSaved: ReadonlySet<string> }) {
  const { list, items } = useRecentDownloads();
  const waitingFor = useWaitingStatus(items);
  const [expanded, setExpanded] = useState(false);
  const savedNow = items.filter((item) => justSaved.has(item.id)).length;
  const shown = expanded ? items : items.slice(0, Math.max(SHOWN_AT_FIRST, savedNow));
  const hidden = items.length - shown.length;
  return (
    <section aria-labelledby="recent" className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="recent" className="text-lg font-semibold">
          Recent saves
        </h2>
        <Link href="/history" className="text-sm font-medium text-brand-600 underline underline-offset-2">
          All of your history
        </Link>
      </div>
      {list.isPending ? (
        <p className="h-40 animate-pulse rounded-xl bg-gray-100 p-4 text-gray-700">Loading your saves…</p>
      ) : list.isError ? (
        <p role="alert" className="text-red-900">
          Your saves could not be loaded. {list.error.message}
        </p>
      ) : items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-gray-700">
          Nothing saved yet. Paste a link above to start.
        </p>
      ) : (
        <>
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {shown.map((item) => (
              <li key={item.id} className="min-w-0 has-[[data-preview-open]]:col-span-full">
                <DownloadCard download={item} waiting={waitingFor(item.id)} />
              </li>
            ))}
          </ul>
          {hidden > 0 ? (
            <button
              type="button"
              className={`${buttonStyles.secondary} self-center`}
              onClick={() => setExpanded(true)}
            >
              Show {hidden} more
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
