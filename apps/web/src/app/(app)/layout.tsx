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
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">{children}</main>
    </TRPCReactProvider>
  );
}
