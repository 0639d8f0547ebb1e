import type { Metadata } from 'next';
import { WatchlistView } from '../../../components/watchlist/watchlist-view.tsx';
import { requireUser } from '../../../lib/server-session.ts';

export const metadata: Metadata = { title: 'Watchlist — TikSavr' };

export default async function WatchlistPage() {
  // Checked here too: a client-side navigation re-renders the page but not the layout.
  await requireUser();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Watchlist</h1>
      <WatchlistView />
    </>
  );
}
