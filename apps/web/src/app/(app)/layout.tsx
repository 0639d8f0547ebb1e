import type { ReactNode } from 'react';
import { AppHeader } from '../../components/nav/app-header.tsx';
import { requireUser } from '../../lib/server-session.ts';
import { TRPCReactProvider } from '../../lib/trpc.tsx';

/** Signed-in pages: the session is checked on the server before anything renders. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <TRPCReactProvider>
      <AppHeader email={user.email} isAdmin={user.role === 'admin'} />
      {/* A page that lays out a grid of cards marks itself `data-wide-page` and gets the full width. */}
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6 has-[[data-wide-page]]:max-w-6xl">
        {children}
      </main>
    </TRPCReactProvider>
  );
}
