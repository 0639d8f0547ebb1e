'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../../lib/trpc.tsx';
import { DownloadCard } from '../downloads/download-card.tsx';
import { pollInterval, useLiveDownloads } from '../downloads/live-downloads.tsx';

const RECENT_LIMIT = 20;

/** The newest saves, with live status; the ones saved on this visit open their files when done. */
export function RecentDownloads({ openIds }: { openIds: ReadonlySet<string> }) {
  const trpc = useTRPC();
  const { withLiveStatus, live } = useLiveDownloads();
  const list = useQuery(
    trpc.downloads.list.queryOptions(
      { limit: RECENT_LIMIT },
      { refetchInterval: (query) => pollInterval(query.state.data?.items, live) },
    ),
  );
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
      ) : list.data.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-gray-700">
          Nothing saved yet. Paste a link above to start.
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {list.data.items.map((item) => (
            <li key={item.id}>
              <DownloadCard download={withLiveStatus(item)} filesOpen={openIds.has(item.id)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
