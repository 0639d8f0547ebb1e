import type { Metadata } from 'next';
import { HistoryView } from '../../../components/history/history-view.tsx';

export const metadata: Metadata = { title: 'History — TikSavr' };

export default function HistoryPage() {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">History</h1>
      <HistoryView />
    </>
  );
}
