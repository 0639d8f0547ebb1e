import type { Metadata } from 'next';
import { WorkersView } from '../../../components/admin/workers-view.tsx';
import { requireAdmin } from '../../../server/admin/require-admin.ts';

export const metadata: Metadata = { title: 'Workers — TikSavr admin' };

export default async function AdminWorkersPage() {
  await requireAdmin();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Workers</h1>
      <WorkersView />
    </>
  );
}
