import { UsersView } from '../../../components/admin/users-view.tsx';
import { requireAdmin } from '../../../server/admin/require-admin.ts';

export default async function AdminUsersPage() {
  const admin = await requireAdmin();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Users</h1>
      <UsersView selfId={admin.id} />
    </>
  );
}
