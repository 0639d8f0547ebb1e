import type { Metadata } from 'next';
import { ApiTokensView } from '../../../../components/tokens/api-tokens-view.tsx';
import { requireUser } from '../../../../lib/server-session.ts';

export const metadata: Metadata = { title: 'API tokens — TikSavr' };

export default async function ApiTokensPage() {
  // Checked here too: a client-side navigation re-renders the page but not the layout.
  await requireUser();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">API tokens</h1>
      <ApiTokensView />
    </>
  );
}
