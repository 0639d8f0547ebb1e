import type { Metadata } from 'next';
import { DashboardView } from '../../../components/dashboard/dashboard-view.tsx';
import { requireUser } from '../../../lib/server-session.ts';

export const metadata: Metadata = { title: 'Dashboard — TikSavr' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/** `?url=`, `?text=` and `?title=` come from the phone's Share menu (the manifest's share_target). */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  // Checked here too: a client-side navigation re-renders the page but not the layout.
  const [params] = await Promise.all([searchParams, requireUser()]);
  const shared = [first(params.url), first(params.text), first(params.title)].filter(
    (part) => part.length > 0,
  );
  const initialText = [...new Set(shared)].join('\n');
  return (
    <>
      <h1 className="sr-only">Dashboard</h1>
      <DashboardView initialText={initialText} />
    </>
  );
}
