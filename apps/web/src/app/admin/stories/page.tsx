import type { Metadata } from 'next';
import { AtRiskView } from '../../../components/admin/at-risk-view.tsx';
import { requireAdmin } from '../../../server/admin/require-admin.ts';

export const metadata: Metadata = { title: 'Stories at risk — TikSavr admin' };

export default async function AdminStoriesPage() {
  await requireAdmin();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Stories at risk</h1>
      <AtRiskView />
    </>
  );
}
