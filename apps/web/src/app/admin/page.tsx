import type { Metadata } from 'next';
import { OverviewView } from '../../components/admin/overview-view.tsx';
import { WatchBehindBanner } from '../../components/admin/watch-behind-banner.tsx';
import { requireAdmin } from '../../server/admin/require-admin.ts';

export const metadata: Metadata = { title: 'Queue overview — TikSavr admin' };

export default async function AdminOverviewPage() {
  await requireAdmin();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Queue overview</h1>
      <WatchBehindBanner />
      <OverviewView />
    </>
  );
}
