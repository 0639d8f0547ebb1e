import type { Metadata } from 'next';
import { NotificationSettings } from '../../../../components/notifications/notification-settings.tsx';
import { requireUser } from '../../../../lib/server-session.ts';

export const metadata: Metadata = { title: 'Notifications — TikSavr' };

export default async function NotificationsSettingsPage() {
  // Checked here too: a client-side navigation re-renders the page but not the layout.
  await requireUser();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Notifications</h1>
      <NotificationSettings />
    </>
  );
}
