import type { Metadata } from 'next';
import { UpstreamView } from '../../../components/admin/upstream-view.tsx';
import { requireAdmin } from '../../../server/admin/require-admin.ts';

export const metadata: Metadata = { title: 'Watches and TikTok budget — TikSavr admin' };

export default async function AdminUpstreamPage() {
  await requireAdmin();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Watches and TikTok budget</h1>
      <UpstreamView />
    </>
  );
}
