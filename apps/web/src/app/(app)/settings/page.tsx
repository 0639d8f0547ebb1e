import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '../../../lib/server-session.ts';

export const metadata: Metadata = { title: 'Settings — TikSavr' };

const SECTIONS = [
  {
    href: '/settings/notifications',
    title: 'Notifications',
    text: 'Hear when a save ends or a watched creator posts a story: on this device, or through a webhook.',
  },
  {
    href: '/settings/tokens',
    title: 'API tokens',
    text: 'Save from an iPhone Shortcut, a script or another app with a personal token.',
  },
  {
    href: '/help/shortcuts',
    title: 'Save from your phone',
    text: 'Step by step: the iOS Shortcut and Android’s share sheet.',
  },
] as const;

export default async function SettingsPage() {
  await requireUser();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="block h-full rounded-xl border border-zinc-200 p-4 hover:border-zinc-400 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-zinc-700 dark:hover:border-zinc-500"
            >
              <h2 className="font-semibold">{section.title}</h2>
              <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{section.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
