import { SignOutButton } from '../auth/sign-out-button.tsx';
import { ThemeToggle } from '../theme/theme-toggle.tsx';
import { BrandLink } from './brand-link.tsx';
import { NavLinks } from './nav-links.tsx';

/** The header of signed-in pages: brand, sections, who is signed in, light/dark, sign out. */
export function AppHeader({ email, isAdmin = false }: { email: string; isAdmin?: boolean }) {
  return (
    <header className="z-10 border-b border-gray-200 bg-white/95 backdrop-blur sm:sticky sm:top-0">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
        <BrandLink href="/dashboard" />
        <nav
          aria-label="Main"
          className="order-last -mx-3 w-full overflow-x-auto px-1 py-1 sm:order-none sm:mx-0 sm:mr-auto sm:w-auto"
        >
          <NavLinks showAdmin={isAdmin} />
        </nav>
        <div className="flex items-center gap-1">
          <span className="hidden max-w-48 truncate text-sm text-gray-700 sm:inline" title={email}>
            {email}
          </span>
          <ThemeToggle />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
