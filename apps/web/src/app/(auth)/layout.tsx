import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { BrandLink } from '../../components/nav/brand-link.tsx';
import { ThemeToggle } from '../../components/theme/theme-toggle.tsx';
import { currentUser } from '../../lib/server-session.ts';

/** Sign-in and sign-up: signed-in people go straight to their dashboard. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await currentUser()) redirect('/dashboard');
  return (
    <div className="mx-auto flex max-w-md flex-col gap-8 px-5 py-8 sm:py-16">
      <header className="flex items-center justify-between">
        <BrandLink />
        <div className="flex items-center gap-1">
          <Link
            href="/help"
            className="rounded-md px-2 py-2 font-medium text-gray-800 underline underline-offset-2"
          >
            Help
          </Link>
          <ThemeToggle />
        </div>
      </header>
      <main className="flex flex-col gap-6">{children}</main>
    </div>
  );
}
