import Link from 'next/link';
import type { SignedInUser } from '../../lib/server-session.ts';
import { AppHeader } from '../nav/app-header.tsx';
import { BrandLink } from '../nav/brand-link.tsx';
import { ThemeToggle } from '../theme/theme-toggle.tsx';

/** The header of pages anyone may read (API reference, shortcut guide): the app's own when signed in. */
export function DocsHeader({ user }: { user: SignedInUser | null }) {
  if (user) return <AppHeader email={user.email} isAdmin={user.role === 'admin'} />;
  return (
    <header className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
      <BrandLink />
      <div className="flex items-center gap-1">
        <Link href="/sign-in" className="rounded-md px-2 py-2 font-medium underline underline-offset-2">
          Sign in
        </Link>
        <ThemeToggle />
      </div>
    </header>
  );
}
