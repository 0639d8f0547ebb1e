import type { Metadata } from 'next';
import { AdminApiTokensView } from '../../../components/tokens/admin-api-tokens-view.tsx';
import { requireAdmin } from '../../../server/admin/require-admin.ts';

export const metadata: Metadata = { title: 'API tokens — TikSavr admin' };

export default async function AdminApiTokensPage() {
  await requireAdmin();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">API tokens</h1>
      <p className="text-gray-700">
        Every personal API token on this server. A token acts as its owner, never as an admin; revoking it
        stops it at once.
      </p>
      <AdminApiTokensView />
    </>
  );
}
