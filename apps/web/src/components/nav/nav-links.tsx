'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/history', label: 'History' },
  { href: '/help', label: 'Help' },
] as const;

/** The main sections; the current one is marked for screen readers and by an underline. */
export function NavLinks({ showAdmin = false }: { showAdmin?: boolean }) {
  const pathname = usePathname();
  const links = showAdmin ? [...LINKS, { href: '/admin', label: 'Admin' } as const] : LINKS;
  return (
    <ul className="flex items-center gap-1">
      {links.map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center rounded-md px-3 font-medium hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
                current ? 'text-brand-600 underline decoration-2 underline-offset-8' : 'text-gray-800'
              }`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
