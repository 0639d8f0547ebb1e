import { OverviewView } from '../../components/admin/overview-view.tsx';
import { requireAdmin } from '../../server/admin/require-admin.ts';

export default async function AdminOverviewPage() {
  await requireAdmin();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Queue overview</h1>
      <OverviewView />
    </>
  );
}
