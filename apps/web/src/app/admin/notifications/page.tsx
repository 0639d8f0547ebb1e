import type { Metadata } from 'next';
import { AdminNotificationsView } from '../../../components/notifications/admin-notifications-view.tsx';
import { requireAdmin } from '../../../server/admin/require-admin.ts';

export const metadata: Metadata = { title: 'Notifications — TikSavr admin' };

export default async function AdminNotificationsPage() {
  await requireAdmin();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Notifications</h1>
      <AdminNotificationsView />
    </>
  );
}
