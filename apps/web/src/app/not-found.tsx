import type { Metadata } from 'next';
import Link from 'next/link';
import { BrandLink } from '../components/nav/brand-link.tsx';
import { ThemeToggle } from '../components/theme/theme-toggle.tsx';
import { buttonStyles } from '../components/ui/button-styles.ts';

export const metadata: Metadata = { title: 'Page not found — TikSavr' };

/** Every unknown address, and every `notFound()` (an admin page for someone who is not an admin). */
export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-10 px-5 py-8 sm:py-16">
      <header className="flex items-center justify-between gap-3">
        <BrandLink />
        <ThemeToggle />
      </header>
      <main className="flex flex-col gap-4">
        <p className="font-semibold text-brand-600">Error 404</p>
        <h1 className="text-3xl font-bold tracking-tight">This page doesn’t exist</h1>
        <p className="text-lg text-gray-700">
          The link may be mistyped, or the page was moved. Your saved videos, photo posts and stories are not
          affected.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/dashboard" className={buttonStyles.primary}>
            Go to your dashboard
          </Link>
          <Link href="/help" className={buttonStyles.secondary}>
            Help
          </Link>
        </div>
      </main>
    </div>
  );
}
