import type { Metadata } from 'next';
import { UsersView } from '../../../components/admin/users-view.tsx';
import { StorageSettingsForm } from '../../../components/usage/storage-settings-form.tsx';
import { requireAdmin } from '../../../server/admin/require-admin.ts';

export const metadata: Metadata = { title: 'Users — TikSavr admin' };

export default async function AdminUsersPage() {
  const admin = await requireAdmin();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Users</h1>
      <StorageSettingsForm />
      <UsersView selfId={admin.id} />
    </>
  );
}
