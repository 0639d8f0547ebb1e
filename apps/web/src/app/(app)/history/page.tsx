import type { Metadata } from 'next';
import { HistoryView } from '../../../components/history/history-view.tsx';
import { requireUser } from '../../../lib/server-session.ts';

export const metadata: Metadata = { title: 'History — TikSavr' };

export default async function HistoryPage() {
  // Checked here too: a client-side navigation re-renders the page but not the layout.
  await requireUser();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">History</h1>
      <HistoryView />
    </>
  );
}
