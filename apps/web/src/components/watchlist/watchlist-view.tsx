'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.tsx';
import { AddWatchForm } from './add-watch-form.tsx';
import { intervalWords } from './check-time-words.ts';
import { useClock } from './use-clock.ts';
import { WatchRow } from './watch-row.tsx';

/** Checks land in the background; the list re-reads itself this often to show them. */
const REFRESH_MS = 15_000;

/** The Watchlist: add a creator, and every watched creator with its checks and controls. */
export function WatchlistView() {
  const trpc = useTRPC();
  const list = useQuery(trpc.watches.list.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const now = useClock();
  const checkEvery = list.data ? intervalWords(list.data.intervalSeconds) : null;
  return (
    <div className="flex flex-col gap-6">
      <AddWatchForm checkEvery={checkEvery} />
      {list.error ? <p role="alert">Could not load your watchlist: {list.error.message}</p> : null}
      {!list.data && !list.error ? <p aria-busy="true">Loading…</p> : null}
      {list.data ? (
        <section aria-labelledby="watched-heading" className="flex flex-col gap-3">
          <h2 id="watched-heading" className="text-lg font-semibold">
            Watching {list.data.watches.length} {list.data.watches.length === 1 ? 'creator' : 'creators'}
            <span className="text-sm font-normal text-gray-700"> (up to {list.data.limit})</span>
          </h2>
          {list.data.watches.length === 0 ? (
            <p className="rounded-xl border border-gray-200 p-6 text-center text-gray-700">
              You don’t watch anyone yet. Add a creator above, or use “Watch” on something you saved.
            </p>
          ) : (
            <ul className="flex flex-col gap-3" aria-label="Watched creators">
              {list.data.watches.map((watch) => (
                <WatchRow key={watch.id} watch={watch} now={now} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
