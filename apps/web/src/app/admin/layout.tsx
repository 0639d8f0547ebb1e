import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AdminNav } from '../../components/admin/admin-nav.tsx';
import { DownloaderDownBanner } from '../../components/admin/downloader-down-banner.tsx';
import { ThemeToggle } from '../../components/theme/theme-toggle.tsx';
import { TRPCReactProvider } from '../../lib/trpc.tsx';
import { requireAdmin } from '../../server/admin/require-admin.ts';

/** Each admin page sets its own title ("Jobs — TikSavr admin"); this one is the fallback. */
export const metadata: Metadata = { title: 'Admin — TikSavr' };

/** The admin monitor: checked on the server here and again by every page. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  return (
    <TRPCReactProvider>
      <header className="sticky top-0 z-10 border-b border-gray-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
          <Link href="/admin" className="flex items-center gap-2 rounded-md text-lg font-semibold">
            <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-ink text-white">
              A
            </span>
            TikSavr admin
          </Link>
          {/* One row on a phone, scrolling inside itself; wrapped on wider screens. */}
          <nav
            aria-label="Admin"
            className="-mx-3 w-full overflow-x-auto px-1 py-1 sm:mx-0 sm:w-auto sm:overflow-visible"
          >
            <AdminNav />
          </nav>
          <div className="flex items-center gap-3 text-sm text-gray-700">
            <span className="max-w-48 truncate" title={admin.email}>
              {admin.email}
            </span>
            <Link href="/dashboard" className="underline underline-offset-4">
              Back to the app
            </Link>
            <ThemeToggle />
          </div>
        </div>
      </header>
      <DownloaderDownBanner />
      <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6">{children}</main>
    </TRPCReactProvider>
  );
}
