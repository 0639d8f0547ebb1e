'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/stories', label: 'Stories at risk' },
  { href: '/admin/jobs', label: 'Jobs' },
  { href: '/admin/workers', label: 'Workers' },
  { href: '/admin/users', label: 'Users' },
] as const;

/** The monitor's sections; the current one is marked for screen readers and by an underline. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap items-center gap-1">
      {LINKS.map((link) => {
        const current = link.href === '/admin' ? pathname === '/admin' : pathname.startsWith(link.href);
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
