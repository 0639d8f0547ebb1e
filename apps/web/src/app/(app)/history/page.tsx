import type { Metadata } from 'next';
import { HistoryView } from '../../../components/history/history-view.tsx';
import { UsageSummary } from '../../../components/usage/usage-summary.tsx';
import { requireUser } from '../../../lib/server-session.ts';

export const metadata: Metadata = { title: 'History — TikSavr' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?q=` starts with that search (the dashboard links a link already saved here). */
export default async function HistoryPage({ searchParams }: { searchParams: SearchParams }) {
  // Checked here too: a client-side navigation re-renders the page but not the layout.
  const [params] = await Promise.all([searchParams, requireUser()]);
  const q = [params.q].flat()[0]?.trim().slice(0, 200) ?? '';
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">History</h1>
      <UsageSummary />
      <HistoryView initialQuery={q} />
    </>
  );
}
